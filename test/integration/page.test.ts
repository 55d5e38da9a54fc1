import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { type Browser, type Page, chromium } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import type { RunningHub } from '../../src/server/start.js';
import { WEB_DIR } from '../../src/server/web.js';
import type { GraphClient } from '../../src/graph/client.js';
import { freshTestGraph, gql, importDemandExample, startTestHub } from '../helpers.js';

/**
 * The page in a real browser (Debian's chromium, driven by playwright-core) against the real hub and Neo4j:
 * the demo seed, the demo catalogue and the example demand file (sector F in Croatia's HR04, 2025). Each view
 * is checked against the API's own answer to the same question, and photographed at 1280 and 390 px into
 * test-results/screenshots/ (git-ignored).
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.join(projectRoot, 'test-results', 'screenshots');
const require = createRequire(import.meta.url);

// Reads need no key; the curator writes link decisions in the page with theirs (kept in the tab's memory only).
const CURATOR_KEY = 'page-test-curator-key-0001';
const COUNSELLOR_KEY = 'page-test-counsellor-key-0001';
const KEYS = {
  HUB_API_KEYS: `cur:curator:${CURATOR_KEY},cou:counsellor:${COUNSELLOR_KEY}`,
  HUB_PSEUDONYM_SECRET: 'page-test-pseudonym-secret-0123456789',
};

const GAPS = `query($sector: String, $region: String, $period: String) {
  sectorSkillGaps(sector: $sector, region: $region, period: $period, first: 25) {
    rank skill { uri preferredLabel } demand gapScore evidence { value } } }`;

describe('the page, in a browser', () => {
  let hub: RunningHub;
  let browser: Browser;
  let graph: GraphClient;

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM))
      throw new Error(`no browser at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) throw new Error('the page is not built: npm run web:build');
    graph = await freshTestGraph({ seed: true });
    await importDemandExample(graph);
    hub = await startTestHub(KEYS);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
    await graph?.close();
  });

  const open = async (url: string, width = 1280) => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    const response = await page.goto(`${hub.server.url}${url}`);
    return { context, page, response: response!, problems };
  };

  it('serves the overview with a CSP allowing no inline code, and drills down from a cell to a gap’s evidence rows', async () => {
    const { context, page, response, problems } = await open('/');
    const csp = response.headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    // The example's vacancies by sector name one section, F (C25 is a division), in HR03 and HR04: one row, two
    // cells, each the gap index the API gives for that region. HR03's figure is not published: no index.
    // Regions load one after another, each column shown as it answers; the CSV button comes with the last.
    await page.getByRole('button', { name: 'Download CSV' }).waitFor();
    const cells = await page.locator('table.heatmap td a').allTextContents();
    const cell = async (region: string) =>
      (await gql(hub, `{ skillsDashboard(sectors: ["F"], region: "${region}", period: "2025") { gapIndex } }`)).data
        .skillsDashboard[0].gapIndex as number | null;
    expect(await cell('HR03')).toBeNull();
    expect(cells).toEqual(['no index', (await cell('HR04'))!.toFixed(2)]);
    expect(await page.locator('table.heatmap tbody th').allTextContents()).toEqual(['F · Construction']);
    await page.screenshot({ path: path.join(SHOTS, 'overview-1280.png'), fullPage: true });

    await page.locator('table.heatmap td a[href*="region=HR04"]').click();
    await page.waitForSelector('table.gaps tbody tr');
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/gaps?sector=F&region=HR04&period=2025');
    const { data } = await gql(hub, GAPS, { sector: 'F', region: 'HR04', period: '2025' });
    const api = data.sectorSkillGaps;
    expect(api.length).toBeGreaterThan(0);
    const labels = await page.locator('table.gaps tbody th button').allTextContents();
    expect(labels).toEqual(api.map((g: { skill: { preferredLabel: string } }) => g.skill.preferredLabel));
    await page.locator('table.gaps tbody th button').first().click();
    const rows = page.locator('.evidence table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(api[0].evidence.length);
    expect(await page.locator('.evidence').textContent()).toContain('Example PES vacancy register extract');
    await page.screenshot({ path: path.join(SHOTS, 'gap-evidence-1280.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('downloads the gap table as CSV with its source, date and query, the rows as the API gives them', async () => {
    const { context, page } = await open('/gaps?sector=F&region=HR04&period=2025');
    await page.waitForSelector('table.gaps tbody tr');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByText('Download CSV').click()]);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('# source: example-pes-register');
    expect(lines[1]).toBe('# retrieved: 2026-11-26'); // as the example file states it
    expect(lines[2]).toContain('/gaps?sector=F&region=HR04&period=2025');
    const rows = parse(lines.slice(3).join('\n'), { columns: true }) as Array<Record<string, string>>;
    const { data } = await gql(hub, GAPS, { sector: 'F', region: 'HR04', period: '2025' });
    expect(rows.map((r) => [Number(r.rank), r['skill uri'], Number(r.demand), Number(r['gap score'])])).toEqual(
      data.sectorSkillGaps.map((g: { rank: number; skill: { uri: string }; demand: number; gapScore: number }) => [
        g.rank,
        g.skill.uri,
        g.demand,
        g.gapScore,
      ]),
    );
    await context.close();
  });

  it('opened from a permalink, keeps its filters and shows the API’s error next to the field at fault', async () => {
    const { context, page } = await open('/gaps?sector=F&region=HR04&period=1999');
    const error = page.locator('.field-error');
    await error.waitFor();
    const { errors } = await gql(hub, GAPS, { sector: 'F', region: 'HR04', period: '1999' });
    expect(errors?.[0].extensions?.field).toBe('period');
    expect(await error.textContent()).toBe(errors![0].message);
    expect([
      await page.locator('select[name=sector]').inputValue(),
      await page.locator('select[name=region]').inputValue(),
    ]).toEqual(['F', 'HR04']);
    await context.close();
  });

  it('re-scores the gap ranking under a what-if chosen in the page, before and after as the API gives them, kept in the URL', async () => {
    const { context, page, problems } = await open('/gaps?sector=F&region=HR04&period=2025');
    await page.waitForSelector('table.gaps tbody tr');
    const before = (await gql(hub, GAPS, { sector: 'F', region: 'HR04', period: '2025' })).data
      .sectorSkillGaps as Array<{
      rank: number;
      skill: { uri: string; preferredLabel: string };
    }>;
    const top = before[0].skill;
    await page.getByText('What if…').click();
    await page.getByRole('checkbox', { name: top.preferredLabel, exact: true }).check();
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.waitForURL((url) => url.searchParams.get('teach') === top.uri);
    await page.waitForSelector('table.what-if tbody tr');

    // The same question through the API: one offer teaching the top skill, offered in HR04.
    const WHAT_IF = `query($whatIf: WhatIf) { sectorSkillGaps(sector: "F", region: "HR04", period: "2025", first: 25, whatIf: $whatIf) {
      rank skill { uri preferredLabel } slice { whatIf } } }`;
    const whatIf = {
      newOffers: [
        { id: '(what-if)', title: 'A new offer teaching the chosen skills', skills: [top.uri], regions: ['HR04'] },
      ],
    };
    const after = (await gql(hub, WHAT_IF, { whatIf })).data.sectorSkillGaps as Array<{
      rank: number;
      skill: { uri: string; preferredLabel: string };
      slice: { whatIf: string[] };
    }>;
    expect(after[0].slice.whatIf.length).toBeGreaterThan(0);
    const afterUris = new Set(after.map((g) => g.skill.uri));
    expect(afterUris.has(top.uri) ? after.find((g) => g.skill.uri === top.uri)!.rank : null).not.toBe(1);
    const rows = page.locator('table.what-if tbody tr');
    expect(await rows.locator('th').allTextContents()).toEqual([
      ...after.map((g) => g.skill.preferredLabel),
      ...before.filter((g) => !afterUris.has(g.skill.uri)).map((g) => g.skill.preferredLabel),
    ]);
    const column = async (n: number) =>
      (await rows.evaluateAll((trs, n) => trs.map((tr) => tr.children[n].textContent), n)) as string[];
    expect((await column(2)).slice(0, after.length)).toEqual(after.map((g) => String(g.rank)));
    // Rank before: the real ranking's place of each skill, or – for one that was below it.
    const rankBefore = new Map(before.map((g) => [g.skill.uri, String(g.rank)]));
    expect((await column(1)).slice(0, after.length)).toEqual(after.map((g) => rankBefore.get(g.skill.uri) ?? '–'));
    expect(await page.locator('.what-if-changes').textContent()).toBe(
      `Under: ${after[0].slice.whatIf.join('; ')} (nothing written).`,
    );
    // The ranking above stays the real one.
    expect(await page.locator('table.gaps tbody th button').first().textContent()).toBe(top.preferredLabel);
    await page.screenshot({ path: path.join(SHOTS, 'what-if-1280.png'), fullPage: true });
    // Cleared: the URL loses the change and no comparison is left behind.
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.waitForURL((url) => !url.searchParams.has('teach'));
    expect(await page.locator('table.what-if').count()).toBe(0);
    expect(await page.locator('input[name=teach]:checked').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('draws a gap’s trend as a small chart of its demand in each period of the source, as the API gives them', async () => {
    // A second illustrative source, in a sector the other views do not ask about: software developers' vacancies
    // in ICT (J) in HR04, 30 in 2023, 40 in 2024 and 60 in 2025, so every skill's demand grew by exactly half last.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'trend-')), 'trend.json');
    const figure = (period: string, value: number) => ({
      metric: 'VACANCIES',
      value,
      unit: 'open vacancies',
      period,
      region: 'HR04',
      sector: 'J',
      targetKind: 'ISCO',
      targetCode: '2512',
    });
    fs.writeFileSync(
      file,
      JSON.stringify({
        source: {
          id: 'example-trend',
          name: 'Example trend (illustrative)',
          citation: 'test/integration/page.test.ts',
          licence: 'EUPL-1.2',
          retrievedOn: '2026-12-01',
        },
        signals: [figure('2023', 30), figure('2024', 40), figure('2025', 60)],
      }),
    );
    await importDemandExample(graph, file);
    const { data } = await gql(
      hub,
      `{ sectorSkillGaps(sector: "J", region: "HR04", period: "2025", first: 1) { skill { preferredLabel } demand previousDemand trend trendPeriod
          demandSeries { period demand } } }`,
    );
    const top = data.sectorSkillGaps[0];
    expect([top.demand, top.previousDemand, top.trend, top.trendPeriod]).toEqual([60, 40, 0.5, '2024']);
    expect(top.demandSeries).toEqual([
      { period: '2023', demand: 30 },
      { period: '2024', demand: 40 },
      { period: '2025', demand: 60 },
    ]);
    const { context, page, problems } = await open('/gaps?sector=J&region=HR04&period=2025');
    await page.locator('table.gaps tbody th button').first().click();
    const chart = page.locator('.evidence svg.trend-chart');
    // The two compared periods first, then the source's series when it arrives.
    await chart.locator('rect').nth(2).waitFor();
    expect(await chart.locator('text').allTextContents()).toEqual([
      '30',
      '2023',
      '40',
      '2024',
      '60',
      '2025',
      '+50.0 %',
    ]);
    expect(await chart.getAttribute('aria-label')).toBe(
      'Demand 2023: 30 open vacancies, 2024: 40 open vacancies, 2025: 60 open vacancies; trend +50.0 %',
    );
    const [earlier, before, now] = await chart
      .locator('rect')
      .evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('height'))));
    expect([earlier / now, before / now]).toEqual([expect.closeTo(30 / 60, 6), expect.closeTo(40 / 60, 6)]);
    await page.screenshot({ path: path.join(SHOTS, 'gap-trend-1280.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows occupation groups × regions for data without sectors, and opens a group’s gaps from its cell', async () => {
    // An illustrative PES register without sectors: vacancies by ISCO unit group in HR03 and HR04 (2025).
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'groups-')), 'groups.json');
    const figure = (region: string, targetCode: string, value: number) => ({
      metric: 'VACANCIES',
      value,
      unit: 'registered vacancies',
      period: '2025',
      region,
      sector: null,
      targetKind: 'ISCO',
      targetCode,
    });
    fs.writeFileSync(
      file,
      JSON.stringify({
        source: {
          id: 'example-groups',
          name: 'Example register by occupation (illustrative)',
          citation: 'test/integration/page.test.ts',
          licence: 'EUPL-1.2',
          retrievedOn: '2026-12-01',
        },
        signals: [figure('HR03', '7212', 30), figure('HR04', '7212', 50), figure('HR04', '2512', 20)],
      }),
    );
    await importDemandExample(graph, file);
    const sources = (await gql(hub, `{ demandSources { id coverage { metric occupationGroups { code name } } } }`)).data
      .demandSources;
    const groups: Array<{ code: string; name: string }> = sources
      .find((s: { id: string }) => s.id === 'example-groups')
      .coverage.find((c: { metric: string }) => c.metric === 'VACANCIES').occupationGroups;
    expect(groups.map((g) => g.code)).toContain('ISCO:7');
    const { context, page, problems } = await open('/?source=example-groups');
    await page.getByRole('button', { name: 'Download CSV' }).waitFor();
    expect(await page.locator('table.heatmap caption').textContent()).toContain('by occupation group and region');
    expect(await page.locator('table.heatmap tbody th').allTextContents()).toEqual(
      groups.map((g) => `${g.code} · ${g.name}`),
    );
    // Each cell is the gap index the API gives for the group in that region ('–' where it answers none).
    const cells = async (region: string) =>
      (
        await gql(
          hub,
          `query($groups: [String!]) { skillsDashboard(occupationGroups: $groups, region: "${region}", period: "2025") { gapIndex } }`,
          { groups: groups.map((g) => g.code) },
        )
      ).data.skillsDashboard.map((c: { gapIndex: number | null } | null) =>
        c === null ? '–' : c.gapIndex === null ? 'no index' : c.gapIndex.toFixed(2),
      );
    const [hr03, hr04] = [await cells('HR03'), await cells('HR04')];
    const shown = await page
      .locator('table.heatmap tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent)));
    expect(shown).toEqual(hr03.map((value: string, i: number) => [value, hr04[i]]));
    await page.screenshot({ path: path.join(SHOTS, 'overview-groups-1280.png'), fullPage: true });

    await page.locator('table.heatmap td a[href*="occupationGroup=ISCO%3A7"][href*="region=HR04"]').click();
    await page.waitForSelector('table.gaps tbody tr');
    expect(new URL(page.url()).search).toBe('?occupationGroup=ISCO%3A7&region=HR04&period=2025');
    const api = (
      await gql(
        hub,
        `{ sectorSkillGaps(occupationGroup: "ISCO:7", region: "HR04", period: "2025", first: 25) { skill { preferredLabel } } }`,
      )
    ).data.sectorSkillGaps;
    expect(api.length).toBeGreaterThan(0);
    expect(await page.locator('table.gaps tbody th button').allTextContents()).toEqual(
      api.map((g: { skill: { preferredLabel: string } }) => g.skill.preferredLabel),
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lists the outlines to develop and the offers to update as the API gives them, narrowed by provider in the URL, with CSVs', async () => {
    const REC = `query($providerId: ID) {
      credentialRecommendations(sector: "F", region: "HR04", period: "2025", providerId: $providerId) {
        scope develop { skills { uri preferredLabel } suggestedEqfLevel suggestedEcts score }
        update { microCredential { id title provider { id } } score reasons { code } } } }`;
    type Answer = {
      scope: string[];
      develop: Array<{ skills: Array<{ uri: string; preferredLabel: string }>; suggestedEcts: number; score: number }>;
      update: Array<{ microCredential: { id: string; title: string; provider: { id: string } }; score: number }>;
    };
    const recommend = async (providerId?: string) =>
      (await gql(hub, REC, { providerId })).data.credentialRecommendations as Answer;
    // No demo offer reaches Croatia, so the slice's own update list is empty; the Irish ETBs' offers are in
    // scope once the provider is picked, and one of them has reasons.
    const slice = await recommend();
    const etbs = await recommend('ie-etbs');
    expect(slice.develop.length).toBeGreaterThan(0);
    expect(slice.update).toEqual([]);
    expect(etbs.update.length).toBeGreaterThan(0);

    const { context, page, problems } = await open('/recommendations?sector=F&region=HR04&period=2025');
    await page.waitForSelector('table.develop tbody tr');
    expect(await page.locator('table.develop tbody th button').allTextContents()).toEqual(
      slice.develop.map((o) => o.skills[0].preferredLabel),
    );
    expect(await page.locator('ul.scope li').allTextContents()).toEqual(slice.scope);
    expect(await page.locator('table.update').count()).toBe(0);
    expect(await page.getByText('No published offer in scope needs revising.').count()).toBe(1);
    await page.locator('table.develop tbody th button').first().click();
    await page.locator('.evidence ol li').first().waitFor();
    expect(await page.locator('.evidence ol li').allTextContents()).toEqual(
      slice.develop[0].skills.map((s) => s.preferredLabel),
    );
    await page.screenshot({ path: path.join(SHOTS, 'recommendations-1280.png'), fullPage: true });

    const csv = async (nth: number, permalink: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download CSV' }).nth(nth).click(),
      ]);
      const lines = fs.readFileSync((await download.path())!, 'utf8').split('\r\n');
      expect(lines[0]).toBe(
        '# source: credentialRecommendations over example-pes-register and the published catalogue',
      );
      expect(lines[1]).toBe('# retrieved: 2026-11-26'); // as the example file states it
      expect(lines[2]).toContain(permalink);
      return parse(lines.slice(3).join('\n'), { columns: true }) as Array<Record<string, string>>;
    };
    expect(
      (await csv(0, '/recommendations?sector=F&region=HR04&period=2025')).map((r) => [
        r['skill uris'],
        Number(r.ECTS),
        Number(r.score),
      ]),
    ).toEqual(slice.develop.map((o) => [o.skills.map((s) => s.uri).join(' '), o.suggestedEcts, o.score]));

    // The provider picker, by name, narrows the update list as providerId does through the API, kept in the URL.
    await page
      .locator('select[name=provider]')
      .selectOption({ label: 'Education and Training Boards (ETBs), Ireland' });
    await page.waitForURL((url) => url.searchParams.get('provider') === 'ie-etbs');
    await page.waitForSelector('table.update tbody tr');
    expect(await page.locator('table.update tbody th a').allTextContents()).toEqual(
      etbs.update.map((u) => u.microCredential.title),
    );
    expect(await page.locator('ul.scope li').allTextContents()).toEqual(etbs.scope);
    expect(
      (await csv(1, '/recommendations?sector=F&region=HR04&period=2025&provider=ie-etbs')).map((r) => [
        r['offer id'],
        Number(r.score),
      ]),
    ).toEqual(etbs.update.map((u) => [u.microCredential.id, u.score]));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('takes a counsellor from a paragraph through a checklist and matches to a course plan that prints on one page, saved to a profile with a counsellor key and opened again', async () => {
    const text =
      'For six years I directed customers to merchandise, examined merchandise, maintained store cleanliness and carried out order intake.';
    const { context, page, problems } = await open('/counsellor');
    await page.locator('textarea[name=text]').fill(text);
    await page.locator('input[name=hours]').fill('200');
    await page.getByRole('button', { name: 'Read skills' }).click();
    const boxes = page.locator('.checklist input[type=checkbox]');
    await boxes.first().waitFor();
    const { data: read } = await gql(
      hub,
      `query($text: String!) { matchOccupations(text: $text, first: 1) { heldSkills { skill { uri } } currentOccupations { occupation { uri } } } }`,
      { text },
    );
    const suggested = read.matchOccupations.heldSkills.map((h: { skill: { uri: string } }) => h.skill.uri);
    expect(await boxes.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(suggested);
    expect(suggested.length).toBeGreaterThan(1);
    // The counsellor rejects the first suggestion: the match uses the others only.
    await boxes.first().uncheck();
    const confirmed = suggested.slice(1);
    await page.getByRole('button', { name: 'Confirm skills and match' }).click();
    await page.locator('ol.matches li').first().waitFor();
    const { data: matched } = await gql(
      hub,
      `query($skills: [String!]!) { matchOccupations(skills: $skills, first: 10) { matches { occupation { uri preferredLabel } } } }`,
      { skills: confirmed },
    );
    const labels = await page.locator('ol.matches').first().locator('li > div > strong').allTextContents();
    // Their own occupation, when the text names one, is not offered (the page drops it, as the API does for a text).
    const own = new Set(
      read.matchOccupations.currentOccupations.map((c: { occupation: { uri: string } }) => c.occupation.uri),
    );
    const offered = matched.matchOccupations.matches.filter(
      (m: { occupation: { uri: string } }) => !own.has(m.occupation.uri),
    );
    expect(offered.length).toBeGreaterThan(0);
    expect(labels).toEqual(offered.map((m: { occupation: { preferredLabel: string } }) => m.occupation.preferredLabel));
    await page.screenshot({ path: path.join(SHOTS, 'counsellor-matches-1280.png'), fullPage: true });

    await page.locator('ol.matches li').first().getByRole('button', { name: 'Plan courses for this' }).click();
    await page.locator('article.plan').waitFor();
    const target = offered[0].occupation.uri as string;
    const { data: planned } = await gql(
      hub,
      `query($o: String!, $skills: [String!]!) { recommendCourses(occupationUri: $o, skills: $skills, constraints: { maxWorkloadHours: 200 }) {
        explanation courses { microCredential { id title } } } }`,
      { o: target, skills: confirmed },
    );
    const plan = page.locator('article.plan');
    expect(await plan.locator('p').first().textContent()).toBe(planned.recommendCourses.explanation);
    expect(await plan.locator('tbody th').allTextContents()).toEqual(
      planned.recommendCourses.courses.map((c: { microCredential: { title: string } }) => c.microCredential.title),
    );
    // Printed: the plan alone (no navigation, form or checklist), on one page.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    expect(await page.locator('.checklist').isVisible()).toBe(false);
    expect(await plan.isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'counsellor-plan-print.png'), fullPage: true });
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page\b/g)?.length).toBe(1);
    await page.emulateMedia({ media: 'screen' });

    // Saved to a profile: refused without a key in the API's words, then done with a counsellor's key.
    const save = page.locator('section.save-profile');
    await save.locator('input[name=reference]').fill('desk-7 case 42');
    await save.getByRole('button', { name: 'Save profile and plan' }).click();
    await save.locator('.error').waitFor();
    const refused = await gql(hub, `mutation { createJobseeker(input: { reference: "x" }) { id } }`);
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await save.locator('.error').textContent()).toBe(refused.errors![0].message);
    await page.locator('input[name=apiKey]').fill(COUNSELLOR_KEY);
    await page.getByRole('button', { name: 'Use key' }).click();
    await save.getByRole('button', { name: 'Save profile and plan' }).click();
    await save.locator('.saved').waitFor();
    const id = /profile (\S+) with/.exec((await save.locator('.saved').textContent())!)![1];
    const { data: stored } = await gql(
      hub,
      `query($id: ID!) { jobseeker(id: $id) { skills { skill { uri } origin } constraints { maxWorkloadHours }
        plans { occupation { uri } proposed { title } } } }`,
      { id },
      COUNSELLOR_KEY,
    );
    expect(stored.jobseeker.skills.map((s: { skill: { uri: string } }) => s.skill.uri).sort()).toEqual(
      [...confirmed].sort(),
    );
    expect(new Set(stored.jobseeker.skills.map((s: { origin: string }) => s.origin))).toEqual(new Set(['GIVEN']));
    expect(stored.jobseeker.constraints.maxWorkloadHours).toBe(200);
    expect(stored.jobseeker.plans).toEqual([
      {
        occupation: { uri: target },
        proposed: planned.recommendCourses.courses.map((c: { microCredential: { title: string } }) => ({
          title: c.microCredential.title,
        })),
      },
    ]);
    // Notes added through the API suggest more skills (origin TEXT) beside the given ones.
    const held: Array<{ skill: { uri: string }; origin: string; state: string }> = (
      await gql(
        hub,
        `mutation($id: ID!) { updateJobseeker(id: $id, input: { text: "I kept up to date on product knowledge and applied company policies." }) {
          skills { skill { uri } origin state } } }`,
        { id },
        COUNSELLOR_KEY,
      )
    ).data.updateJobseeker.skills;
    const fromNotes = held
      .filter((s) => s.origin === 'TEXT' && !confirmed.includes(s.skill.uri))
      .map((s) => s.skill.uri);
    expect(fromNotes.length).toBeGreaterThan(0);
    const kept = held.filter((s) => s.state !== 'REJECTED').map((s) => s.skill.uri);
    // Opened again by the reference: the checklist is the profile's skills; the next plan goes into the same profile.
    const recordedAt = (
      await gql(hub, `query($id: ID!) { jobseeker(id: $id) { plans { recordedAt } } }`, { id }, COUNSELLOR_KEY)
    ).data.jobseeker.plans[0].recordedAt as string;
    await page.getByText('Open a saved profile').click();
    await page.locator('input[name=openReference]').fill('desk-7 case 42');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.locator('p.opened').waitFor();
    expect(await page.locator('p.opened').textContent()).toBe(
      `Profile ${id} opened: ${kept.length} skill(s), 1 plan(s) recorded (latest ${recordedAt.slice(0, 10)}, towards ${offered[0].occupation.preferredLabel}).`,
    );
    expect((await boxes.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).sort()).toEqual(
      [...kept].sort(),
    );
    expect(await page.locator('input[name=hours]').inputValue()).toBe('200');
    // The suggestions unticked: saved, they are rejected in the profile, the given ones stay as they were.
    for (const uri of fromNotes) await page.locator(`.checklist input[value="${uri}"]`).uncheck();
    await page.getByRole('button', { name: 'Confirm skills and match' }).click();
    await page.locator('ol.matches li').first().getByRole('button', { name: 'Plan courses for this' }).click();
    await save.getByRole('button', { name: 'Save profile and plan' }).click();
    await save.locator('.saved').waitFor();
    const again = await gql(
      hub,
      `query($id: ID!) { jobseeker(id: $id) { plans { occupation { uri } } skills { skill { uri } origin state } }
        jobseekersByReference(reference: "desk-7 case 42") }`,
      { id },
      COUNSELLOR_KEY,
    );
    expect(again.data.jobseekersByReference).toEqual([id]);
    expect(again.data.jobseeker.plans).toHaveLength(2);
    const after: Array<{ skill: { uri: string }; origin: string; state: string }> = again.data.jobseeker.skills;
    expect(
      after
        .filter((s) => fromNotes.includes(s.skill.uri))
        .map((s) => s.state)
        .sort(),
    ).toEqual(fromNotes.map(() => 'REJECTED'));
    expect(
      after
        .filter((s) => s.origin === 'GIVEN' && s.state === 'CONFIRMED')
        .map((s) => s.skill.uri)
        .sort(),
    ).toEqual([...confirmed].sort());
    expect(await save.locator('.saved').textContent()).toContain(
      `with ${after.filter((s) => s.state !== 'REJECTED').length} skill(s)`,
    );
    // The reference is nowhere on the printed page, nor in the URL.
    await page.emulateMedia({ media: 'print' });
    expect(await save.isVisible()).toBe(false);
    expect(page.url()).not.toContain('desk-7');
    // Another person's paragraph: nothing of the opened profile carries over, the next save makes a new one.
    await page.emulateMedia({ media: 'screen' });
    await page.locator('textarea[name=text]').fill(text);
    await page.getByRole('button', { name: 'Read skills' }).click();
    await boxes.first().waitFor();
    expect(await page.locator('p.opened').count()).toBe(0);
    await page.getByRole('button', { name: 'Confirm skills and match' }).click();
    await page.locator('ol.matches li').first().getByRole('button', { name: 'Plan courses for this' }).click();
    await save.waitFor();
    expect(await save.locator('h2').textContent()).toBe('Save to a jobseeker profile');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('searches the taxonomy and opens an occupation with the offers teaching each essential skill, as the API gives them', async () => {
    const { context, page, problems } = await open('/taxonomy');
    await page.locator('input[name=q]').fill('welder');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('ul.hits li a').first().waitFor();
    const { data: found } = await gql(
      hub,
      `{ searchOccupations(text: "welder", first: 8) { occupation { uri preferredLabel } } }`,
    );
    expect(await page.locator('ul.hits li a').allTextContents()).toEqual(
      found.searchOccupations.map((h: { occupation: { preferredLabel: string } }) => h.occupation.preferredLabel),
    );
    await page.locator('ul.hits li a').first().click();
    await page.locator('article.occupation tbody tr').first().waitFor();
    const uri = found.searchOccupations[0].occupation.uri;
    expect(new URL(page.url()).searchParams.get('occupation')).toBe(uri);
    const { data } = await gql(
      hub,
      `query($uri: String!) { occupationCoverage(occupationUri: $uri) { skills { skill { preferredLabel } offers { title } } } }`,
      { uri },
    );
    const rows = await page
      .locator('article.occupation tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [tr.querySelector('th')!.textContent, tr.querySelector('td')!.textContent]),
      );
    expect(rows).toEqual(
      data.occupationCoverage.skills.map(
        (s: { skill: { preferredLabel: string }; offers: Array<{ title: string }> }) => [
          s.skill.preferredLabel,
          s.offers.length === 0 ? 'no published offer' : s.offers.map((o) => o.title).join('; '),
        ],
      ),
    );
    await page.screenshot({ path: path.join(SHOTS, 'taxonomy-1280.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('browses the hierarchy from the top down to an occupation and its offers, and back up, as the API gives it', async () => {
    const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';
    const { data } = await gql(
      hub,
      `query($uri: String!) { taxonomy { topConcepts { preferredLabel kind } }
        concept(uri: $uri) { preferredLabel pathFromTop { uri preferredLabel } } }`,
      { uri: WELDER },
    );
    const top = data.taxonomy.topConcepts as Array<{ preferredLabel: string; kind: string }>;
    const chain = data.concept.pathFromTop as Array<{ uri: string; preferredLabel: string }>;
    expect(chain.length).toBeGreaterThanOrEqual(4);
    const { context, page, problems } = await open('/taxonomy');
    await page.waitForSelector('ul.tree a');
    const column = (n: number) => page.locator('.columns > div').nth(n).locator('ul.tree li a').allTextContents();
    expect(await column(0)).toEqual(top.filter((c) => c.kind === 'IscoGroup').map((c) => c.preferredLabel));
    expect(await column(1)).toEqual(top.filter((c) => c.kind === 'SkillGroup').map((c) => c.preferredLabel));
    // Down, one click per level, each a permalink.
    for (const [i, step] of [...chain, { uri: WELDER, preferredLabel: data.concept.preferredLabel }].entries()) {
      await page.locator('ul.tree li a', { hasText: step.preferredLabel }).first().click();
      await page.waitForURL((url) => url.searchParams.get('concept') === step.uri);
      await page.locator('article.concept h2', { hasText: step.preferredLabel }).waitFor();
      // The path from the top comes with the concept's own query: wait for it rather than read it once.
      await expect
        .poll(() => page.locator('nav[aria-label="Broader concepts"] a').allTextContents())
        .toEqual(['Top', ...chain.slice(0, i).map((p) => p.preferredLabel)]);
    }
    await page.screenshot({ path: path.join(SHOTS, 'hierarchy-1280.png'), fullPage: true });
    await page.getByRole('link', { name: 'Its essential skills and the offers teaching them' }).click();
    await page.locator('article.occupation tbody tr').first().waitFor();
    expect(new URL(page.url()).searchParams.get('occupation')).toBe(WELDER);
    // Back up to the unit group from the occupation's "Under:" line.
    await page.locator('article.occupation p.muted a', { hasText: chain[chain.length - 1].preferredLabel }).click();
    await page.waitForURL((url) => url.searchParams.get('concept') === chain[chain.length - 1].uri);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('pages through the catalogue with the API’s cursors, the page in the URL', async () => {
    const PAGE = `query($after: String) { microCredentials(first: 10, after: $after) {
      totalCount pageInfo { endCursor hasNextPage } edges { node { title } } } }`;
    const first = (await gql(hub, PAGE, {})).data.microCredentials;
    const second = (await gql(hub, PAGE, { after: first.pageInfo.endCursor })).data.microCredentials;
    expect([first.totalCount, first.edges.length, first.pageInfo.hasNextPage]).toEqual([13, 10, true]);
    expect([second.edges.length, second.pageInfo.hasNextPage]).toEqual([3, false]);
    const titles = (c: { edges: Array<{ node: { title: string } }> }) => c.edges.map((e) => e.node.title);
    const { context, page, problems } = await open('/catalogue');
    await page.waitForSelector('table.offers tbody tr');
    await page.locator('select[name=size]').selectOption('10');
    await page.waitForURL((url) => url.searchParams.get('size') === '10');
    const rows = () => page.locator('table.offers tbody th a').allTextContents();
    await expect.poll(rows).toEqual(titles(first));
    expect(await page.getByRole('button', { name: 'Previous 10' }).isDisabled()).toBe(true);
    // The controls stay on screen while a page loads (the same element, so keyboard focus stays on it).
    const next = page.getByRole('button', { name: 'Next 10' });
    await next.evaluate((button) => button.setAttribute('data-kept', 'yes'));
    await next.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('after') === first.pageInfo.endCursor);
    await expect.poll(rows).toEqual(titles(second));
    expect(await next.getAttribute('data-kept')).toBe('yes');
    expect(await page.locator('table.offers caption').textContent()).toContain('3 of 13 offers.');
    expect(await page.getByRole('button', { name: 'Next 10' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Previous 10' }).click();
    await page.waitForURL((url) => url.searchParams.has('before'));
    await expect.poll(rows).toEqual(titles(first));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets a curator accept, reject and add skill links in the page, refused without a key as through the API, the decisions then in the graph', async () => {
    type Link = { state: string; skill: { uri: string; preferredLabel: string } };
    const { data: listed } = await gql(
      hub,
      `{ microCredentials(first: 100) { edges { node { id learningOutcomes { id skillLinks { state skill { uri preferredLabel } } } } } } }`,
    );
    // The first offer (by title) whose first outcome has two suggested links.
    const offer = listed.microCredentials.edges
      .map((e: { node: { id: string; learningOutcomes: Array<{ id: string; skillLinks: Link[] }> } }) => e.node)
      .find(
        (o: { learningOutcomes: Array<{ skillLinks: Link[] }> }) =>
          (o.learningOutcomes[0]?.skillLinks.filter((l) => l.state === 'SUGGESTED').length ?? 0) >= 2,
      );
    expect(offer).toBeDefined();
    const outcome = offer.learningOutcomes[0];
    const [toAccept, toReject] = outcome.skillLinks.filter((l: Link) => l.state === 'SUGGESTED');
    const stored = async (uri: string) =>
      graph.read<{ state: string; reviewedBy: string | null }>(
        'MATCH (:LearningOutcome {id: $o})-[d:DEVELOPS]->(:Skill {uri: $s}) RETURN d.state AS state, d.reviewedBy AS reviewedBy',
        { o: outcome.id, s: uri },
      );

    const { context, page, problems } = await open(`/catalogue?offer=${encodeURIComponent(offer.id)}`);
    const item = page.locator(`li[data-outcome="${outcome.id}"]`);
    const row = (uri: string) => item.locator(`tr[data-skill="${uri}"]`);
    await row(toAccept.skill.uri).waitFor();
    expect(await item.locator('tbody th').allTextContents()).toEqual(
      outcome.skillLinks.map((l: Link) => l.skill.preferredLabel),
    );

    // Without a key the API refuses, and the page shows its words beside the outcome; nothing is written.
    await row(toAccept.skill.uri)
      .getByRole('button', { name: /^Accept/ })
      .click();
    const review = `mutation($o: ID!, $s: String!, $d: SkillLinkDecision!) { reviewSkillLink(outcomeId: $o, skillUri: $s, decision: $d) { state } }`;
    const { errors } = await gql(hub, review, { o: outcome.id, s: toAccept.skill.uri, d: 'ACCEPT' });
    expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await item.locator('[role=alert]').textContent()).toBe(errors![0].message);
    expect(await stored(toAccept.skill.uri)).toEqual([{ state: 'SUGGESTED', reviewedBy: null }]);

    // With the curator's key: accept one, reject the other, add one found by name.
    await page.locator('input[name=apiKey]').fill(CURATOR_KEY);
    await page.getByRole('button', { name: 'Use key' }).click();
    await row(toAccept.skill.uri)
      .getByRole('button', { name: /^Accept/ })
      .click();
    await row(toAccept.skill.uri).locator('td.link-accepted').waitFor();
    await row(toReject.skill.uri)
      .getByRole('button', { name: /^Reject/ })
      .click();
    await row(toReject.skill.uri).locator('td.link-rejected').waitFor();
    expect(await stored(toAccept.skill.uri)).toEqual([{ state: 'ACCEPTED', reviewedBy: 'cur' }]);
    expect(await stored(toReject.skill.uri)).toEqual([{ state: 'REJECTED', reviewedBy: 'cur' }]);
    // The key is in the tab's memory only: not in the URL, storage or a cookie.
    expect(page.url()).not.toContain(CURATOR_KEY);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([
      0,
      0,
      '',
    ]);

    const linked = new Set(outcome.skillLinks.map((l: Link) => l.skill.uri));
    const { data: found } = await gql(
      hub,
      `{ searchSkills(text: "communicate", first: 8) { skill { uri preferredLabel } } }`,
    );
    const hits = found.searchSkills.map((h: { skill: { uri: string; preferredLabel: string } }) => h.skill);
    const added = hits.find((h: { uri: string }) => !linked.has(h.uri));
    expect(added).toBeDefined();
    await item.locator('summary', { hasText: 'Add a skill by hand' }).click();
    await item.locator('input[name=skill]').fill('communicate');
    await item.getByRole('button', { name: 'Find' }).click();
    const select = item.locator('select[name=skillUri]');
    await select.waitFor();
    expect(await select.locator('option').allTextContents()).toEqual([
      'choose one',
      ...hits.map((h: { preferredLabel: string }) => h.preferredLabel),
    ]);
    await select.selectOption(added.uri);
    await item.getByRole('button', { name: 'Add link' }).click();
    await row(added.uri).locator('td.link-added').waitFor();
    expect(await stored(added.uri)).toEqual([{ state: 'ADDED', reviewedBy: 'cur' }]);
    await page.screenshot({ path: path.join(SHOTS, 'offer-1280.png'), fullPage: true });

    // The ELM export, checked as the API checks it, downloaded as the API gives it (with the accepted skill).
    await page.getByRole('button', { name: /^Export and check/ }).click();
    const verdict = page.locator('section.elm p.pass, section.elm p.error').first();
    await verdict.waitFor();
    const { data: elm } = await gql(
      hub,
      `query($id: ID!) { microCredential(id: $id) { elm { json validation { conforms profile violations { message } } } } }`,
      { id: offer.id },
    );
    const validation = elm.microCredential.elm.validation;
    expect(await verdict.textContent()).toBe(
      validation.conforms
        ? `Conforms to the ${validation.profile} shapes.`
        : `${validation.violations.length} results against the ${validation.profile} shapes.`,
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download JSON-LD' }).click(),
    ]);
    const json = fs.readFileSync((await download.path())!, 'utf8');
    expect(json).toBe(elm.microCredential.elm.json);
    expect(json).toContain(toAccept.skill.uri);
    expect(json).not.toContain(toReject.skill.uri);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('has no serious or critical accessibility violations (axe-core) in any view, at 1280 and at 390 px', async () => {
    const axe = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    const violations = async (page: Page) => {
      await page.addScriptTag({ content: axe });
      return page.evaluate(async () => {
        const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
        return result.violations
          .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
          .map((v: { id: string; nodes: unknown[] }) => `${v.id} (${v.nodes.length})`);
      });
    };
    const { data } = await gql(hub, `{ microCredentials(first: 1) { edges { node { id } } } }`);
    const offer = encodeURIComponent(data.microCredentials.edges[0].node.id);
    const unitGroup = encodeURIComponent('http://data.europa.eu/esco/isco/C7212');
    // [name, URL, what shows it is ready, a button to press first and what it opens]
    for (const [name, url, ready, press, opens] of [
      ['overview', '/', 'table.heatmap td a'],
      ['gaps', '/gaps?sector=F&region=HR04&period=2025', 'table.gaps'],
      [
        'gap-evidence',
        '/gaps?sector=F&region=HR04&period=2025',
        'table.gaps',
        'table.gaps tbody th button',
        '.evidence',
      ],
      ['what-if', '/gaps?sector=F&region=HR04&period=2025&shiftIsco=7212&factor=2', 'table.what-if'],
      ['recommendations', '/recommendations?sector=F&region=HR04&period=2025', 'table.develop'],
      [
        'outline',
        '/recommendations?sector=F&region=HR04&period=2025',
        'table.develop',
        'table.develop tbody th button',
        '.evidence',
      ],
      ['glossary', '/glossary', 'dl.glossary'],
      ['counsellor', '/counsellor', 'textarea'],
      ['taxonomy', '/taxonomy?q=welder', 'ul.hits'],
      ['hierarchy', '/taxonomy', 'ul.tree'],
      ['concept', `/taxonomy?concept=${unitGroup}`, 'article.concept'],
      ['catalogue', '/catalogue', 'table.offers'],
      ['offer', `/catalogue?offer=${offer}`, 'ol.outcomes'],
    ]) {
      for (const width of [1280, 390]) {
        // axe is injected as a script, which the page's CSP forbids: this context alone bypasses it.
        const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
        const page = await context.newPage();
        await page.goto(`${hub.server.url}${url}`);
        await page.waitForSelector(ready);
        if (press) {
          await page.locator(press).first().click();
          await page.waitForSelector(opens!);
        }
        expect(await violations(page), `${name} at ${width} px`).toEqual([]);
        if (width === 390) await page.screenshot({ path: path.join(SHOTS, `${name}-390.png`), fullPage: true });
        await context.close();
      }
    }
    // The counsellor's flow past the form: checklist, matches, plan, and the save and open-profile sections.
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${hub.server.url}/counsellor`);
      await page
        .locator('textarea[name=text]')
        .fill(
          'For six years I directed customers to merchandise, examined merchandise and maintained store cleanliness.',
        );
      await page.getByRole('button', { name: 'Read skills' }).click();
      await page.locator('.checklist input[type=checkbox]').first().waitFor();
      await page.getByRole('button', { name: 'Confirm skills and match' }).click();
      await page.locator('ol.matches li').first().getByRole('button', { name: 'Plan courses for this' }).click();
      await page.locator('section.save-profile').waitFor();
      await page.getByText('Open a saved profile').click();
      expect(await violations(page), `counsellor plan at ${width} px`).toEqual([]);
      if (width === 390) await page.screenshot({ path: path.join(SHOTS, `counsellor-plan-390.png`), fullPage: true });
      await context.close();
    }
  });
});
