import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { EUROSTAT_LFS_FILE, readEurostatLfs } from '../../src/demand/adapters/eurostat-lfs.js';
import { readGenericDemand } from '../../src/demand/adapters/generic.js';
import { importDemand } from '../../src/demand/import.js';
import { referenceLists } from '../../src/demand/reference.js';
import { ImportError } from '../../src/errors.js';
import type { GraphClient } from '../../src/graph/client.js';
import { freshTestGraph, graphFingerprint } from '../helpers.js';

const shared = path.resolve(projectRoot, '..', 'shared', 'data');
const eurostatDir = path.join(shared, 'eurostat-lfsa_eisn2');
const refs = referenceLists(path.join(shared, 'reference'));

/** The CSV read independently of the adapter. */
const csvRows = parse(fs.readFileSync(path.join(eurostatDir, EUROSTAT_LFS_FILE)), {
  columns: true,
  bom: true,
}) as Array<Record<string, string>>;

function copyWith(edit: (lines: string[]) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demand-'));
  const lines = fs.readFileSync(path.join(eurostatDir, EUROSTAT_LFS_FILE), 'utf8').split('\n');
  edit(lines);
  fs.writeFileSync(path.join(dir, EUROSTAT_LFS_FILE), lines.join('\n'));
  return dir;
}

async function signal(graph: GraphClient, key: string) {
  const [row] = await graph.read<{ s: Record<string, unknown> | null }>(
    'OPTIONAL MATCH (s:DemandSignal {key: $key}) RETURN properties(s) AS s',
    { key },
  );
  return row.s;
}

describe('demand import: Eurostat LFS (lfsa_eisn2)', () => {
  let graph: GraphClient;
  beforeAll(async () => {
    graph = await freshTestGraph({ seed: true });
  });
  afterAll(() => graph.close());

  it('keeps every row of the file: values as published, flags letter by letter, unpublished figures as missing', async () => {
    const [summary] = await importDemand(graph, [readEurostatLfs(eurostatDir, refs, '2026-11-20')]);
    const published = csvRows.filter((row) => row.value_thousand_persons !== '');
    const withFlag = (letter: string) => csvRows.filter((row) => row.flag.includes(letter)).length;
    expect(summary).toMatchObject({
      sourceId: 'eurostat-lfsa_eisn2',
      periods: ['2023', '2024'],
      signals: csvRows.length,
      published: published.length,
      notPublished: csvRows.length - published.length,
      lowReliability: published.filter((row) => row.flag.includes('u')).length,
      flags: { u: withFlag('u'), d: withFlag('d'), b: withFlag('b') },
      removed: 0,
    });
    // The figures the data description gives for this file.
    expect([summary.signals, summary.published, summary.flags]).toEqual([15_120, 7_696, { u: 5_563, d: 641, b: 171 }]);
    const [{ stored }] = await graph.read<{ stored: number }>(
      "MATCH (s:DemandSignal {sourceId: 'eurostat-lfsa_eisn2'}) RETURN count(s) AS stored",
    );
    expect(stored).toBe(15_120);

    // Construction (F), craft workers (OC7), France, 2024: the row's value, no flag.
    const france = csvRows.find(
      (row) => row.nace_r2 === 'F' && row.isco08 === 'OC7' && row.geo_label === 'France' && row.year === '2024',
    )!;
    expect(await signal(graph, 'eurostat-lfsa_eisn2|EMPLOYMENT|2024|FR|F|ISCO|7')).toMatchObject({
      value: Number(france.value_thousand_persons),
      unit: 'thousand persons',
      flags: [...france.flag],
      reliability: france.flag.includes('u') ? 'LOW' : 'NORMAL',
      region: 'FR',
      sector: 'F',
      targetKind: 'ISCO',
      targetCode: '7',
    });
    // A flagged figure: Belgium, agriculture, managers, 2023, 2.7 with u.
    expect(await signal(graph, 'eurostat-lfsa_eisn2|EMPLOYMENT|2023|BE|A|ISCO|1')).toMatchObject({
      value: 2.7,
      flags: ['u'],
      reliability: 'LOW',
    });
    // Not published: Denmark, agriculture, managers, 2023: empty with flags b and u; no value at all, not 0.
    const denmark = await signal(graph, 'eurostat-lfsa_eisn2|EMPLOYMENT|2023|DK|A|ISCO|1');
    expect(denmark).toMatchObject({ flags: ['b', 'u'], reliability: 'NOT_PUBLISHED' });
    expect(denmark).not.toHaveProperty('value');
    // Greece is EL, as in NUTS.
    expect(await signal(graph, 'eurostat-lfsa_eisn2|EMPLOYMENT|2024|EL|F|ISCO|7')).not.toBeNull();

    const [source] = await graph.read<Record<string, unknown>>(
      'MATCH (s:DemandSource {id: "eurostat-lfsa_eisn2"}) RETURN s.periods AS periods, s.retrievedOn AS retrievedOn, s.flagMeanings AS flags',
    );
    expect(source).toEqual({
      periods: ['2023', '2024'],
      retrievedOn: '2026-11-20',
      flags: ['u: low reliability', 'd: definition differs', 'b: break in time series'],
    });
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await graphFingerprint(graph);
    const [again] = await importDemand(graph, [readEurostatLfs(eurostatDir, refs, '2026-11-20')]);
    expect(again.removed).toBe(0);
    expect(await graphFingerprint(graph)).toEqual(before);
  });

  it('replaces the figures of the periods it brings, and keeps the other periods', async () => {
    // Only the 2024 rows, and one of them gone: 2023 stays, the missing 2024 figure is removed.
    const header = 0;
    const dir = copyWith((lines) => {
      const kept = lines.filter((line, index) => index === header || line.includes(',2024,'));
      const dropped = kept.findIndex((line) => /^Sheet \d+,F,Construction,OC7,[^,]+,France,2024,/.test(line));
      expect(dropped).toBeGreaterThan(0);
      kept.splice(dropped, 1);
      lines.splice(0, lines.length, ...kept);
    });
    const [summary] = await importDemand(graph, [readEurostatLfs(dir, refs, '2026-11-20')]);
    expect(summary).toMatchObject({ periods: ['2024'], signals: 7_559, removed: 1 });
    const [{ y2023, y2024 }] = await graph.read<{ y2023: number; y2024: number }>(
      "RETURN COUNT { (s:DemandSignal {sourceId: 'eurostat-lfsa_eisn2', period: '2023'}) } AS y2023, COUNT { (s:DemandSignal {sourceId: 'eurostat-lfsa_eisn2', period: '2024'}) } AS y2024",
    );
    expect([y2023, y2024]).toEqual([7_560, 7_559]);
    expect(await signal(graph, 'eurostat-lfsa_eisn2|EMPLOYMENT|2024|FR|F|ISCO|7')).toBeNull();
  });

  it.each([
    [
      'an unknown NACE section',
      (line: string) => line.replace(/^Sheet \d+,A,/, 'Sheet 1,Q9,'),
      'nace_r2',
      "unknown NACE Rev.2 code 'Q9'",
    ],
    [
      'an unknown country',
      (line: string) => line.replace(',Belgium,', ',Belgica,'),
      'geo_label',
      "unknown country 'Belgica'",
    ],
    [
      'a value that is not a number',
      (line: string) => line.replace(',2.7,', ',2.7x,'),
      'value_thousand_persons',
      "not a number: '2.7x'",
    ],
    [
      'an unknown flag',
      (line: string) => line.replace(',2.7,u,', ',2.7,z,'),
      'flag',
      "unknown flag 'z' (known: u, d, b)",
    ],
  ])('refuses %s, naming file, line and column, and writes nothing', async (_what, edit, column, reason) => {
    const before = await graphFingerprint(graph);
    const dir = copyWith((lines) => {
      lines[1] = edit(lines[1]);
    });
    const error = await Promise.resolve()
      .then(() => importDemand(graph, [readEurostatLfs(dir, refs, null)]))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toBe(`${EUROSTAT_LFS_FILE}:2:${column}: ${reason}`);
    expect(await graphFingerprint(graph)).toEqual(before);
  });
});

describe('demand import: the generic format', () => {
  let graph: GraphClient;
  beforeAll(async () => {
    graph = await freshTestGraph({ seed: true });
  });
  afterAll(() => graph.close());

  it('reads the JSON and CSV examples in seeds/, with their sources', async () => {
    const summaries = await importDemand(graph, [
      readGenericDemand(path.join(projectRoot, 'seeds', 'demand-example.json'), refs),
      readGenericDemand(path.join(projectRoot, 'seeds', 'demand-example.csv'), refs),
    ]);
    expect(summaries.map((s) => [s.sourceId, s.signals, s.published, s.notPublished, s.lowReliability])).toEqual([
      ['example-pes-register', 4, 3, 1, 1],
      ['example-job-ad-extract', 3, 3, 0, 0],
    ]);
    const rows = await graph.read<Record<string, unknown>>(
      'MATCH (s:DemandSignal) RETURN s.sourceId AS source, s.metric AS metric, s.value AS value, s.period AS period, s.region AS region, s.sector AS sector, s.targetKind AS kind, s.reliability AS reliability, s.line AS line ORDER BY source, line',
    );
    expect(rows).toEqual([
      {
        source: 'example-job-ad-extract',
        metric: 'JOB_ADS',
        value: 1250,
        period: '2025',
        region: 'DK01',
        sector: 'G47',
        kind: 'ISCO',
        reliability: 'NORMAL',
        line: 2,
      },
      {
        source: 'example-job-ad-extract',
        metric: 'JOB_ADS',
        value: 85,
        period: '2025',
        region: 'DK01',
        sector: 'J62',
        kind: 'SKILL',
        reliability: 'NORMAL',
        line: 3,
      },
      {
        source: 'example-job-ad-extract',
        metric: 'FORECAST_CHANGE',
        value: -3.5,
        period: '2025-2030',
        region: 'DK',
        sector: 'G',
        kind: 'ISCO',
        reliability: 'NORMAL',
        line: 4,
      },
      {
        source: 'example-pes-register',
        metric: 'VACANCIES',
        value: 412,
        period: '2025',
        region: 'HR04',
        sector: 'F',
        kind: 'ISCO',
        reliability: 'NORMAL',
        line: 1,
      },
      {
        source: 'example-pes-register',
        metric: 'VACANCIES',
        value: 18,
        period: '2025',
        region: 'HR04',
        sector: 'C25',
        kind: 'OCCUPATION',
        reliability: 'LOW',
        line: 2,
      },
      {
        source: 'example-pes-register',
        metric: 'VACANCIES',
        value: null,
        period: '2025',
        region: 'HR03',
        sector: 'F',
        kind: 'ISCO',
        reliability: 'NOT_PUBLISHED',
        line: 3,
      },
      {
        source: 'example-pes-register',
        metric: 'SHORTAGE',
        value: 1,
        period: '2025',
        region: 'HR',
        sector: null,
        kind: 'ISCO',
        reliability: 'NORMAL',
        line: 4,
      },
    ]);
  });

  it('refuses a duplicate figure and an unknown region, naming the record', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demand-'));
    const document = JSON.parse(fs.readFileSync(path.join(projectRoot, 'seeds', 'demand-example.json'), 'utf8'));
    document.signals.push({ ...document.signals[0], value: 500 });
    fs.writeFileSync(path.join(dir, 'dup.json'), JSON.stringify(document));
    const duplicate = await Promise.resolve()
      .then(() => importDemand(graph, [readGenericDemand(path.join(dir, 'dup.json'), refs)]))
      .catch((e: unknown) => e);
    expect((duplicate as Error).message).toBe(
      'dup.json:5: the same figure as line 1 (source, metric, period, region, sector and target: example-pes-register|VACANCIES|2025|HR04|F|ISCO|7212)',
    );
    document.signals.splice(4, 1);
    document.signals[2].region = 'HR99';
    fs.writeFileSync(path.join(dir, 'region.json'), JSON.stringify(document));
    expect(() => readGenericDemand(path.join(dir, 'region.json'), refs)).toThrow(
      "region.json:3:region: unknown region 'HR99': not a country or NUTS 2016/2021 code",
    );
  });
});

describe('demand import: regional sums (rollups)', () => {
  let graph: GraphClient;
  beforeAll(async () => {
    graph = await freshTestGraph({ seed: false });
  });
  afterAll(() => graph.close());

  it('adds up regional figures into every coarser region at import, and replaces the sums when the figures change', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rollups-'));
    const file = path.join(dir, 'district-ads.csv');
    // A source of its own (the seeds' description under another id), so no other test's figures are touched.
    const source = JSON.parse(fs.readFileSync(path.join(projectRoot, 'seeds', 'demand-example.source.json'), 'utf8'));
    fs.writeFileSync(
      path.join(dir, 'district-ads.source.json'),
      JSON.stringify({ ...source, id: 'example-district-ads' }),
    );
    const write = (rows: string[]) =>
      fs.writeFileSync(
        file,
        ['metric,value,unit,period,region,sector,targetKind,targetCode,flags,sampleSize', ...rows].join('\n'),
      );
    const sums = () =>
      graph.read<{ region: string; value: number | null; figures: number; published: number; level: number }>(
        `MATCH (r:DemandRollup {sourceId: 'example-district-ads', period: '2025', targetCode: '5223'})
         RETURN r.region AS region, r.value AS value, r.figures AS figures, r.published AS published, r.level AS level ORDER BY region`,
      );
    // Two Bavarian districts and one in Berlin: 30 + 12 in DE21 (Oberbayern), DE2 and DE; 7 more in DE3 and DE.
    write([
      'JOB_ADS,30,job advertisements,2025,DE212,G47,ISCO,5223,,',
      'JOB_ADS,12,job advertisements,2025,DE21A,G47,ISCO,5223,,',
      'JOB_ADS,7,job advertisements,2025,DE300,G47,ISCO,5223,,',
    ]);
    await importDemand(graph, [readGenericDemand(file, refs)]);
    expect(await sums()).toEqual([
      { region: 'DE', value: 49, figures: 3, published: 3, level: 5 },
      { region: 'DE2', value: 42, figures: 2, published: 2, level: 5 },
      { region: 'DE21', value: 42, figures: 2, published: 2, level: 5 },
      { region: 'DE3', value: 7, figures: 1, published: 1, level: 5 },
      { region: 'DE30', value: 7, figures: 1, published: 1, level: 5 },
    ]);
    // A new edition: Berlin's figure is gone and one Bavarian figure is now unpublished.
    write([
      'JOB_ADS,30,job advertisements,2025,DE212,G47,ISCO,5223,,',
      'JOB_ADS,,job advertisements,2025,DE21A,G47,ISCO,5223,,',
    ]);
    await importDemand(graph, [readGenericDemand(file, refs)]);
    expect(await sums()).toEqual([
      { region: 'DE', value: 30, figures: 2, published: 1, level: 5 },
      { region: 'DE2', value: 30, figures: 2, published: 1, level: 5 },
      { region: 'DE21', value: 30, figures: 2, published: 1, level: 5 },
    ]);
    const [{ rollups }] = await graph.read<{ rollups: number }>(
      "MATCH (s:DemandSource {id: 'example-district-ads'}) RETURN s.rollups AS rollups",
    );
    expect(rollups).toBe(3);
  });
});
