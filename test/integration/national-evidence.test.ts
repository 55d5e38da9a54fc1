import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGermanPes } from '../../src/demand/adapters/de-ba.js';
import { readNestaEuLfs } from '../../src/demand/adapters/nesta.js';
import { readUsSectorMix } from '../../src/demand/adapters/us-sector-mix.js';
import { importDemand } from '../../src/demand/import.js';
import { referenceLists } from '../../src/demand/reference.js';
import type { GraphClient } from '../../src/graph/client.js';
import { NO_NATIONAL_EVIDENCE, nationalSplitFor } from '../../src/intelligence/national-evidence.js';
import { OccupationIndex, type SignalInput } from '../../src/intelligence/skill-demand.js';
import {
  demandSources,
  demandStamp,
  occupationMix,
  signalsFor,
  sourceCoverages,
  unitGroupWeights,
} from '../../src/intelligence/store.js';
import type { RunningHub } from '../../src/server/start.js';
import { eurostatRows, readCsv } from '../csv-derivations.js';
import { escoDir, freshGraphWithEscoAndDemand, gql, sharedDataDir, startTestHub } from '../helpers.js';

/**
 * National evidence before the proxy (src/intelligence/national-split.ts) on the real data: Eurostat's
 * sector × major-group employment for France split over ISCO-08 minor groups by the US occupation mix
 * fitted to France's own EU-LFS minor-group structure. The margins it must keep are computed here from
 * the CSVs alone; the proxy's own split is checked to miss them, so the test can tell a fit from none.
 */

const refs = () => referenceLists(path.join(sharedDataDir, 'reference'));

describe('national evidence before the proxy, on full ESCO and the shared demand data', () => {
  let graph: GraphClient;
  let hub: RunningHub;

  beforeAll(async () => {
    graph = await freshGraphWithEscoAndDemand();
    await importDemand(graph, [
      readNestaEuLfs(path.join(sharedDataDir, 'nesta-mapping-career-causeways'), refs(), null),
      readUsSectorMix(path.join(sharedDataDir, 'sector-occupation', 'us-bls-oews-natsector-2024'), refs(), null),
      readGermanPes(path.join(sharedDataDir, 'de-ba-vacancies-unemployed'), refs(), {
        retrievedOn: null,
        years: ['2024'],
      }),
    ]);
    hub = await startTestHub({ SEED_DEMO: 'false' });
  });
  afterAll(async () => {
    await hub.stop();
    await graph.close();
  });

  it('splits every French sector × major-group figure of 2024 whole, and each major group’s minor groups to France’s 2018 EU-LFS shares', async () => {
    // From the CSVs: the ESCO minor groups, Eurostat's French figures (the rows), the EU-LFS 2018 figures (the columns).
    const occupations = readCsv(path.join(escoDir, 'occupations_en.csv')).filter((o) => o.iscoGroup);
    const index = new OccupationIndex(
      occupations.map((o) => ({ uri: o.conceptUri, iscoGroup: o.iscoGroup, essential: [], optional: [] })),
    );
    const minorGroups = new Set(occupations.map((o) => o.iscoGroup.slice(0, 3)));
    const rows = eurostatRows(null, 'France', '2024').filter((r) => r.value_thousand_persons !== '');
    const lfs = new Map(
      readCsv(
        path.join(
          sharedDataDir,
          'nesta-mapping-career-causeways',
          'demographic_analysis',
          'national_count_isco',
          'fra_breakdown_by_isco_w_risk.csv',
        ),
      ).map((r) => [r.isco_code, Number(r['2018'])]),
    );

    const sources = await demandSources(graph);
    const coverages = await sourceCoverages(graph, sources);
    const figures: SignalInput[] = await signalsFor(graph, {
      sources: ['eurostat-lfsa_eisn2'],
      periods: ['2024'],
      region: 'FR',
      sector: null,
    });
    const [mix, weights] = await Promise.all([occupationMix(graph), unitGroupWeights(graph)]);
    const split = (await nationalSplitFor(
      graph,
      demandStamp(sources),
      coverages,
      figures,
      index,
      { occupationMix: mix, unitWeights: weights },
      refs(),
      sources.filter((s) => s.rollups !== null).map((s) => s.id),
    ))!;
    const figureOf = (sector: string, major: string) =>
      figures.find((f) => f.sector === sector && f.targetCode === major)!;

    for (const major of ['1', '2', '3', '4', '5', '6', '7', '8', '9']) {
      const ofMajor = rows.filter((r) => r.isco08 === `OC${major}`);
      const total = ofMajor.reduce((sum, r) => sum + Number(r.value_thousand_persons), 0);
      const minors = [...minorGroups].filter((k) => k.startsWith(major));
      // Every ESCO minor group of these major groups is in France's 2018 series (so none is pooled).
      expect(minors.filter((k) => !lfs.has(k))).toEqual([]);
      const lfsTotal = minors.reduce((sum, k) => sum + lfs.get(k)!, 0);
      const fitted = new Map<string, number>();
      for (const row of ofMajor) {
        const shares = split(figureOf(row.nace_r2, major));
        if (typeof shares === 'string') throw new Error(`${row.nace_r2} × ${major}: ${shares}`);
        expect([...shares.minorShares.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
        for (const [k, share] of shares.minorShares)
          fitted.set(k, (fitted.get(k) ?? 0) + Number(row.value_thousand_persons) * share);
      }
      for (const k of minors) {
        const target = (lfs.get(k)! / lfsTotal) * total;
        expect(Math.abs((fitted.get(k) ?? 0) - target)).toBeLessThan(1e-6 * total);
      }
    }
    // The armed forces' minor groups are not in the series: major group 0 keeps the proxy split.
    expect(split(figureOf('O', '0'))).toBe(NO_NATIONAL_EVIDENCE);

    // The oracle can fail: the US mix alone (its jobs per minor group in each sector, scaled to each figure) puts
    // craft workers' minor groups well off France's own shares.
    const craft = rows.filter((r) => r.isco08 === 'OC7');
    const craftTotal = craft.reduce((sum, r) => sum + Number(r.value_thousand_persons), 0);
    const proxyShare = (k: string) =>
      craft.reduce((sum, r) => {
        const jobs = mix!.bySection.get(r.nace_r2);
        if (!jobs) return sum;
        const of = (prefix: string) =>
          occupations
            .filter((o) => o.iscoGroup.startsWith(prefix))
            .reduce((a, o) => a + (jobs.get(o.conceptUri) ?? 0), 0);
        return of('7') > 0 ? sum + (Number(r.value_thousand_persons) * of(k)) / of('7') : sum;
      }, 0) / craftTotal;
    const craftMinors = [...minorGroups].filter((k) => k.startsWith('7'));
    const lfsCraft = craftMinors.reduce((sum, k) => sum + lfs.get(k)!, 0);
    const worst = Math.max(...craftMinors.map((k) => Math.abs(proxyShare(k) - lfs.get(k)! / lfsCraft)));
    expect(worst).toBeGreaterThan(0.02);
  });

  it('records at import the national sums of the PES district figures: registered vacancies of a KldB group in 2024 are the sum of its district rows', async () => {
    const rows = readCsv(path.join(sharedDataDir, 'de-ba-vacancies-unemployed', 'jobs.csv')).filter(
      (r) => r.year === '2024' && r.region !== 'NA' && r.total !== 'NA' && r.total !== '',
    );
    const totals = await graph.read<{ code: string; value: number; published: number }>(
      `MATCH (r:DemandRollup {sourceId: 'de-ba-vacancies-unemployed', period: '2024', region: 'DE'})
       WHERE r.metric = 'VACANCIES' AND r.targetKind = 'KLDB' RETURN r.targetCode AS code, r.value AS value, r.published AS published`,
    );
    for (const group of ['813', '321', '621']) {
      const ofGroup = rows.filter((r) => r.occupational_group === group);
      const expected = ofGroup.reduce((sum, r) => sum + Math.round(Number(r.total) * 1e4) / 1e4, 0);
      const total = totals.find((t) => t.code === group)!;
      expect(total.value).toBeCloseTo(expected, 3);
      // One figure per NUTS 3 region: Hanau's rows are added into Main-Kinzig-Kreis's (DE719).
      expect(total.published).toBe(new Set(ofGroup.map((r) => refs().districtNuts3.get(r.region))).size);
    }
  });

  it('answers a region of the PES data from the rollups written at import, with the same figures as adding up its districts', async () => {
    const sources = await demandSources(graph);
    const pes = sources.find((s) => s.id === 'de-ba-vacancies-unemployed')!;
    // Every figure of 2024 lies in a NUTS 3 region: rolled up into its country, NUTS 1 and NUTS 2 region.
    const [{ regions, targets }] = await graph.read<{ regions: number; targets: number }>(
      `MATCH (s:DemandSignal {sourceId: 'de-ba-vacancies-unemployed'})
       RETURN count(DISTINCT s.region) AS regions, count(DISTINCT s.metric + s.targetCode) AS targets`,
    );
    expect(regions).toBeGreaterThan(390);
    const [{ rollups }] = await graph.read<{ rollups: number }>(
      "MATCH (r:DemandRollup {sourceId: 'de-ba-vacancies-unemployed'}) RETURN count(r) AS rollups",
    );
    expect(pes.rollups).toBe(rollups);
    expect(rollups).toBeGreaterThan(targets);
    for (const region of ['DE', 'DE2', 'DE21', 'DE212', 'DE6']) {
      const query = { sources: [pes.id], periods: ['2024'], region, sector: null };
      const fromRollups = await signalsFor(graph, query, [pes.id]);
      const added = await signalsFor(graph, query);
      expect(fromRollups.length).toBeGreaterThan(0);
      expect(fromRollups).toEqual(added);
    }
  });

  const EVIDENCE = `query($region: String) {
    sectorSkillGaps(sector: "F", region: $region, period: "2024", first: 3) {
      demand evidence { isco contribution method margins { role source period region yearsBefore } }
    } }`;

  it('names the margins behind each French and German figure and their age; Spain, without finer data, says the split follows the proxy', async () => {
    const [fr, de, es] = await Promise.all(['FR', 'DE', 'ES'].map((region) => gql(hub, EVIDENCE, { region })));
    for (const answer of [fr, de, es]) expect(answer.errors).toBeUndefined();
    const craft = (answer: typeof fr) =>
      answer.data.sectorSkillGaps[0].evidence.find((e: { isco: string }) => e.isco === '7');

    expect(craft(fr).margins).toEqual([
      {
        role: 'sector × ISCO-08 major group',
        source: 'Eurostat Labour Force Survey',
        period: '2024',
        region: 'FR',
        yearsBefore: 0,
      },
      {
        role: 'employment by ISCO-08 minor group within each major group, all sectors',
        source: 'EU-LFS employment by ISCO-08 3-digit group, France, Italy and the UK, 2014–2018',
        period: '2018',
        region: 'FR',
        yearsBefore: 6,
      },
    ]);
    expect(craft(fr).method).toContain('its 2018 figures, 6 years older');
    expect(craft(de).margins[1]).toEqual({
      role: 'registered vacancies by ISCO-08 minor group (KldB 2010 groups through the BA key, each spread evenly over its 5-digit codes) within each major group, all sectors',
      source: 'Bundesagentur für Arbeit',
      period: '2024',
      region: 'DE',
      yearsBefore: 0,
    });
    expect(craft(es).margins).toEqual([]);
    expect(craft(es).method).toContain(NO_NATIONAL_EVIDENCE);
    // The split moves demand between occupations, never in or out of a figure: contributions still add up.
    for (const answer of [fr, de, es])
      for (const row of answer.data.sectorSkillGaps)
        expect(row.evidence.reduce((sum: number, e: { contribution: number }) => sum + e.contribution, 0)).toBeCloseTo(
          row.demand,
          2,
        );
  });
});
