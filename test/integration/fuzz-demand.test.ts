import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMAND_FORMATS } from '../../src/demand/formats.js';
import { importDemand } from '../../src/demand/import.js';
import { referenceLists } from '../../src/demand/reference.js';
import type { GraphClient } from '../../src/graph/client.js';
import { expectRefused, hostileText, hostileValue } from '../fuzz.js';
import { freshTestGraph, graphFingerprint, sharedDataDir } from '../helpers.js';

const figure = fc.record({
  metric: fc.constant('VACANCIES'),
  value: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constant(null)),
  unit: fc.constant('open vacancies'),
  period: fc.constantFrom('2024', '2025'),
  region: fc.constantFrom('HR03', 'HR04', 'FR', 'DE212'),
  sector: fc.constantFrom(null, 'F', 'C25'),
  targetKind: fc.constant('ISCO'),
  targetCode: fc.constantFrom('7212', '2512', '72'),
});
const spoilt = fc.record(
  {
    metric: hostileText(),
    value: hostileValue,
    period: hostileText(),
    region: hostileText(),
    sector: hostileText(),
    targetKind: hostileText(),
    targetCode: hostileText(),
    flags: fc.oneof(fc.array(hostileText(), { maxLength: 2 }), hostileText()),
    reliability: hostileText(),
    sampleSize: hostileValue,
  },
  { requiredKeys: [] },
);
const signal = fc.oneof(
  { arbitrary: figure, weight: 4 },
  { arbitrary: fc.tuple(figure, spoilt).map(([good, bad]) => ({ ...good, ...bad })), weight: 1 },
);
const source = fc.oneof(
  { arbitrary: fc.constant({}), weight: 4 },
  {
    arbitrary: fc.record({ id: hostileText(), name: hostileValue, retrievedOn: hostileText() }, { requiredKeys: [] }),
    weight: 1,
  },
);
const documentOf = fc.record({ source, signals: fc.array(signal, { maxLength: 8 }) });

/**
 * The generic demand format, fuzzed through the real reader and import: every document ends in an
 * ImportError naming the file (and the record and field where there is one) with the graph as it was,
 * or in figures that read back as given; never another error, never part of an import written.
 */
describe('demand import (generic JSON), fuzzed', () => {
  let graph: GraphClient;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-demand-'));
  const refs = referenceLists(path.join(sharedDataDir, 'reference'));
  const generic = DEMAND_FORMATS.find((f) => f.name === 'generic')!;
  beforeAll(async () => {
    graph = await freshTestGraph({ seed: true });
  });
  afterAll(async () => {
    await graph?.close();
  });

  it('stores a document whole or refuses it with a named error and nothing written', async () => {
    let run = 0;
    const outcomes = { stored: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(documentOf, async (generated) => {
        run += 1;
        const doc = {
          source: {
            id: 'fuzz-source',
            name: 'Fuzzed figures',
            citation: 'test/integration/fuzz-demand.test.ts',
            licence: 'EUPL-1.2',
            retrievedOn: '2026-12-04',
            ...generated.source,
          },
          signals: generated.signals,
        };
        const file = path.join(dir, `demand-${run}.json`);
        fs.writeFileSync(file, JSON.stringify(doc));
        const before = await graphFingerprint(graph);
        try {
          await importDemand(graph, generic.read(file, refs, { retrievedOn: null }));
        } catch (error) {
          await expectRefused(error, `demand-${run}.json`, graph, before);
          outcomes.refused += 1;
          return;
        }
        const periods = [...new Set(doc.signals.map((s) => String(s.period).trim()))];
        const stored = await graph.read<{ region: string; targetCode: string; value: number | null }>(
          `MATCH (s:DemandSignal {sourceId: $id}) WHERE s.period IN $periods
           RETURN s.region AS region, s.targetCode AS targetCode, s.value AS value`,
          { id: doc.source.id, periods },
        );
        const key = (s: { region: unknown; targetCode: unknown; value: unknown }) =>
          `${String(s.region).trim()}|${String(s.targetCode).trim()}|${s.value ?? null}`;
        expect(stored.map(key).sort()).toEqual(doc.signals.map(key).sort());
        outcomes.stored += 1;
      }),
      { numRuns: 40, seed: 20261204 },
    );
    // Both ways were taken, so each check above ran.
    expect(outcomes.stored).toBeGreaterThan(5);
    expect(outcomes.refused).toBeGreaterThan(5);
  }, 300_000);
});
