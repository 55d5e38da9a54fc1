import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { type Browser, chromium } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import type { RunningHub } from '../../src/server/start.js';
import { WEB_DIR } from '../../src/server/web.js';
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

const GAPS = `query($sector: String, $region: String, $period: String) {
  sectorSkillGaps(sector: $sector, region: $region, period: $period, first: 25) {
    rank skill { uri preferredLabel } demand gapScore evidence { value } } }`;

describe('the page, in a browser', () => {
  let hub: RunningHub;
  let browser: Browser;

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM))
      throw new Error(`no browser at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) throw new Error('the page is not built: npm run web:build');
    const graph = await freshTestGraph({ seed: true });
    await importDemandExample(graph);
    await graph.close();
    hub = await startTestHub();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
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
    // cells, each the gap index the API gives for that region.
    await page.waitForSelector('table.heatmap td a');
    const cells = await page.locator('table.heatmap td a').allTextContents();
    const cell = async (region: string) =>
      (await gql(hub, `{ skillsDashboard(sectors: ["F"], region: "${region}", period: "2025") { gapIndex } }`)).data
        .skillsDashboard[0].gapIndex as number;
    expect(cells).toEqual([(await cell('HR03')).toFixed(2), (await cell('HR04')).toFixed(2)]);
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

  it('takes a counsellor from a paragraph through a checklist and matches to a course plan that prints on one page', async () => {
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
    const { data: planned } = await gql(
      hub,
      `query($o: String!, $skills: [String!]!) { recommendCourses(occupationUri: $o, skills: $skills, constraints: { maxWorkloadHours: 200 }) {
        explanation courses { microCredential { title } } } }`,
      { o: offered[0].occupation.uri, skills: confirmed },
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

  it('has no serious or critical accessibility violations (axe-core) in any view, at 1280 and at 390 px', async () => {
    const axe = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    for (const [name, url, ready] of [
      ['overview', '/', 'table.heatmap'],
      ['gaps', '/gaps?sector=F&region=HR04&period=2025', 'table.gaps'],
      ['glossary', '/glossary', 'dl.glossary'],
      ['counsellor', '/counsellor', 'textarea'],
      ['taxonomy', '/taxonomy?q=welder', 'ul.hits'],
    ] as const) {
      for (const width of [1280, 390]) {
        // axe is injected as a script, which the page's CSP forbids: this context alone bypasses it.
        const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
        const page = await context.newPage();
        await page.goto(`${hub.server.url}${url}`);
        await page.waitForSelector(ready);
        await page.addScriptTag({ content: axe });
        const violations = await page.evaluate(async () => {
          const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
          return result.violations
            .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
            .map((v: { id: string; nodes: unknown[] }) => `${v.id} (${v.nodes.length})`);
        });
        expect(violations, `${name} at ${width} px`).toEqual([]);
        if (width === 390) await page.screenshot({ path: path.join(SHOTS, `${name}-390.png`), fullPage: true });
        await context.close();
      }
    }
  });
});
