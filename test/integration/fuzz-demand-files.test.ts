import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMAND_FORMATS } from '../../src/demand/formats.js';
import { importDemand } from '../../src/demand/import.js';
import { referenceLists } from '../../src/demand/reference.js';
import type { GraphClient } from '../../src/graph/client.js';
import { expectRefused, hostileText } from '../fuzz.js';
import { freshTestGraph, graphFingerprint, sharedDataDir } from '../helpers.js';

/** One CSV line's cells (RFC 4180: quoted cells may hold commas and doubled quotes). */
function cellsOf(line: string): string[] {
  const cells: string[] = [];
  for (const match of line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g))
    cells.push(match[1] !== undefined ? match[1].replaceAll('""', '"') : match[2]);
  return cells;
}
const lineOf = (cells: string[]) => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',');

/** The countries of the Eurostat sample, as Eurostat codes them. */
const COUNTRIES: Record<string, string> = { Belgium: 'BE', Bulgaria: 'BG', Czechia: 'CZ', Denmark: 'DK' };

interface FileFormat {
  format: string;
  file: string;
  /** The figure a row states: what the import must store for it. */
  figure: (row: Record<string, string>) => string;
  /** The period a row states (an import replaces the figures of the periods its file has). */
  period: (row: Record<string, string>) => string;
  /** Which real rows the sample takes. */
  keep: (row: Record<string, string>) => boolean;
}
const number = (cell: string) => (cell.trim() === '' ? null : Number(cell.trim()));
const FORMATS: FileFormat[] = [
  {
    format: 'eurostat-lfs',
    file: 'eurostat-lfsa_eisn2/employment_nace_x_isco_by_country_2023_2024.csv',
    figure: (r) =>
      `${COUNTRIES[r.geo_label]}|${r.nace_r2}|${r.isco08.slice(2)}|${r.year}|${number(r.value_thousand_persons)}`,
    period: (r) => r.year?.trim(),
    keep: (r) => r.geo_label in COUNTRIES && ['A', 'F'].includes(r.nace_r2),
  },
  {
    format: 'eu-job-ads',
    file: 'eu-oja-isco4-2019-2020/oja_isco4_eu_2019_2020.csv',
    figure: (r) => `EU||${r.isco08_4d}|2019-2020|${number(r.n_ads_2019_2020_EU)}`,
    period: () => '2019-2020',
    keep: (r) => /^(25|72)/.test(r.isco08_4d),
  },
];

/**
 * The national CSV demand formats fuzzed through their real readers and the import: a sample of the real
 * file with one to three cells made hostile (any text, numbers as text, empty), a row doubled or cut short.
 * Each file ends in an ImportError naming it with the graph as it was, or in exactly the figures its rows
 * state; never another error, never part of a file written.
 */
describe.each(FORMATS)('demand import --format $format, fuzzed', ({ format, file, figure, period, keep }) => {
  let graph: GraphClient;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `fuzz-${format}-`));
  const refs = referenceLists(path.join(sharedDataDir, 'reference'));
  const reader = DEMAND_FORMATS.find((f) => f.name === format)!;
  const [headerLine, ...lines] = fs.readFileSync(path.join(sharedDataDir, file), 'utf8').trim().split(/\r?\n/);
  const header = cellsOf(headerLine);
  const asRow = (cells: string[]) => Object.fromEntries(header.map((name, i) => [name, cells[i]]));
  const sample = lines.map(cellsOf).filter((cells) => keep(asRow(cells)));
  beforeAll(async () => {
    graph = await freshTestGraph({ seed: true });
  });
  afterAll(async () => {
    await graph?.close();
  });

  const change = fc.oneof(
    {
      arbitrary: fc.record({
        kind: fc.constant('cell' as const),
        row: fc.nat({ max: sample.length - 1 }),
        column: fc.nat({ max: header.length - 1 }),
        to: fc.oneof(hostileText(), fc.constantFrom('', ' 12 ', '-1', '1e308', '1,5', 'NaN', 'Infinity', '0x1A')),
      }),
      weight: 4,
    },
    {
      arbitrary: fc.record({ kind: fc.constant('double' as const), row: fc.nat({ max: sample.length - 1 }) }),
      weight: 1,
    },
    { arbitrary: fc.record({ kind: fc.constant('cut' as const), row: fc.nat({ max: sample.length - 1 }) }), weight: 1 },
  );

  it('stores the figures a file states or refuses it with a named error and nothing written', async () => {
    expect(sample.length).toBeGreaterThan(20);
    let run = 0;
    const outcomes = { stored: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 0, maxLength: 3 }), async (changes) => {
        run += 1;
        const rows = sample.map((cells) => [...cells]);
        for (const c of changes) {
          if (c.kind === 'cell') rows[c.row][c.column] = c.to;
          else if (c.kind === 'double') rows.push([...rows[c.row]]);
          else rows[c.row] = rows[c.row].slice(0, -1);
        }
        const name = `${format}-${run}.csv`;
        fs.writeFileSync(path.join(dir, name), [lineOf(header), ...rows.map(lineOf)].join('\n'));
        const before = await graphFingerprint(graph);
        let sourceId: string;
        try {
          const batches = reader.read(path.join(dir, name), refs, { retrievedOn: null });
          sourceId = batches[0].source.id;
          await importDemand(graph, batches);
        } catch (error) {
          await expectRefused(error, name, graph, before);
          outcomes.refused += 1;
          return;
        }
        const stored = await graph.read<{
          region: string;
          sector: string | null;
          target: string;
          period: string;
          value: number | null;
        }>(
          `MATCH (s:DemandSignal {sourceId: $sourceId}) WHERE s.period IN $periods
           RETURN s.region AS region, s.sector AS sector, s.targetCode AS target, s.period AS period, s.value AS value`,
          { sourceId, periods: [...new Set(rows.map((cells) => period(asRow(cells))))] },
        );
        const stated = rows.map((cells) => figure(asRow(cells)));
        expect(stored.map((s) => `${s.region}|${s.sector ?? ''}|${s.target}|${s.period}|${s.value}`).sort()).toEqual(
          stated.sort(),
        );
        outcomes.stored += 1;
      }),
      { numRuns: 40, seed: 20261206 },
    );
    expect(outcomes.stored).toBeGreaterThan(3);
    expect(outcomes.refused).toBeGreaterThan(3);
  }, 300_000);
});
