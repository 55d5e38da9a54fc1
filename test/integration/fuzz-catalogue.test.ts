import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCatalogue } from '../../src/catalogue/import.js';
import type { GraphClient } from '../../src/graph/client.js';
import { type ReleaseLinker, SkillLinkerCache } from '../../src/linking/cache.js';
import { expectRefused, hostileText, hostileValue } from '../fuzz.js';
import { freshTestGraph, graphFingerprint } from '../helpers.js';

const words = (max: number) => fc.stringMatching(new RegExp(`^[A-Za-z][A-Za-z ]{0,${max}}[a-z]$`));

// Few ids, so duplicates within a file and stacking loops (through the file and the catalogue) are common.
const OFFER_IDS = ['fz-a', 'fz-b', 'fz-c', 'fz-d', 'fz-e', 'fz-f'];
const PROVIDER_IDS = ['fz-provider-1', 'fz-provider-2'];

const wellFormedOffer = fc.record(
  {
    id: fc.constantFrom(...OFFER_IDS),
    title: words(40),
    description: words(80),
    awardingBodies: fc.array(words(20), { minLength: 1, maxLength: 2 }),
    learningOutcomes: fc.uniqueArray(words(60), { maxLength: 3 }),
    stacksInto: fc.oneof(
      { arbitrary: fc.constant([]), weight: 2 },
      { arbitrary: fc.uniqueArray(fc.constantFrom(...OFFER_IDS), { minLength: 1, maxLength: 2 }), weight: 1 },
    ),
    providerId: fc.option(fc.constantFrom(...PROVIDER_IDS), { nil: undefined, freq: 2 }),
    eqfLevel: fc.integer({ min: 1, max: 8 }),
    workloadValue: fc.integer({ min: 1, max: 60 }),
    workloadUnit: fc.constantFrom('ECTS', 'HOURS', 'DAYS'),
    participationForm: fc.constantFrom('ONLINE', 'ONSITE', 'BLENDED'),
    languages: fc.subarray(['en', 'fr', 'hr']),
  },
  { requiredKeys: ['id', 'title', 'awardingBodies'] },
);
const spoiltOffer = fc.record(
  {
    id: hostileValue,
    title: hostileValue,
    description: hostileValue,
    awardingBodies: hostileValue,
    learningOutcomes: hostileValue,
    stacksInto: fc.oneof(fc.array(hostileText(), { maxLength: 2 }), hostileValue),
    providerId: hostileValue,
    eqfLevel: hostileValue,
    workloadValue: hostileValue,
    workloadUnit: hostileValue,
    languages: hostileValue,
    validUntil: hostileValue,
  },
  { requiredKeys: [] },
);
const offer = fc.oneof(
  { arbitrary: wellFormedOffer, weight: 3 },
  { arbitrary: fc.tuple(wellFormedOffer, spoiltOffer).map(([good, bad]) => ({ ...good, ...bad })), weight: 1 },
);
const provider = fc.oneof(
  {
    arbitrary: fc.record({
      id: fc.constantFrom(...PROVIDER_IDS),
      name: words(30),
      country: fc.constantFrom('HR', 'FR'),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({ id: hostileValue, name: hostileValue, country: hostileValue }, { requiredKeys: [] }),
    weight: 1,
  },
);
const catalogueDocument = fc.record({
  providers: fc.array(provider, { maxLength: 2 }),
  microCredentials: fc.array(offer, { maxLength: 3 }),
});

type Offer = Record<string, unknown>;
const CSV_COLUMNS = [
  'id',
  'title',
  'description',
  'awardingBodies',
  'learningOutcomes',
  'stacksInto',
  'providerId',
  'eqfLevel',
];

/** One CSV cell: lists joined with '|', everything quoted (quotes doubled), as a spreadsheet writes it. */
const cell = (value: unknown) =>
  `"${(Array.isArray(value) ? value.map(String).join('|') : value == null ? '' : String(value)).replaceAll('"', '""')}"`;

/** What the CSV format says a cell means (docs/catalogue.md): trimmed, empty is absent, lists split on '|'. */
function fromCsv(row: Offer): Offer {
  const read: Offer = {};
  for (const column of CSV_COLUMNS) {
    const raw = Array.isArray(row[column])
      ? (row[column] as unknown[]).map(String).join('|')
      : String(row[column] ?? '');
    const value = raw.trim();
    if (value === '') continue;
    if (['awardingBodies', 'learningOutcomes', 'stacksInto'].includes(column))
      read[column] = value
        .split('|')
        .map((item) => item.trim())
        .filter(Boolean);
    else read[column] = column === 'eqfLevel' ? Number(value) : value;
  }
  return read;
}

/**
 * The catalogue import (our JSON and CSV) fuzzed through the real reader, validation and write: every file
 * ends in an ImportError naming the file with the graph as it was, or in offers that read back as the file
 * states them; never another error, never part of a file written. Duplicate ids, stacking loops (through the
 * file and the offers earlier runs stored) and dangling references are among what it draws.
 */
describe('catalogue import (JSON and CSV), fuzzed', () => {
  let graph: GraphClient;
  let release: ReleaseLinker | null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-catalogue-'));
  beforeAll(async () => {
    graph = await freshTestGraph({ seed: true });
    release = await new SkillLinkerCache().get(graph);
  });
  afterAll(async () => {
    await graph?.close();
  });

  const readBack = async (ids: string[]) =>
    graph.read<{ id: string; title: string; description: string | null; outcomes: string[]; stacksInto: string[] }>(
      `UNWIND $ids AS id MATCH (m:MicroCredential {id: id})
       RETURN m.id AS id, m.title AS title, m.description AS description,
              COLLECT { MATCH (m)-[:HAS_OUTCOME]->(lo) WHERE coalesce(lo.stated, true) RETURN lo.text } AS outcomes,
              COLLECT { MATCH (m)-[:STACKS_INTO]->(t) RETURN t.id } AS stacksInto`,
      { ids },
    );

  it.each(['json', 'csv'] as const)(
    'stores a %s file whole or refuses it with a named error and nothing written',
    async (format) => {
      let run = 0;
      const outcomes = { stored: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(catalogueDocument, async (generated) => {
          run += 1;
          const name = `catalogue-${run}.${format}`;
          const file = path.join(dir, name);
          // CSV holds offers only; their providers must be in the catalogue already (earlier runs store some).
          const offers: Offer[] =
            format === 'json' ? generated.microCredentials : generated.microCredentials.map(fromCsv);
          if (format === 'json') fs.writeFileSync(file, JSON.stringify(generated));
          else
            fs.writeFileSync(
              file,
              [
                CSV_COLUMNS.join(','),
                ...generated.microCredentials.map((m: Offer) => CSV_COLUMNS.map((c) => cell(m[c])).join(',')),
              ].join('\n'),
            );
          const before = await graphFingerprint(graph);
          try {
            await importCatalogue(graph, file, release);
          } catch (error) {
            await expectRefused(error, name, graph, before);
            outcomes.refused += 1;
            return;
          }
          const stored = await readBack(offers.map((m) => String(m.id)));
          expect(stored.map((m) => m.id).sort()).toEqual(offers.map((m) => String(m.id)).sort());
          for (const sent of offers) {
            const got = stored.find((m) => m.id === sent.id)!;
            expect(got.title).toBe(sent.title);
            expect(got.description).toBe(sent.description ?? null);
            expect([...got.outcomes].sort()).toEqual(
              [...((sent.learningOutcomes as string[] | undefined) ?? [])].sort(),
            );
            expect([...got.stacksInto].sort()).toEqual([...((sent.stacksInto as string[] | undefined) ?? [])].sort());
          }
          outcomes.stored += 1;
        }),
        { numRuns: 40, seed: 20261204 },
      );
      // Both ways were taken, so each check above ran.
      expect(outcomes.stored).toBeGreaterThan(3);
      expect(outcomes.refused).toBeGreaterThan(3);
    },
    300_000,
  );
});
