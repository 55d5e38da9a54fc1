import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { readGermanPes } from '../../src/demand/adapters/de-ba.js';
import { EUROSTAT_LFS_FILE } from '../../src/demand/adapters/eurostat-lfs.js';
import { importDemand } from '../../src/demand/import.js';
import { referenceLists } from '../../src/demand/reference.js';
import type { GraphClient } from '../../src/graph/client.js';
import type { RunningHub } from '../../src/server/start.js';
import { csvRelevance, csvSkillDemand, eurostatRows, round } from '../csv-derivations.js';
import { freshGraphWithEscoAndDemand, gql, startTestHub } from '../helpers.js';

const shared = path.resolve(projectRoot, '..', 'shared', 'data');
const csv = (file: string) =>
  parse(fs.readFileSync(file), { columns: true, bom: true }) as Array<Record<string, string>>;

/** The KldB 2010 3-digit groups the BA's KldB↔ESCO mapping maps a job title of to an ESCO occupation, read from the file. */
const mappedKldbGroups = () =>
  new Set(
    (
      parse(fs.readFileSync(path.join(shared, 'esco-national-crosswalks', 'DE_mapping_18.05.22.csv')), {
        columns: true,
        bom: true,
        from_line: 17,
        skip_empty_lines: true,
      }) as Array<Record<string, string>>
    )
      .filter(
        (row) =>
          /^B \d{5}-\d{3}$/.test(row['Classification 2 ID'] ?? '') &&
          (row['Classification 1 URI'] ?? '').includes('/esco/occupation/'),
      )
      .map((row) => row['Classification 2 ID'].slice(2, 5)),
  );

const GAPS = `query($sector: String, $region: String, $period: String, $first: Int) {
  sectorSkillGaps(sector: $sector, region: $region, period: $period, first: $first) {
    skill { uri preferredLabel } demand demandShare trend trendNote coverage gapScore explanation
    evidence { source metric period region sector isco value flags weight contribution method }
    coveringOffers { id }
    slice { metric unit source total figures notPublished grains }
  } }`;

describe('sector × region skill gaps on full ESCO and real demand data', () => {
  let graph: GraphClient;
  let hub: RunningHub;

  beforeAll(async () => {
    graph = await freshGraphWithEscoAndDemand();
    await importDemand(graph, [
      readGermanPes(path.join(shared, 'de-ba-vacancies-unemployed'), referenceLists(path.join(shared, 'reference')), {
        retrievedOn: null,
        years: ['2023', '2024'],
      }),
    ]);
    hub = await startTestHub({ SEED_DEMO: 'false' });
  });
  afterAll(async () => {
    await hub.stop();
    await graph.close();
  });

  it('ranks construction skills in France in 2024, each figure traced to its Eurostat row; one skill recomputed by hand from the CSVs', async () => {
    const { data, errors } = await gql(hub, GAPS, { sector: 'F', region: 'FR', period: '2024', first: 10 });
    expect(errors).toBeUndefined();
    const rows = data.sectorSkillGaps;
    expect(rows).toHaveLength(10);
    const eurostat = csv(path.join(shared, 'eurostat-lfsa_eisn2', EUROSTAT_LFS_FILE)).filter(
      (r) => r.nace_r2 === 'F' && r.geo_label === 'France' && r.year === '2024',
    );
    const published = eurostat.filter((r) => r.value_thousand_persons !== '');
    expect(rows[0].slice).toEqual({
      metric: 'EMPLOYMENT',
      unit: 'thousand persons',
      source: 'eurostat-lfsa_eisn2',
      total: Math.round(published.reduce((sum, r) => sum + Number(r.value_thousand_persons), 0) * 1e4) / 1e4,
      figures: 10,
      notPublished: 10 - published.length,
      grains: ['ISCO-1'],
    });
    // Ranked by gap score, and every evidence value is the Eurostat row's value.
    const scores = rows.map((r: { gapScore: number }) => r.gapScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const row of rows) {
      for (const e of row.evidence) {
        const source = eurostat.find((r) => r.isco08 === `OC${e.isco}`)!;
        expect([e.source, e.metric, e.period, e.region, e.sector, e.value, e.flags]).toEqual([
          'eurostat-lfsa_eisn2',
          'EMPLOYMENT',
          '2024',
          'FR',
          'F',
          Number(source.value_thousand_persons),
          [...source.flag],
        ]);
      }
      const summed = row.evidence.reduce((sum: number, e: { contribution: number }) => sum + e.contribution, 0);
      expect(summed).toBeCloseTo(row.demand, 2);
      expect(row.gapScore).toBeCloseTo(row.demandShare * (1 - row.coverage), 5);
    }

    // By hand, from the CSVs only: the top skill's demand, and its trend against 2023. No figure of French
    // construction in either year is flagged b (break in series), so the trend is given, not refused.
    const top = rows[0];
    const previousRows = eurostatRows('F', 'France', '2023');
    expect([...eurostat, ...previousRows].filter((r) => r.flag.includes('b'))).toEqual([]);
    const expected = csvSkillDemand(eurostat).get(top.skill.uri)!;
    const before = csvSkillDemand(previousRows).get(top.skill.uri)!;
    expect(expected).toBeGreaterThan(0);
    expect(before).toBeGreaterThan(0);
    expect(top.demand).toBeCloseTo(expected, 3);
    expect(top.trendNote).toBe(`against 2023 (${round(before, 3)})`);
    expect(top.trend).toBeCloseTo((expected - before) / before, 4);
    expect(top.explanation).toContain(`in occupations that need "${top.skill.preferredLabel}"`);
  });

  it('ranks skills from the registered vacancies of a German district, with vacancies per unemployed person in the evidence', async () => {
    const query = `query($region: String) { sectorSkillGaps(region: $region, period: "2024", first: 5) {
      skill { uri } demand explanation
      evidence { source metric target value unemployed vacanciesPerUnemployed weight contribution }
      slice { metric source region figures total vacanciesPerUnemployed grains }
    } }`;
    const { data, errors } = await gql(hub, query, { region: '09162' });
    expect(errors).toBeUndefined();
    const rows = data.sectorSkillGaps;
    expect(rows).toHaveLength(5);
    const ba = (file: string) =>
      new Map(
        csv(path.join(shared, 'de-ba-vacancies-unemployed', file))
          .filter((r) => r.region === '09162' && r.year === '2024' && r.occupational_group !== 'NA')
          .map((r) => [r.occupational_group, Number(r.total)]),
      );
    const jobs = ba('jobs.csv');
    const unemployed = ba('unemployed_total.csv');
    const totalJobs = [...jobs.values()].reduce((sum, v) => sum + v, 0);
    const totalUnemployed = [...unemployed.values()].reduce((sum, v) => sum + v, 0);
    expect(rows[0].slice).toEqual({
      metric: 'VACANCIES',
      source: 'de-ba-vacancies-unemployed',
      region: 'DE212',
      figures: 144,
      grains: ['KLDB-3'],
      total: expect.closeTo(totalJobs, 2),
      vacanciesPerUnemployed: expect.closeTo(totalJobs / totalUnemployed, 3),
    });
    for (const row of rows) {
      expect(row.evidence.length).toBeGreaterThan(0);
      for (const e of row.evidence) {
        const group = e.target.replace('KLDB:', '');
        expect([e.source, e.metric, e.value, e.unemployed]).toEqual([
          'de-ba-vacancies-unemployed',
          'VACANCIES',
          round(jobs.get(group)!, 4),
          round(unemployed.get(group)!, 4),
        ]);
        expect(e.vacanciesPerUnemployed).toBeCloseTo(jobs.get(group)! / unemployed.get(group)!, 3);
      }
      expect(row.evidence.reduce((sum: number, e: { contribution: number }) => sum + e.contribution, 0)).toBeCloseTo(
        row.demand,
        2,
      );
      expect(row.explanation).toContain('registered vacancies per registered unemployed person');
    }
    // A Land (Bavaria, 09) is its NUTS 1 region: the sum over its districts.
    const land = await gql(hub, query, { region: '09' });
    expect(land.errors).toBeUndefined();
    expect(land.data.sectorSkillGaps[0].slice).toMatchObject({ region: 'DE2', metric: 'VACANCIES' });
    expect(land.data.sectorSkillGaps[0].slice.figures).toBe(96 * 144);
  });

  it('serves dashboard cells for several sectors in the same number of round trips as for one (no N+1)', async () => {
    const query = `query($region: String, $sectors: [String!]) { skillsDashboard(region: $region, period: "2024", sectors: $sectors) {
      sector unit sliceTotal skillsInDemand skillDemandSummedOverSkills ownSkills gapIndex coveredShareOfDemand
      green { demandShare supplyShare } digital { demandShare supplyShare } offers offersReachingRegion averageCompleteness
      supply { id countedBy }
      trend { period sliceTotalChange gapIndexChange previous { period sliceTotal gapIndex coveredShareOfDemand } }
      rankBy topSkills { rank skill { uri } } } }`;
    // Warm the per-import caches (weights, occupation mix) so both measured calls start alike: each reads its region's figures once.
    await gql(hub, query, { region: 'IT', sectors: ['F'] });
    const three = await gql(hub, query, { region: 'ES', sectors: ['F', 'C', 'Q'] });
    const one = await gql(hub, query, { region: 'PL', sectors: ['F'] });
    expect(three.errors).toBeUndefined();
    expect(three.data.skillsDashboard.map((c: { sector: string }) => c.sector)).toEqual(['F', 'C', 'Q']);
    expect(three.extensions?.dbRoundTrips).toBe(one.extensions?.dbRoundTrips);

    // Every figure of the cells computed from the CSVs and the offers as the API lists them, following the
    // formulas of src/intelligence/dashboard.ts. Demand per skill: csvSkillDemand (the rows carry it to 4
    // decimals, shares to 6); a skill is the sector's own when its share is at least its share across all
    // sectors of Spain (the sum of every section's rows: the source has no all-sector figure).
    const published = (rows: ReturnType<typeof eurostatRows>) =>
      rows.filter((r) => r.value_thousand_persons !== '').reduce((sum, r) => sum + Number(r.value_thousand_persons), 0);
    const sharesOf = (rows: ReturnType<typeof eurostatRows>) => {
      const total = published(rows);
      return new Map([...csvSkillDemand(rows).entries()].map(([uri, d]) => [uri, round(d / total, 6)]));
    };
    const parentShares = sharesOf(eurostatRows(null, 'Spain', '2024'));
    type Offer = {
      id: string;
      participationForm: string | null;
      issuerCountries: string[] | null;
      issuerRegions: string[] | null;
      sectors: string[] | null;
      targetOccupations: Array<{ uri: string }>;
      completeness: { score: number };
      provider: { accreditationStatus: string } | null;
      learningOutcomes: Array<{ skillLinks: Array<{ state: string; skill: { uri: string } }> }>;
    };
    const offers: Offer[] = (
      await gql(
        hub,
        `{ microCredentials(first: 100) { edges { node { id participationForm issuerCountries issuerRegions sectors
          targetOccupations { uri } completeness { score } provider { accreditationStatus }
          learningOutcomes { skillLinks { state skill { uri } } } } } } }`,
      )
    ).data.microCredentials.edges.map((e: { node: Offer }) => e.node);
    // Reaching Spain: online, issued in a Spanish region, or nationally in Spain.
    const reaching = offers.filter(
      (o) =>
        o.participationForm === 'ONLINE' ||
        (o.issuerRegions ?? []).some((r) => r.startsWith('ES')) ||
        ((o.issuerRegions ?? []).length === 0 && (o.issuerCountries ?? []).includes('ES')),
    );
    // The demo catalogue names no target occupations, so the TARGET_OCCUPATION rule (unit-tested) counts nothing here.
    expect(reaching.flatMap((o) => o.targetOccupations)).toEqual([]);
    const stateWeight: Record<string, number> = { ACCEPTED: 1, ADDED: 1, SUGGESTED: 0.5, REJECTED: 0 };
    const links = (o: Offer) => o.learningOutcomes.flatMap((outcome) => outcome.skillLinks);
    const green = csvRelevance('greenSkillsCollection_en.csv');
    const digital = csvRelevance('digitalSkillsCollection_en.csv');

    const expected = (sector: string) => {
      const rows = eurostatRows(sector, 'Spain', '2024');
      const shares = sharesOf(rows);
      const own = new Set(
        [...shares.entries()]
          .filter(([uri, share]) => share > 0 && share >= (parentShares.get(uri) ?? 0))
          .map(([uri]) => uri),
      );
      // The sector's offers: a NACE code nested in the sector either way, or at least half of its taught skills its own.
      const mine = reaching.filter((o) => {
        const taught = [
          ...new Set(
            links(o)
              .filter((l) => stateWeight[l.state] > 0)
              .map((l) => l.skill.uri),
          ),
        ];
        const bySector = (o.sectors ?? []).some((code) => code.startsWith(sector) || sector.startsWith(code));
        const bySkills = taught.length > 0 && taught.filter((uri) => own.has(uri)).length >= taught.length / 2;
        return bySector || bySkills;
      });
      // Coverage by the sector's offers: strongest link per offer × provider (accredited 1, else 0.7) × (0.5 + 0.5 × completeness), capped at 1.
      const coverage = new Map<string, number>();
      for (const o of mine) {
        const best = new Map<string, number>();
        for (const l of links(o)) best.set(l.skill.uri, Math.max(best.get(l.skill.uri) ?? 0, stateWeight[l.state]));
        const factor =
          (o.provider?.accreditationStatus === 'ACCREDITED' ? 1 : 0.7) * (0.5 + 0.5 * o.completeness.score);
        for (const [uri, w] of best) coverage.set(uri, Math.min(1, (coverage.get(uri) ?? 0) + w * factor));
      }
      const cellOf = (year: string) => {
        const demand = [...csvSkillDemand(eurostatRows(sector, 'Spain', year)).entries()]
          .map(([uri, d]): [string, number] => [uri, round(d, 4)])
          .filter(([, d]) => d > 0);
        const total = demand.reduce((sum, [, d]) => sum + d, 0);
        const ownDemand = demand.filter(([uri]) => own.has(uri));
        const ownTotal = ownDemand.reduce((sum, [, d]) => sum + d, 0);
        return {
          sliceTotal: published(eurostatRows(sector, 'Spain', year)),
          demand,
          total,
          gapIndex: ownDemand.reduce((sum, [uri, d]) => sum + d * (1 - (coverage.get(uri) ?? 0)), 0) / ownTotal,
          covered: demand.reduce((sum, [uri, d]) => sum + d * (coverage.get(uri) ?? 0), 0) / total,
          ownSkills: ownDemand.length,
        };
      };
      const now = cellOf('2024');
      const before = cellOf('2023');
      const demandShare = (relevance: Map<string, number>) =>
        now.demand.reduce((sum, [uri, d]) => sum + d * (relevance.get(uri) ?? 0), 0) / now.total;
      const taughtLinks = mine.flatMap(links);
      const supplyShare = (relevance: Map<string, number>) =>
        taughtLinks.reduce((sum, l) => sum + stateWeight[l.state] * (relevance.get(l.skill.uri) ?? 0), 0) /
        taughtLinks.reduce((sum, l) => sum + stateWeight[l.state], 0);
      return {
        mine: mine.map((o) => o.id),
        cell: {
          sector,
          unit: 'thousand persons',
          sliceTotal: expect.closeTo(now.sliceTotal, 3),
          skillsInDemand: now.demand.length,
          skillDemandSummedOverSkills: expect.closeTo(now.total, 2),
          ownSkills: now.ownSkills,
          gapIndex: expect.closeTo(now.gapIndex, 3),
          coveredShareOfDemand: expect.closeTo(now.covered, 3),
          green: {
            demandShare: expect.closeTo(demandShare(green), 3),
            supplyShare: mine.length === 0 ? 0 : expect.closeTo(supplyShare(green), 3),
          },
          digital: {
            demandShare: expect.closeTo(demandShare(digital), 3),
            supplyShare: mine.length === 0 ? 0 : expect.closeTo(supplyShare(digital), 3),
          },
          offers: mine.length,
          offersReachingRegion: reaching.length,
          averageCompleteness:
            mine.length === 0
              ? null
              : expect.closeTo(mine.reduce((sum, o) => sum + o.completeness.score, 0) / mine.length, 3),
          supply: mine.map((o) => ({ id: o.id, countedBy: expect.any(Array) })),
          // No Spanish row of 2023 or 2024 is flagged b, so the cell compares with 2023.
          trend: {
            period: '2023',
            sliceTotalChange: expect.closeTo((now.sliceTotal - before.sliceTotal) / before.sliceTotal, 3),
            gapIndexChange: expect.closeTo(now.gapIndex - before.gapIndex, 3),
            previous: {
              period: '2023',
              sliceTotal: expect.closeTo(before.sliceTotal, 3),
              gapIndex: expect.closeTo(before.gapIndex, 3),
              coveredShareOfDemand: expect.closeTo(before.covered, 3),
            },
          },
          rankBy: 'GAP',
          topSkills: expect.any(Array),
        },
      };
    };
    expect(
      eurostatRows(null, 'Spain', '2023')
        .concat(eurostatRows(null, 'Spain', '2024'))
        .filter((r) => r.flag.includes('b')),
    ).toEqual([]);
    const cells = three.data.skillsDashboard;
    const wanted = ['F', 'C', 'Q'].map(expected);
    expect(cells).toEqual(wanted.map((w) => w.cell));
    // The online RPA course (NACE C) is manufacturing's supply, not construction's or health's: the cells differ where supply does.
    expect(wanted.map((w) => w.mine)).toEqual([[], ['ie-rpa-fundamentals-masterclass'], []]);
    expect(cells[1].supply[0].countedBy).toContain('SECTOR');
    expect(cells[1].gapIndex).toBeLessThan(cells[0].gapIndex);
    expect(cells[0].gapIndex).toBe(1);
    // The slice total is persons, each once: far below the sum over skills, in which a person counts once per skill.
    expect(cells[0].sliceTotal).toBeCloseTo(1464, 3);
    // topSkills are the first five of the slice's gap ranking.
    for (const cell of cells) {
      const ranking = (
        await gql(
          hub,
          `{ sectorSkillGaps(sector: "${cell.sector}", region: "ES", period: "2024", first: 5) { rank skill { uri } } }`,
        )
      ).data.sectorSkillGaps;
      expect(cell.topSkills).toEqual(ranking);
    }
  });

  it('shows the demand behind what an offer and a provider teach, in a fixed number of round trips whatever the number of offers', async () => {
    const query = `query($n: Int!) { microCredentials(first: $n) { edges { node { id
        learningOutcomes { skillLinks { state skill { uri } } }
        demandBehind(sector: "F", region: "ES", period: "2024") { taughtSkillDemandShare skills { skill { uri } demand demandShare } }
        provider { id demandBehind(sector: "F", region: "ES", period: "2024") { taughtSkillDemandShare } }
      } } } }`;
    // Gap rankings are held per demand import, catalogue state and release: warm that first, so both calls see the same cache.
    await gql(hub, query, { n: 1 });
    const all = await gql(hub, query, { n: 13 });
    const one = await gql(hub, query, { n: 1 });
    expect(all.errors).toBeUndefined();
    expect(all.data.microCredentials.edges).toHaveLength(13);
    // The trips, counted from the resolvers: the page (offers with their outcomes and providers, priming the
    // loaders), the two change stamps the cached gap ranking is checked against (demand sources, catalogue), one
    // batch for the published offers of the providers on the page, and, for those of their offers not on the
    // page, one batch of their outcomes: none when all 13 offers are shown, one when a single offer is shown
    // and its provider publishes others.
    type Edge = { node: { provider: { id: string } | null } };
    const edges: Edge[] = all.data.microCredentials.edges;
    const firstProvider = edges[0].node.provider?.id ?? null;
    const ofFirstProvider = edges.filter((e) => firstProvider !== null && e.node.provider?.id === firstProvider);
    expect(all.extensions!.dbRoundTrips).toBe(3 + (edges.some((e) => e.node.provider) ? 1 : 0));
    expect(one.extensions!.dbRoundTrips).toBe(
      3 + (firstProvider !== null ? 1 : 0) + (ofFirstProvider.length > 1 ? 1 : 0),
    );

    // Every taught skill's row carries the demand the CSVs give it, in Spanish construction (Spain has no finer
    // national evidence here, so the job-ad split the CSV derivation follows is the hub's); the rows are the
    // taught skills with demand, highest demand first.
    const spain = eurostatRows('F', 'Spain', '2024');
    const demandOf = csvSkillDemand(spain);
    const sliceTotal = spain.reduce((sum, r) => sum + Number(r.value_thousand_persons), 0);
    for (const { node } of all.data.microCredentials.edges) {
      const taught = new Set<string>(
        node.learningOutcomes.flatMap((o: { skillLinks: Array<{ state: string; skill: { uri: string } }> }) =>
          o.skillLinks.filter((l) => l.state !== 'REJECTED').map((l) => l.skill.uri),
        ),
      );
      const rows: Array<{ skill: { uri: string }; demand: number; demandShare: number }> = node.demandBehind.skills;
      expect(rows.map((r) => r.skill.uri).sort()).toEqual([...taught].filter((uri) => demandOf.has(uri)).sort());
      for (const row of rows) {
        expect(row.demand).toBeCloseTo(demandOf.get(row.skill.uri)!, 3);
        expect(row.demandShare).toBeCloseTo(demandOf.get(row.skill.uri)! / sliceTotal, 5);
      }
      const demands = rows.map((r) => r.demand);
      expect(demands).toEqual([...demands].sort((a, b) => b - a));
      expect(node.demandBehind.taughtSkillDemandShare).toBeCloseTo(
        rows.reduce((sum, r) => sum + demandOf.get(r.skill.uri)!, 0) / sliceTotal,
        3,
      );
    }
    // The leadership course teaches skills that construction needs too.
    const leadership = all.data.microCredentials.edges.find(
      (e: { node: { id: string } }) => e.node.id === 'dk-amu-basic-leadership',
    ).node;
    expect(leadership.demandBehind.skills.length).toBeGreaterThan(0);
  });

  it('rolls the gaps up into ESCO skill groups of the level asked', async () => {
    const query = `query($level: Int) { sectorSkillGroupGaps(sector: "F", region: "FR", period: "2024", level: $level, first: 5) {
      group { uri preferredLabel hierarchyLevel } skillCount demandShare coverage gapScore topSkills { skill { uri } gapScore } } }`;
    const { data, errors } = await gql(hub, query, { level: 2 });
    expect(errors).toBeUndefined();
    const groups = data.sectorSkillGroupGaps;
    expect(groups).toHaveLength(5);
    expect(groups.every((g: { group: { hierarchyLevel: number } }) => g.group.hierarchyLevel === 2)).toBe(true);
    const scores = groups.map((g: { gapScore: number }) => g.gapScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const group of groups) {
      const top = group.topSkills.map((s: { gapScore: number }) => s.gapScore);
      expect(top).toEqual([...top].sort((a, b) => b - a));
      expect(top.reduce((sum: number, v: number) => sum + v, 0)).toBeLessThanOrEqual(group.gapScore + 1e-9);
    }
    expect((await gql(hub, query, { level: 7 })).errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'level' },
    });
  });

  it('refuses an unknown NACE or NUTS code and a period without data, naming the argument', async () => {
    const error = async (variables: Record<string, unknown>) => (await gql(hub, GAPS, variables)).errors?.[0];
    expect(await error({ sector: 'Q9', region: 'FR', period: '2024' })).toMatchObject({
      message: "sector: unknown NACE Rev.2 code 'Q9': give a section (F) or a division (F41)",
      extensions: { code: 'BAD_USER_INPUT', field: 'sector' },
    });
    expect(await error({ sector: 'F', region: 'XX', period: '2024' })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'region' },
    });
    expect(await error({ sector: 'F', region: 'FR', period: '1999' })).toMatchObject({
      message: 'period: no figures for sector F × FR in 1999: Eurostat Labour Force Survey has 2023, 2024',
      extensions: { code: 'BAD_USER_INPUT', field: 'period' },
    });
    expect(await error({ region: '99999', period: '2024' })).toMatchObject({
      message: "region: unknown German district (AGS) '99999'",
      extensions: { code: 'BAD_USER_INPUT', field: 'region' },
    });
    expect(await error({ period: '2024', first: 1000 })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
    expect(await error({ period: 'last year' })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'period' },
    });
    // A region with no figures at its level: Eurostat's LFS table is national.
    expect(await error({ sector: 'F', region: 'FR10', period: '2024' })).toMatchObject({
      message: 'region: no figures for FR10: Eurostat Labour Force Survey gives countries (FR)',
      extensions: { code: 'BAD_USER_INPUT', field: 'region' },
    });
    // A division where the only source with sectors gives sections.
    expect(await error({ sector: 'F43', region: 'FR', period: '2024' })).toMatchObject({
      message:
        'sector: F43: the only source with sectors for FR is Eurostat Labour Force Survey, which gives sections: F',
      extensions: { code: 'BAD_USER_INPUT', field: 'sector' },
    });
    // A sector in a district: the PES data has no sector; Eurostat has construction for Germany as a whole.
    expect(await error({ sector: 'F', region: '09162', period: '2024' })).toMatchObject({
      message:
        'sector: F: Bundesagentur für Arbeit has no sector; Eurostat Labour Force Survey has F for DE as a whole',
      extensions: { code: 'BAD_USER_INPUT', field: 'sector' },
    });
    const metricError = await gql(
      hub,
      `{ sectorSkillGaps(sector: "F", region: "FR", metric: "VACANCY") { gapScore } }`,
    );
    expect(metricError.errors?.[0]).toMatchObject({
      message:
        "metric: unknown metric 'VACANCY' (one of EMPLOYMENT, VACANCIES, JOB_ADS, UNEMPLOYED, FORECAST_CHANGE, SHORTAGE, AUTOMATION_RISK, EMPLOYER_NEED)",
      extensions: { code: 'BAD_USER_INPUT', field: 'metric' },
    });
    const vacancies = await gql(
      hub,
      `{ sectorSkillGaps(sector: "F", region: "FR", metric: "VACANCIES") { gapScore } }`,
    );
    expect(vacancies.errors?.[0]).toMatchObject({
      message: 'metric: no VACANCIES figures for sector F × FR: Eurostat Labour Force Survey gives EMPLOYMENT',
      extensions: { code: 'BAD_USER_INPUT', field: 'metric' },
    });
  });

  it('lists the demand sources and what each can answer, with the names of the codes', async () => {
    const { data, errors } = await gql(
      hub,
      `{ demandSources { id licence periods
          coverage { metric periods regions { code name } regionsAbove { code name } sectors { code name }
            occupationGroups { code name } allSectors targets } } }`,
    );
    expect(errors).toBeUndefined();
    const byId = new Map(data.demandSources.map((s: { id: string }) => [s.id, s]));
    expect([...byId.keys()]).toEqual(['de-ba-vacancies-unemployed', 'eu-oja-isco4-2019-2020', 'eurostat-lfsa_eisn2']);
    // Eurostat's LFS: the CSV's sections and countries, no all-sector figure, ISCO major groups.
    const lfsRows = csv(path.join(shared, 'eurostat-lfsa_eisn2', EUROSTAT_LFS_FILE));
    const naceNames = new Map(
      csv(path.join(shared, 'reference', 'nace-rev2', 'nace_r2.csv')).map((row) => [row.code, row.name]),
    );
    const [lfs] = (byId.get('eurostat-lfsa_eisn2') as any).coverage;
    expect(lfs.metric).toBe('EMPLOYMENT');
    expect(lfs.periods).toEqual([...new Set(lfsRows.map((row) => row.year))].sort());
    expect(lfs.sectors).toEqual(
      [...new Set(lfsRows.map((row) => row.nace_r2))].sort().map((code) => ({ code, name: naceNames.get(code) })),
    );
    expect(lfs.sectors.find((sector: { code: string }) => sector.code === 'F').name).toBe('Construction');
    expect(lfs.allSectors).toBe(false);
    expect(lfs.targets).toEqual(['ISCO-1']);
    expect(lfs.regions).toHaveLength(new Set(lfsRows.map((row) => row.geo_label)).size);
    expect(lfs.regions.find((region: { code: string }) => region.code === 'FR').name).toMatch(/^France$/i);
    // The German PES figures: districts, no sector, KldB groups, vacancies and the unemployed.
    const ba = (byId.get('de-ba-vacancies-unemployed') as any).coverage;
    const mappedKldb = mappedKldbGroups();
    expect(ba.map((m: { metric: string }) => m.metric)).toEqual(['UNEMPLOYED', 'VACANCIES']);
    for (const metric of ba) {
      expect(metric).toMatchObject({ periods: ['2023', '2024'], sectors: [], allSectors: true, targets: ['KLDB-3'] });
      expect(metric.regions.map((region: { code: string }) => region.code)).toContain('DE212');
      // Above the districts: their NUTS 2 and 1 regions and Germany, by name; the KldB areas the BA mapping reaches.
      expect(metric.regionsAbove).toContainEqual({ code: 'DE2', name: 'Bayern' });
      expect(metric.regionsAbove).toContainEqual({ code: 'DE21', name: 'Oberbayern' });
      expect(metric.regionsAbove).toContainEqual({ code: 'DE', name: 'Deutschland' });
      expect(metric.regionsAbove.filter((r: { code: string }) => r.code.length === 3)).toHaveLength(16);
      expect(metric.occupationGroups.map((g: { code: string }) => g.code)).toEqual(
        [...new Set([...mappedKldb].map((group) => `KLDB:${group[0]}`))].sort(),
      );
    }
    expect(lfs.regionsAbove).toEqual([]);
    expect(lfs.occupationGroups.map((g: { code: string }) => g.code)).toEqual(
      ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'].sort().map((d) => `ISCO:${d}`),
    );
    expect(lfs.occupationGroups.find((g: { code: string }) => g.code === 'ISCO:7').name).toBe(
      'Craft and related trades workers',
    );
    expect((byId.get('eu-oja-isco4-2019-2020') as any).coverage).toMatchObject([
      { metric: 'JOB_ADS', periods: ['2019-2020'], regions: [{ code: 'EU' }], targets: ['ISCO-4'] },
    ]);
  });

  it('pages the ranking past its first hundred rows, finds where one skill ranks, and names the codes', async () => {
    const page = async (variables: Record<string, unknown>) => {
      const { data, errors } = await gql(
        hub,
        `query($offset: Int, $skill: String) { sectorSkillGaps(sector: "F", region: "FR", period: "2024", first: 100, offset: $offset, skill: $skill) {
          rank skill { uri } gapScore slice { sectorName regionName } } }`,
        variables,
      );
      expect(errors).toBeUndefined();
      return data.sectorSkillGaps;
    };
    const first = await page({});
    const second = await page({ offset: 100 });
    expect(first.map((row: { rank: number }) => row.rank)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(second.map((row: { rank: number }) => row.rank)).toEqual(Array.from({ length: 100 }, (_, i) => i + 101));
    expect(second[0].gapScore).toBeLessThanOrEqual(first[99].gapScore);
    const firstUris = new Set(first.map((row: { skill: { uri: string } }) => row.skill.uri));
    expect(second.filter((row: { skill: { uri: string } }) => firstUris.has(row.skill.uri))).toEqual([]);
    expect(await page({ skill: second[50].skill.uri })).toEqual([second[50]]);
    expect(second[50].rank).toBe(151);
    expect(await page({ skill: 'http://data.europa.eu/esco/skill/no-such-skill' })).toEqual([]);
    expect(first[0].slice.sectorName).toBe('Construction');
    expect(first[0].slice.regionName).toMatch(/^France$/i);
  });

  it('answers a dashboard’s good sectors and reports each bad one at its index', async () => {
    const { data, errors } = await gql(
      hub,
      `{ skillsDashboard(region: "FR", period: "2024", sectors: ["F", "F43", "C"]) { sector sectorName gapIndex } }`,
    );
    expect(data.skillsDashboard.map((cell: { sector: string } | null) => cell?.sector ?? null)).toEqual([
      'F',
      null,
      'C',
    ]);
    expect(data.skillsDashboard[0].sectorName).toBe('Construction');
    expect(errors).toMatchObject([
      {
        path: ['skillsDashboard', 1],
        message:
          'sectors[1]: F43: the only source with sectors for FR is Eurostat Labour Force Survey, which gives sections: F',
        extensions: { code: 'BAD_USER_INPUT', field: 'sectors[1]' },
      },
    ]);
    const single = await gql(hub, `{ skillsDashboard(region: "FR", period: "2024", sector: "F") { gapIndex } }`);
    expect(single.data.skillsDashboard[0].gapIndex).toBe(data.skillsDashboard[0].gapIndex);
    const empty = await gql(hub, `{ skillsDashboard(region: "FR", period: "2024", sectors: []) { gapIndex } }`);
    expect(empty.errors?.[0]).toMatchObject({
      message: 'sectors: give at least one NACE code, or leave sectors out for one cell of `sector`',
      extensions: { code: 'BAD_USER_INPUT', field: 'sectors' },
    });
  });

  it('ranks a dashboard’s topSkills as asked, and names rankBy where the slice cannot be ranked so', async () => {
    const { data, errors } = await gql(
      hub,
      `{ skillsDashboard(region: "ES", period: "2024", sectors: ["F"], rankBy: SPECIFICITY) { rankBy topSkills { rank rankScore rankNote skill { uri } } } }`,
    );
    expect(errors).toBeUndefined();
    const ranking = (
      await gql(
        hub,
        `{ sectorSkillGaps(sector: "F", region: "ES", period: "2024", rankBy: SPECIFICITY, first: 5) { rank rankScore rankNote skill { uri } } }`,
      )
    ).data.sectorSkillGaps;
    expect(ranking).toHaveLength(5);
    expect(data.skillsDashboard).toEqual([{ rankBy: 'SPECIFICITY', topSkills: ranking }]);
    // Eurostat publishes no registered unemployed, so SHORTAGE cannot rank a French cell: its error names rankBy.
    const shortage = await gql(
      hub,
      `{ skillsDashboard(region: "FR", period: "2024", sectors: ["F"], rankBy: SHORTAGE) { sector } }`,
    );
    expect(shortage.data.skillsDashboard).toEqual([null]);
    expect(shortage.errors).toMatchObject([
      {
        path: ['skillsDashboard', 0],
        message:
          'rankBy: SHORTAGE needs vacancies and the registered unemployed from the same source; this slice has EMPLOYMENT from eurostat-lfsa_eisn2 without them',
        extensions: { code: 'BAD_USER_INPUT', field: 'rankBy' },
      },
    ]);
  });

  it('slices by an occupation group: construction occupations (KldB 32) in Munich, ranked by shortage; ISCO 7 in France', async () => {
    const query = `query($region: String, $group: String, $rankBy: GapRanking) {
      sectorSkillGaps(region: $region, occupationGroup: $group, period: "2024", rankBy: $rankBy, first: 20) {
        skill { uri } demand gapScore rankScore shortage { vacancies unemployed factor fromSlice }
        slice { occupationGroup total vacanciesPerUnemployed } } }`;
    const munich = await gql(hub, query, { region: '09162', group: 'KLDB:32', rankBy: 'SHORTAGE' });
    expect(munich.errors).toBeUndefined();
    const rows = munich.data.sectorSkillGaps;
    // The KldB 32x groups of Munich in 2024, from the PES files, each mapped to ESCO occupations by the BA mapping.
    const de = (file: string) =>
      csv(path.join(shared, 'de-ba-vacancies-unemployed', file)).filter(
        (row) => row.region === '09162' && row.year === '2024' && row.occupational_group.startsWith('32'),
      );
    const mapped = mappedKldbGroups();
    const jobs = de('jobs.csv').filter((row) => mapped.has(row.occupational_group));
    expect(jobs.map((row) => row.occupational_group).sort()).toEqual(['321', '322']);
    const vacancies = jobs.reduce((sum, row) => sum + Number(row.total), 0);
    const unemployedRows = de('unemployed_total.csv').filter((row) => mapped.has(row.occupational_group));
    const unemployed = unemployedRows.reduce((sum, row) => sum + Number(row.total), 0);
    expect(rows[0].slice).toEqual({
      occupationGroup: 'KldB 2010 group 32',
      total: round(vacancies, 4),
      vacanciesPerUnemployed: round(vacancies / unemployed, 4),
    });
    for (const row of rows) {
      // Every figure of the group has its unemployed counterpart: the shortage adds up from the row itself.
      expect(row.shortage.fromSlice).toBe(false);
      expect(row.shortage.vacancies).toBeCloseTo(row.demand, 3);
      expect(row.shortage.factor).toBeCloseTo(
        row.shortage.vacancies / (row.shortage.vacancies + row.shortage.unemployed),
        3,
      );
      expect(row.rankScore).toBeCloseTo(row.gapScore * row.shortage.factor, 4);
    }
    const scores = rows.map((row: { rankScore: number }) => row.rankScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    // ISCO major group 7 in France: all of Eurostat's OC7 figures (summed over sections), nothing of other groups.
    const france = await gql(hub, query, { region: 'FR', group: 'ISCO:7', rankBy: 'GAP' });
    expect(france.errors).toBeUndefined();
    const oc7 = eurostatRows(null, 'France', '2024').filter((row) => row.isco08 === 'OC7');
    expect(france.data.sectorSkillGaps[0].slice).toMatchObject({
      occupationGroup: 'ISCO-08 group 7 (Craft and related trades workers)',
      total: round(
        oc7.reduce((sum, row) => sum + (row.value_thousand_persons === '' ? 0 : Number(row.value_thousand_persons)), 0),
        4,
      ),
    });
    // Shortage needs the unemployed: Eurostat's LFS has none.
    const refused = await gql(hub, query, { region: 'FR', group: 'ISCO:7', rankBy: 'SHORTAGE' });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'rankBy' } });
    const bad = await gql(hub, query, { region: 'FR', group: 'ISCO:12345', rankBy: 'GAP' });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'occupationGroup' } });
  });

  it('gives PES dashboard cells per occupation group: KldB areas in Bavaria, each against all occupations there, a bad group at its index', async () => {
    const { data, errors } = await gql(
      hub,
      `{ skillsDashboard(region: "DE2", period: "2024", occupationGroups: ["KLDB:3", "KLDB:8", "KLDB:X"]) {
          occupationGroup occupationGroupName sector region regionName metric sliceTotal ownSkills skillsInDemand gapIndex
          supply { countedBy } explanation } }`,
    );
    // Bavaria's registered vacancies of 2024 in the mapped KldB groups of each area, from the PES file.
    const mapped = mappedKldbGroups();
    const jobs = csv(path.join(shared, 'de-ba-vacancies-unemployed', 'jobs.csv')).filter(
      (row) => row.region.startsWith('09') && row.year === '2024' && mapped.has(row.occupational_group),
    );
    const vacancies = (area: string) =>
      jobs.filter((row) => row.occupational_group.startsWith(area)).reduce((sum, row) => sum + Number(row.total), 0);
    const [construction, health, bad] = data.skillsDashboard;
    expect(construction).toMatchObject({
      occupationGroup: 'KLDB:3',
      occupationGroupName: 'Construction, architecture, surveying and technical building services',
      sector: null,
      region: 'DE2',
      regionName: 'Bayern',
      metric: 'VACANCIES',
    });
    expect(construction.sliceTotal).toBeCloseTo(vacancies('3'), 2);
    expect(health.sliceTotal).toBeCloseTo(vacancies('8'), 2);
    expect(health.occupationGroupName).toBe('Health care, the social sector, teaching and education');
    // Own skills against all occupations of Bavaria: some, not all; offers count by what they target or teach, never by NACE.
    for (const cell of [construction, health]) {
      expect(cell.ownSkills).toBeGreaterThan(0);
      expect(cell.ownSkills).toBeLessThan(cell.skillsInDemand);
      expect(cell.supply.flatMap((o: { countedBy: string[] }) => o.countedBy)).not.toContain('SECTOR');
      expect(cell.explanation).toContain('of them the group’s own (location quotient ≥ 1)');
    }
    expect(construction.explanation).toMatch(/^KldB 2010 group 3 \(Construction[^)]*\) × DE2 × 2024: /);
    expect(bad).toBeNull();
    expect(errors).toMatchObject([
      { path: ['skillsDashboard', 2], extensions: { code: 'BAD_USER_INPUT', field: 'occupationGroups[2]' } },
    ]);
    // One group alone is the same cell as listed.
    const single = await gql(
      hub,
      `{ skillsDashboard(region: "DE2", period: "2024", occupationGroup: "KLDB:3") { gapIndex ownSkills } }`,
    );
    expect(single.data.skillsDashboard).toEqual([
      { gapIndex: construction.gapIndex, ownSkills: construction.ownSkills },
    ]);
    const both = await gql(hub, `{ skillsDashboard(sectors: ["F"], occupationGroups: ["KLDB:3"]) { gapIndex } }`);
    expect(both.errors?.[0]).toMatchObject({
      message: 'occupationGroups: give either sectors or occupationGroups as the cells, not both',
      extensions: { code: 'BAD_USER_INPUT', field: 'occupationGroups' },
    });
  });

  it('ranks by specificity against the same region without the sector', async () => {
    const { data, errors } = await gql(
      hub,
      `{ sectorSkillGaps(sector: "F", region: "FR", period: "2024", rankBy: SPECIFICITY, first: 10) {
          skill { uri } demandShare coverage rankScore specificity { parent parentShare locationQuotient } } }`,
    );
    expect(errors).toBeUndefined();
    for (const row of data.sectorSkillGaps) {
      const parent = await gql(
        hub,
        `query($skill: String) { sectorSkillGaps(region: "FR", period: "2024", skill: $skill) { demandShare } }`,
        { skill: row.skill.uri },
      );
      expect(row.specificity).toEqual({
        parent: 'all sectors in FR',
        parentShare: parent.data.sectorSkillGaps[0].demandShare,
        locationQuotient: round(row.demandShare / parent.data.sectorSkillGaps[0].demandShare, 4),
      });
      expect(row.rankScore).toBeCloseTo(
        Math.max(0, row.demandShare - row.specificity.parentShare) * (1 - row.coverage),
        5,
      );
    }
  });

  it('answers without a period for the latest year with figures for the slice', async () => {
    const slice = async (region: string, sector: string | null) => {
      const { data, errors } = await gql(
        hub,
        `query($region: String, $sector: String) { sectorSkillGaps(region: $region, sector: $sector, first: 1) {
          skill { uri } demand slice { source period } } }`,
        { region, sector },
      );
      expect(errors).toBeUndefined();
      return data.sectorSkillGaps[0];
    };
    // Construction in France: Eurostat's LFS ends in 2024 here; the German PES data (2023, 2024) has no French figure.
    const france = await slice('FR', 'F');
    expect(france.slice).toEqual({ source: 'eurostat-lfsa_eisn2', period: '2024' });
    const asked = await gql(hub, GAPS, { sector: 'F', region: 'FR', period: '2024', first: 1 });
    expect(france.demand).toBe(asked.data.sectorSkillGaps[0].demand);
    // Munich: the PES figures' latest year in this test world.
    const munich = await slice('09162', null);
    expect(munich.slice).toEqual({ source: 'de-ba-vacancies-unemployed', period: '2024' });
  });
});
