import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCatalogue } from '../../src/catalogue/import.js';
import { elmValidatorFor } from '../../src/catalogue/elm-validation.js';
import type { GraphClient } from '../../src/graph/client.js';
import { type ReleaseLinker, SkillLinkerCache } from '../../src/linking/cache.js';
import { expectRefused, hostileValue } from '../fuzz.js';
import { freshTestGraph, graphFingerprint, sharedDataDir } from '../helpers.js';

const ELM_DIR = path.join(sharedDataDir, 'elm-v3');
/** The Commission's micro-credential sample (a European Digital Credential), as published. */
const SAMPLE = JSON.parse(fs.readFileSync(path.join(ELM_DIR, 'samples', 'Sample-MC-Annex1-unsigned.jsonld'), 'utf8'));

type Json = unknown;
type Path = Array<string | number>;

/** Every place in a document a value sits, under the credential's claim (where the offer is described) or at the top. */
function placesIn(document: Json): Path[] {
  const places: Path[] = [];
  const walk = (node: Json, at: Path) => {
    places.push(at);
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, [...at, i]));
    else if (node !== null && typeof node === 'object')
      for (const [key, value] of Object.entries(node)) if (key !== '@context') walk(value, [...at, key]);
  };
  walk(document, []);
  return places.filter((at) => at.length === 1 || at.includes('hasClaim'));
}

/** A copy of the document with the value at `at` replaced (or, given undefined, removed); as it was where an earlier change took that place away. */
function withValueAt(document: Json, at: Path, value: unknown): Json {
  if (at.length === 0) return value;
  const copy = structuredClone(document);
  let node: any = copy;
  for (const step of at.slice(0, -1)) {
    node = node?.[step];
    if (node === null || typeof node !== 'object') return document;
  }
  const last = at[at.length - 1];
  if (value === undefined && Array.isArray(node)) node.splice(last as number, 1);
  else if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

const valueAt = (document: Json, at: Path): any => at.reduce<any>((node, step) => node?.[step], document);

/** Every text a document holds, as written and trimmed: what an offer read from it may say. */
function textsIn(document: Json): Set<string> {
  const texts = new Set<string>();
  const walk = (node: Json) => {
    if (typeof node === 'string') texts.add(node).add(node.trim());
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(document);
  return texts;
}

const SAMPLE_PLACES = placesIn(SAMPLE);
/** Within the specification and the award: where the offer's title, outcomes and awarding body are read. */
const READ_PLACES = SAMPLE_PLACES.filter((at) => at.includes('specifiedBy') || at.includes('awardedBy'));
/** The elements an offer is read from (src/catalogue/elm.ts), wherever they sit in the specification or award. */
const ELEMENTS = [
  'id',
  'title',
  'description',
  'learningOutcome',
  'awardingBody',
  'eqfLevel',
  'creditPoint',
  'volumeOfLearning',
  'language',
  'mode',
];
const ELEMENT_PLACES = READ_PLACES.filter(
  (at) =>
    ELEMENTS.includes(String(at[at.length - 1])) &&
    (['specifiedBy', 'awardedBy'].includes(String(at[at.length - 2])) || at[at.length - 3] === 'learningOutcome'),
);
/** One to three changes to the sample: a value replaced by a hostile one, removed, or a list's item doubled. */
const change = fc.record({
  at: fc.oneof(
    { arbitrary: fc.constantFrom(...ELEMENT_PLACES), weight: 6 },
    { arbitrary: fc.constantFrom(...READ_PLACES), weight: 1 },
    { arbitrary: fc.constantFrom(...SAMPLE_PLACES), weight: 1 },
  ),
  to: fc.oneof(
    { arbitrary: hostileValue, weight: 3 },
    { arbitrary: fc.constant(undefined), weight: 1 },
    { arbitrary: fc.constant('double'), weight: 1 },
  ),
});
const spoiltSample = fc.array(change, { minLength: 1, maxLength: 3 }).map((changes) =>
  changes.reduce<Json>((document, { at, to }) => {
    if (to !== 'double') return withValueAt(document, at, to);
    // Doubling a list's item repeats it (duplicate ids); elsewhere the value becomes a list of itself twice.
    const parent = valueAt(document, at.slice(0, -1));
    return Array.isArray(parent)
      ? withValueAt(document, at.slice(0, -1), [...parent, valueAt(document, at)])
      : withValueAt(document, at, [valueAt(document, at), valueAt(document, at)]);
  }, SAMPLE),
);

/**
 * ELM documents fuzzed through the real reader, the Commission's shapes and the write: the Commission's
 * micro-credential sample with one to three of its values made hostile, removed or doubled. Each import ends
 * in an ImportError naming the file with the graph as it was, or in offers whose every text is one the
 * document holds; never another error, never part of a document written.
 */
describe('ELM import, fuzzed', () => {
  let graph: GraphClient;
  let release: ReleaseLinker | null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-elm-'));
  beforeAll(async () => {
    graph = await freshTestGraph({ seed: true });
    release = await new SkillLinkerCache().get(graph);
  });
  afterAll(async () => {
    await graph?.close();
  });

  it('stores an offer the document states or refuses it with a named error and nothing written', async () => {
    const elmValidator = () => elmValidatorFor(ELM_DIR);
    let run = 0;
    const outcomes = { stored: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(spoiltSample, async (document) => {
        run += 1;
        const name = `sample-${run}.jsonld`;
        const file = path.join(dir, name);
        fs.writeFileSync(file, JSON.stringify(document));
        // Each case starts from the demo catalogue: offers an earlier case stored from the sample are removed.
        await graph.write(
          `MATCH (m:MicroCredential) WHERE m.id STARTS WITH 'elm:'
           OPTIONAL MATCH (m)-[:HAS_OUTCOME]->(lo) DETACH DELETE m, lo`,
        );
        const before = await graphFingerprint(graph);
        let summary;
        try {
          summary = await importCatalogue(graph, file, release, { elmValidator });
        } catch (error) {
          await expectRefused(error, name, graph, before);
          outcomes.refused += 1;
          return;
        }
        const texts = textsIn(document);
        const stored = await graph.read<{ id: string; title: string; description: string | null; outcomes: string[] }>(
          `MATCH (m:MicroCredential) WHERE m.id STARTS WITH 'elm:'
           RETURN m.id AS id, m.title AS title, m.description AS description,
                  COLLECT { MATCH (m)-[:HAS_OUTCOME]->(lo) WHERE lo.stated RETURN lo.text } AS outcomes`,
        );
        // What the summary counts is in the graph, and every text it stored is the document's own.
        expect(summary.microCredentials).toBeGreaterThan(0);
        expect(stored).toHaveLength(summary.microCredentials);
        for (const offer of stored) {
          expect(texts.has(offer.title)).toBe(true);
          expect(offer.description === null || texts.has(offer.description)).toBe(true);
          for (const outcome of offer.outcomes) expect(texts.has(outcome)).toBe(true);
        }
        outcomes.stored += 1;
      }),
      { numRuns: 50, seed: 20261206 },
    );
    // Both ways were taken, so each check above ran.
    expect(outcomes.stored).toBeGreaterThan(3);
    expect(outcomes.refused).toBeGreaterThan(3);
  }, 300_000);
});
