import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCatalogue } from '../../src/catalogue/import.js';
import { outcomeId } from '../../src/catalogue/store.js';
import type { GraphClient } from '../../src/graph/client.js';
import type { RunningHub } from '../../src/server/start.js';
import {
  escoDir,
  freshGraphWithEscoAndDemand,
  gql,
  importDemandExample,
  sharedDataDir,
  startTestHub,
} from '../helpers.js';
import { coverageOf } from '../../src/matching/occupation-fit.js';
import { heldCredits } from '../../src/matching/held-credits.js';
import {
  csvNeeds,
  csvNeighbours,
  csvOccupationDemand,
  eurostatRows,
  iloSkillLevel,
  readCsv,
  round,
} from '../csv-derivations.js';
import { hierarchyBonus, originCredits } from '../../src/matching/transitions.js';
import { REGULATED_TEXT } from '../../src/taxonomy/regulation.js';
import { NO_LINKS_REASON } from '../../src/matching/plan-offers.js';

const FORKLIFT_OPERATOR = 'http://data.europa.eu/esco/occupation/eeac6251-1974-42f5-91ed-513c6c883755';

const SEARCH = `query($text: String!, $first: Int) { searchOccupations(text: $text, first: $first) {
  occupation { uri preferredLabel } score matchedLabel matchedLabelType
  evidence { exactLabel labelScore labelCoverage queryCoverage allLabelsCoverage descriptionScore skillScore matchedSkills { skill { uri } relation } method } } }`;

const MATCH = `query($text: String, $skills: [String!], $region: String, $first: Int) {
  matchOccupations(text: $text, skills: $skills, region: $region, first: $first) {
    demandNote heldSkills { skill { uri } origin detail }
    matches { occupation { uri preferredLabel code } coverage optionalCoverage skillFit score missingEssential { uri }
      nearEssential { skill { uri } kind credit via { uri } } demand { value unit trend percentile score region period source }
      tier skillLevel stepDown grounded explanation }
    currentOccupations { occupation { uri } skillFit tier stepDown } } }`;

const GAP = `query($occupationUri: String!, $skills: [String!], $region: String) {
  skillGap(occupationUri: $occupationUri, skills: $skills, region: $region) {
    occupation { uri } coverage optionalCoverage missingEssential { uri } missingOptional { uri }
    missing { skill { uri } essential nearMatch { kind via { uri } } offers { id } } } }`;

describe('occupation search and matching on full ESCO', () => {
  let graph: GraphClient;
  let hub: RunningHub;
  let forkliftEssential: string[];
  let forkliftOptional: string[];

  beforeAll(async () => {
    graph = await freshGraphWithEscoAndDemand();
    // A source whose newest year (2025) covers Croatia only: matching elsewhere must fall back to the latest year with figures there.
    await importDemandExample(graph);
    hub = await startTestHub({ SEED_DEMO: 'false' });
    const skillsOf = async (relation: string) =>
      (
        await graph.read<{ uri: string }>(
          `MATCH (:Occupation {uri: $uri})-[:${relation}]->(s:Skill) WHERE s.deprecated = false RETURN s.uri AS uri ORDER BY uri`,
          { uri: FORKLIFT_OPERATOR },
        )
      ).map((r) => r.uri);
    forkliftEssential = await skillsOf('ESSENTIAL_SKILL');
    forkliftOptional = await skillsOf('OPTIONAL_SKILL');
  }, 240_000);
  afterAll(async () => {
    await hub?.stop();
    await graph?.close();
  });

  it('ranks an exact preferred label first: "electrician" before the occupations that only have it as an alternative label', async () => {
    const { data, errors } = await gql(hub, SEARCH, { text: 'electrician', first: 3 });
    expect(errors).toBeUndefined();
    const [first, ...others] = data.searchOccupations;
    expect(first.occupation.preferredLabel).toBe('electrician');
    expect(first).toMatchObject({
      matchedLabel: 'electrician',
      matchedLabelType: 'PREFERRED',
      evidence: { exactLabel: true, labelScore: 1.5, labelCoverage: 1, queryCoverage: 1 },
    });
    for (const hit of others) {
      expect(hit.matchedLabelType).toBe('ALTERNATIVE');
      expect(hit.score).toBeLessThan(first.score);
    }
    for (const hit of data.searchOccupations) {
      // "electrician" is one word, in a label of each: every hit's labels explain all of the text.
      expect(hit.evidence.allLabelsCoverage).toBe(1);
      expect(hit.score).toBeCloseTo(
        hit.evidence.labelScore +
          0.6 * hit.evidence.allLabelsCoverage +
          0.3 * hit.evidence.descriptionScore +
          0.5 * hit.evidence.skillScore,
        2,
      );
    }
  });

  it('finds the occupation behind a sentence about the work, with the words and skills that matched', async () => {
    const { data } = await gql(hub, SEARCH, { text: 'I drove a forklift in a warehouse for six years', first: 5 });
    const [top] = data.searchOccupations;
    expect(top.occupation.uri).toBe(FORKLIFT_OPERATOR);
    // "drove … forklift … warehouse" meets the alternative label through drove → drive ← driver.
    expect(top.matchedLabel).toBe('warehouse forklift driver');
    expect(top.evidence.labelCoverage).toBe(1);
    expect(
      top.evidence.matchedSkills
        .map((s: { skill: { uri: string } }) => s.skill.uri)
        .every((uri: string) => forkliftEssential.includes(uri) || forkliftOptional.includes(uri)),
    ).toBe(true);
    expect(top.evidence.method).toMatch(/^label-coverage/);
  });

  it('refuses a search without words and a page size out of range, naming the argument', async () => {
    for (const [variables, field] of [
      [{ text: ' !? ' }, 'text'],
      [{ text: 'baker', first: 0 }, 'first'],
      [{ text: 'baker', first: 101 }, 'first'],
    ] as const) {
      const { errors } = await gql(hub, SEARCH, variables);
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('matches a person who has every essential skill of an occupation to it in full, with nothing missing', async () => {
    const { data, errors } = await gql(hub, MATCH, { skills: forkliftEssential, first: 5 });
    expect(errors).toBeUndefined();
    const result = data.matchOccupations;
    expect(result.heldSkills.map((h: { skill: { uri: string } }) => h.skill.uri).sort()).toEqual(forkliftEssential);
    expect(result.heldSkills.every((h: { origin: string }) => h.origin === 'GIVEN')).toBe(true);
    const [top] = result.matches;
    expect(top.occupation.uri).toBe(FORKLIFT_OPERATOR);
    expect(top).toMatchObject({ coverage: 1, missingEssential: [], nearEssential: [], demand: null });
    // Skill fit 0.8 × 1 + 0.2 × optional coverage, the optional skills credited through the held essential ones'
    // ESCO neighbours: the pure formula on the forklift operator's skills and neighbours as the CSVs give them.
    // No region: the score is the skill fit.
    const expected = coverageOf(csvNeeds(FORKLIFT_OPERATOR), heldCredits(forkliftEssential, csvNeighbours()));
    expect(expected.essentialCoverage).toBe(1);
    expect(top.optionalCoverage).toBe(expected.optionalCoverage);
    expect(top.skillFit).toBe(expected.skillFit);
    expect(top.skillFit).toBeCloseTo(0.8 + 0.2 * expected.optionalCoverage, 4);
    expect(top.score).toBe(expected.skillFit);
    expect(result.demandNote).toBe('No region given: demand is not weighed.');
    expect(top.explanation).toContain(
      `Has ${forkliftEssential.length} of its ${forkliftEssential.length} essential skills`,
    );
  });

  it('reads a free-text work history into skills, each traced to its words, and weighs demand in the region', async () => {
    const { data, errors } = await gql(hub, MATCH, {
      text: 'I drove a forklift in a warehouse for six years, loading trucks and keeping stock records.',
      region: 'FR',
      first: 10,
    });
    expect(errors).toBeUndefined();
    const result = data.matchOccupations;
    const origins = new Set(result.heldSkills.map((h: { origin: string }) => h.origin));
    expect(origins).toEqual(new Set(['TEXT', 'WORK_HISTORY']));
    expect(result.heldSkills.find((h: { origin: string }) => h.origin === 'WORK_HISTORY').detail).toContain(
      'essential for "forklift operator"',
    );
    // The occupation the text names is the person's own: marked current, not offered.
    expect(result.currentOccupations).toMatchObject([
      { occupation: { uri: FORKLIFT_OPERATOR }, tier: 'VIABLE', stepDown: false },
    ]);
    expect(result.matches.map((m: { occupation: { uri: string } }) => m.occupation.uri)).not.toContain(
      FORKLIFT_OPERATOR,
    );
    expect(result.demandNote).toMatch(/^EMPLOYMENT from eurostat-lfsa_eisn2.*; FR, 2024, trend against 2023$/);
    // Expected figures, from the CSVs and the pure skill-fit formula only: each occupation's demand in France
    // (every sector's figures of 2024 added, spread as skill-demand.ts states), its trend against 2023, its
    // percentile among the occupations with demand there (ties by URI), the demand score (percentile, +0.1 when
    // demand grew, −0.1 when it fell by more than 5%) and the score 0.75 × skill fit + 0.25 × demand score.
    const now = csvOccupationDemand(eurostatRows(null, 'France', '2024'));
    const before = csvOccupationDemand(eurostatRows(null, 'France', '2023'));
    expect(
      [...eurostatRows(null, 'France', '2024'), ...eurostatRows(null, 'France', '2023')].some((r) =>
        r.flag.includes('b'),
      ),
    ).toBe(false);
    const ascending = [...now.entries()]
      .map(([uri, value]) => ({ uri, value: round(value, 4) }))
      .sort((a, b) => a.value - b.value || (a.uri < b.uri ? -1 : 1));
    const position = new Map(ascending.map((o, i) => [o.uri, i]));
    const credits = heldCredits(
      result.heldSkills.map((h: { skill: { uri: string } }) => h.skill.uri),
      csvNeighbours(),
    );
    for (const match of result.matches) {
      const uri = match.occupation.uri;
      const value = now.get(uri)!;
      const trend = round((value - before.get(uri)!) / before.get(uri)!, 4);
      const percentile = (position.get(uri)! + 1) / ascending.length;
      const demandScore = round(Math.min(1, Math.max(0, percentile + (trend > 0 ? 0.1 : trend < -0.05 ? -0.1 : 0))), 4);
      const { skillFit } = coverageOf(csvNeeds(uri), credits);
      expect(match.demand).toEqual({
        region: 'FR',
        period: '2024',
        source: 'eurostat-lfsa_eisn2',
        unit: 'thousand persons',
        value: expect.closeTo(value, 3),
        trend: expect.closeTo(trend, 4),
        percentile: round(percentile, 4),
        score: demandScore,
      });
      expect(match.skillFit).toBe(skillFit);
      expect(match.score).toBe(round(0.75 * skillFit + 0.25 * demandScore, 4));
      expect(match.explanation).toContain('Score = 0.75 ×');
    }
    // Order: viable (skill fit ≥ 0.4) before stretch; among viable ones, the ILO skill level of the ISCO major
    // group (9 → 1; 4–8 and 0 → 2; 3 → 3; 1–2 → 4) below the forklift operator's 2 after the rest; viable by
    // score, stretches by skill fit. Within each tier, grounded ones (a sector- or occupation-specific essential skill
    // held or near-held at credit ≥ 0.5, or none listed) first.
    const expected = result.matches.map((m: { occupation: { uri: string }; skillFit: number; score: number }) => {
      const needs = csvNeeds(m.occupation.uri);
      const level = iloSkillLevel(needs.iscoGroup);
      const grounded =
        needs.specific!.length === 0 || needs.specific!.some((uri) => (credits.get(uri)?.credit ?? 0) >= 0.5);
      return {
        uri: m.occupation.uri,
        viable: m.skillFit >= 0.4,
        level,
        stepDown: level !== null && level < 2,
        grounded,
        key: m,
      };
    });
    for (const [i, m] of result.matches.entries()) {
      expect(m.tier).toBe(expected[i].viable ? 'VIABLE' : 'STRETCH');
      expect([m.skillLevel, m.stepDown, m.grounded]).toEqual([
        expected[i].level,
        expected[i].stepDown,
        expected[i].grounded,
      ]);
    }
    const rank = (e: (typeof expected)[number]) => [
      e.viable ? 0 : 1,
      e.grounded ? 0 : 1,
      e.viable && e.stepDown ? 1 : 0,
      -(e.viable ? e.key.score : e.key.skillFit),
    ];
    const sorted = [...expected].sort((a, b) => {
      const [x, y] = [rank(a), rank(b)];
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || x[3] - y[3];
    });
    expect(sorted.map((e) => e.uri)).toEqual(expected.map((e: { uri: string }) => e.uri));
  });

  it('reads the forklift paragraph of issue 22 as a counsellor would: own occupation current, warehouse moves offered', async () => {
    const QUERY = `query($text: String!, $towards: String) { matchOccupations(text: $text, first: 100, towards: $towards) {
      heldSkills { skill { uri } }
      matches { occupation { uri preferredLabel digitalRelevance } skillFit tier stepDown grounded explanation }
      currentOccupations { occupation { uri } } } }`;
    const text = 'I worked 8 years as a warehouse forklift driver, did inventory with SAP, and trained new staff';
    const { data, errors } = await gql(hub, QUERY, { text });
    expect(errors).toBeUndefined();
    const { matches, currentOccupations } = data.matchOccupations;
    expect(currentOccupations.map((c: { occupation: { uri: string } }) => c.occupation.uri)).toEqual([
      FORKLIFT_OPERATOR,
    ]);
    const byLabel = new Map(
      matches.map((m: { occupation: { preferredLabel: string } }) => [m.occupation.preferredLabel, m]),
    );
    for (const label of ['warehouse worker', 'warehouse manager', 'warehouse order picker'])
      expect(byLabel.get(label), label).toMatchObject({ tier: expect.stringMatching(/^(VIABLE|STRETCH)$/) });
    // Warehouse worker is ISCO 9333, skill level 1 against the forklift operator's 2: flagged.
    expect(byLabel.get('warehouse worker')).toMatchObject({ stepDown: true });
    expect(byLabel.get('warehouse manager')).toMatchObject({ stepDown: false });
    // Stretches rank by fit, a step-down among them only flagged: every match above warehouse worker is viable or
    // fits at least as well, and it comes within the first ten.
    const worker = matches.findIndex(
      (m: { occupation: { preferredLabel: string } }) => m.occupation.preferredLabel === 'warehouse worker',
    );
    expect(worker).toBeLessThan(10);
    // Occupations whose fit rests on cross-sector skills alone ("stay alert", "execute working instructions") no longer
    // come among the first 100: each shown shares a specific essential skill with him (from the CSVs: a sector- or
    // occupation-specific skill held or near-held at credit ≥ 0.5), or lists none.
    const credits = heldCredits(
      data.matchOccupations.heldSkills.map((h: { skill: { uri: string } }) => h.skill.uri),
      csvNeighbours(),
    );
    for (const m of matches) {
      const { specific } = csvNeeds(m.occupation.uri);
      const grounded = specific!.length === 0 || specific!.some((uri) => (credits.get(uri)?.credit ?? 0) >= 0.5);
      expect([m.occupation.preferredLabel, m.grounded, grounded]).toEqual([m.occupation.preferredLabel, true, true]);
    }
    for (const label of ['leather measuring operator', 'briquetting machine operator', 'tanning consultant'])
      expect(byLabel.has(label), label).toBe(false);
    // Explanations name skills by their labels (order picker's missing skills were once read for the first 8 only).
    for (const m of matches) expect(m.explanation, m.occupation.preferredLabel).not.toContain('http://');
    for (const m of matches.slice(0, worker))
      expect(m.tier === 'VIABLE' || m.skillFit >= matches[worker].skillFit, m.occupation.preferredLabel).toBe(true);

    // Aimed at managers (ISCO 13) or digital roles: only those, each with its gap, by the same order.
    const managers = (await gql(hub, QUERY, { text, towards: 'ISCO:13' })).data.matchOccupations.matches;
    expect(managers.length).toBeGreaterThan(0);
    for (const m of managers)
      expect(csvNeeds(m.occupation.uri).iscoGroup?.startsWith('13'), m.occupation.uri).toBe(true);
    expect(managers.map((m: { occupation: { preferredLabel: string } }) => m.occupation.preferredLabel)).toContain(
      'warehouse manager',
    );
    const digital = (await gql(hub, QUERY, { text, towards: 'DIGITAL' })).data.matchOccupations.matches;
    expect(digital.length).toBeGreaterThan(0);
    for (const m of digital) expect(m.occupation.digitalRelevance, m.occupation.uri).toBeGreaterThanOrEqual(0.5);
    const { errors: bad } = await gql(hub, QUERY, { text, towards: 'IT' });
    expect(bad?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'towards' });
  });

  it('reads the nurse paragraph of issue 22: her occupation current from the title she states, step-downs after her level', async () => {
    const QUERY = `query($text: String!) { matchOccupations(text: $text, first: 30) {
      heldSkills { origin detail } matches { occupation { uri preferredLabel } tier stepDown skillLevel score }
      currentOccupations { occupation { uri preferredLabel } } } }`;
    const text =
      'I have been a registered general nurse for 12 years on a general surgical ward. I assess patients, administer ' +
      'medication and injections, dress wounds, keep patient records, support families and supervise student nurses.';
    const { data, errors } = await gql(hub, QUERY, { text });
    expect(errors).toBeUndefined();
    const { matches, currentOccupations, heldSkills } = data.matchOccupations;
    const nurse = readCsv(path.join(escoDir, 'occupations_en.csv')).find(
      (r) => r.preferredLabel === 'nurse responsible for general care',
    )!;
    expect(currentOccupations.map((c: { occupation: { uri: string } }) => c.occupation.uri)).toEqual([
      nurse.conceptUri,
    ]);
    expect(heldSkills.find((h: { origin: string }) => h.origin === 'WORK_HISTORY').detail).toBe(
      'essential for "nurse responsible for general care", the job title "registered general nurse" in the text',
    );
    expect(matches.map((m: { occupation: { uri: string } }) => m.occupation.uri)).not.toContain(nurse.conceptUri);
    // ISCO 2221: skill level 4. Nurse assistant (5321, level 2) is a step down, after every viable same-level match.
    const assistant = matches.findIndex(
      (m: { occupation: { preferredLabel: string } }) => m.occupation.preferredLabel === 'nurse assistant',
    );
    expect(assistant).toBeGreaterThanOrEqual(0);
    expect(matches[assistant]).toMatchObject({ stepDown: true, skillLevel: 2 });
    const viableSameLevel = matches.filter(
      (m: { tier: string; stepDown: boolean }) => m.tier === 'VIABLE' && !m.stepDown,
    );
    expect(viableSameLevel.length).toBeGreaterThan(0);
    expect(matches.slice(0, viableSameLevel.length)).toEqual(viableSameLevel);
  });

  it('refuses unknown skills, an unknown region and an empty input, naming the argument', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ skills: ['http://data.europa.eu/esco/skill/not-a-skill'] }, 'skills'],
      [{ skills: forkliftEssential.slice(0, 2), region: 'XX9' }, 'region'],
      [{ text: '   ' }, 'text'],
      [{}, 'skills'],
    ];
    for (const [variables, field] of cases) {
      const { errors } = await gql(hub, MATCH, variables);
      expect(errors?.[0].extensions, JSON.stringify(variables)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('sends as many database round trips for 50 matches as for 5', async () => {
    const few = await gql(hub, MATCH, { skills: forkliftEssential.slice(0, 6), region: 'FR', first: 5 });
    const many = await gql(hub, MATCH, { skills: forkliftEssential.slice(0, 6), region: 'FR', first: 50 });
    expect(many.data.matchOccupations.matches).toHaveLength(50);
    expect(many.extensions?.dbRoundTrips).toBe(few.extensions?.dbRoundTrips);
  });

  it('lists exactly the essential and optional skills not held for a target occupation, with the offers that teach them', async () => {
    const held = forkliftEssential.slice(0, Math.floor(forkliftEssential.length / 2));
    const { data, errors } = await gql(hub, GAP, { occupationUri: FORKLIFT_OPERATOR, skills: held });
    expect(errors).toBeUndefined();
    const gap = data.skillGap;
    // Near-held skills stay missing (only an exact holding is a full match).
    expect(gap.missingEssential.map((s: { uri: string }) => s.uri).sort()).toEqual(
      forkliftEssential.filter((uri) => !held.includes(uri)),
    );
    expect(gap.missingOptional.map((s: { uri: string }) => s.uri).sort()).toEqual(forkliftOptional);
    expect(gap.coverage).toBeGreaterThanOrEqual(held.length / forkliftEssential.length);
    expect(gap.coverage).toBeLessThan(1);
    const teaching = await graph.read<{ skill: string; id: string }>(
      `MATCH (m:MicroCredential {status: 'PUBLISHED'})-[:HAS_OUTCOME]->(:LearningOutcome)-[d:DEVELOPS]->(s:Skill) WHERE d.state <> 'REJECTED' AND s.uri IN $uris
       RETURN DISTINCT s.uri AS skill, m.id AS id`,
      { uris: [...forkliftEssential, ...forkliftOptional] },
    );
    for (const row of gap.missing) {
      expect(row.offers.map((o: { id: string }) => o.id).sort()).toEqual(
        teaching
          .filter((t) => t.skill === row.skill.uri)
          .map((t) => t.id)
          .sort(),
      );
    }
    const { errors: bad } = await gql(hub, GAP, {
      occupationUri: 'http://data.europa.eu/esco/occupation/nope',
      skills: held,
    });
    expect(bad?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'occupationUri' });
  });

  it('lists the transitions from an occupation by how much of each target is already there, with the skills to add', async () => {
    const TRANSITIONS = `query($uri: String!, $region: String, $first: Int) { occupationTransitions(occupationUri: $uri, region: $region, first: $first) {
      occupation { uri code } similarity skillFit viable stepDown missingEssential { uri } nearEssential { kind } demand { region } prospects score explanation } }`;
    const { data, errors } = await gql(hub, TRANSITIONS, { uri: FORKLIFT_OPERATOR, region: 'FR', first: 10 });
    expect(errors).toBeUndefined();
    const rows = data.occupationTransitions;
    expect(rows).toHaveLength(10);
    expect(rows.map((r: { occupation: { uri: string } }) => r.occupation.uri)).not.toContain(FORKLIFT_OPERATOR);
    // Similarity: the target's skill fit for someone holding the forklift operator's essential skills and, in
    // part, its optional ones (the pure formula on the CSVs' skills and neighbours), plus the hierarchy bonus from
    // the CSVs' ISCO groups and occupation pillar; prospects: 1 ± 0.1 by the target's demand trend in France from
    // the CSVs (no automation figures in this graph).
    const origin = csvNeeds(FORKLIFT_OPERATOR);
    const credits = originCredits(origin, csvNeighbours());
    const now = csvOccupationDemand(eurostatRows(null, 'France', '2024'));
    const before = csvOccupationDemand(eurostatRows(null, 'France', '2023'));
    const order: Array<[number, number, number]> = [];
    for (const row of rows) {
      const target = csvNeeds(row.occupation.uri);
      const fit = coverageOf(target, credits).skillFit;
      const similarity = round(Math.min(1, fit + hierarchyBonus(origin, target).bonus), 4);
      const trend = (now.get(row.occupation.uri)! - before.get(row.occupation.uri)!) / before.get(row.occupation.uri)!;
      const prospects = 1 + (round(trend, 4) > 0 ? 0.1 : round(trend, 4) < -0.05 ? -0.1 : 0);
      expect([row.skillFit, row.similarity]).toEqual([fit, similarity]);
      expect(row.prospects).toBe(round(prospects, 2));
      expect(row.score).toBe(round(similarity * prospects, 4));
      expect(row.viable).toBe(row.similarity >= 0.4);
      // Forklift operator is ISCO 8344, skill level 2.
      const level = iloSkillLevel(target.iscoGroup);
      expect(row.stepDown).toBe(level !== null && level < 2);
      order.push([row.viable ? 0 : 1, row.viable && row.stepDown ? 1 : 0, -row.score]);

      const essential = (
        await graph.read<{ uri: string }>(
          'MATCH (:Occupation {uri: $uri})-[:ESSENTIAL_SKILL]->(s:Skill) WHERE s.deprecated = false RETURN s.uri AS uri',
          { uri: row.occupation.uri },
        )
      ).map((r) => r.uri);
      // What is missing is the target's essential skills that forklift operators do not have (near-held ones included).
      expect(row.missingEssential.map((s: { uri: string }) => s.uri).sort()).toEqual(
        essential.filter((uri) => !forkliftEssential.includes(uri)).sort(),
      );
      expect(row.explanation).toMatch(/^From "forklift operator": \d+ of the \d+ essential skills of "/);
    }
    // Viable before stretch, viable step-downs after the other viable moves, then by score.
    const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    expect(order).toEqual(sorted);
    const { errors: bad } = await gql(hub, TRANSITIONS, { uri: 'http://data.europa.eu/esco/occupation/nope' });
    expect(bad?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'occupationUri' });
  });

  it('says which targets are regulated professions, as ESCO’s CSV marks them, in words and as a caveat', async () => {
    const rows = readCsv(path.join(sharedDataDir, 'esco-v1.1.1-en', 'occupations_en.csv'));
    const regulatedInCsv = new Set(
      rows
        .filter((r) => r.regulatedProfessionNote.endsWith('/regulated-professions/regulated'))
        .map((r) => r.conceptUri),
    );
    const nurse = rows.find((r) => r.preferredLabel === 'nurse responsible for general care')!.conceptUri;
    const { data, errors } = await gql(
      hub,
      `query($uri: String!) {
         occupation(uri: $uri) { regulated regulationNote }
         occupationTransitions(occupationUri: $uri, first: 40) { occupation { uri } regulationCaveat } }`,
      { uri: nurse },
    );
    expect(errors).toBeUndefined();
    expect(data.occupation).toEqual({ regulated: true, regulationNote: REGULATED_TEXT });
    const transitions = data.occupationTransitions as Array<{
      occupation: { uri: string };
      regulationCaveat: string | null;
    }>;
    expect(transitions.some((t) => regulatedInCsv.has(t.occupation.uri))).toBe(true);
    for (const t of transitions)
      expect(t.regulationCaveat).toBe(regulatedInCsv.has(t.occupation.uri) ? REGULATED_TEXT : null);
  });

  it('plans the fewest hours of offers that teach the missing essential skills, within the constraints, saying what stays uncovered', async () => {
    const [s1, s2, s3] = forkliftEssential.slice(0, 3);
    const held = forkliftEssential.slice(3);
    const provider = {
      id: 'plan-hr',
      name: 'Plan test provider',
      type: 'VET',
      country: 'HR',
      accreditationStatus: 'ACCREDITED',
      accreditationRegister: 'Agency for VET and Adult Education',
    };
    const course = (id: string, hours: number, extra: Record<string, unknown> = {}) => ({
      id,
      title: `Course ${id}`,
      providerId: 'plan-hr',
      issuerCountries: ['HR'],
      awardingBodies: ['Plan test provider'],
      learningOutcomes: [`Outcome of ${id}`],
      workloadValue: hours,
      workloadUnit: 'HOURS',
      eqfLevel: 3,
      assessmentType: 'practical test',
      participationForm: 'ONSITE',
      qualityAssurance: 'external',
      status: 'PUBLISHED',
      ...extra,
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plan-')), 'catalogue.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        providers: [provider],
        microCredentials: [
          course('fl-all', 60),
          course('fl-a', 10),
          course('fl-bc', 20),
          course('fl-c-online', 5, { participationForm: 'ONLINE', issuerCountries: ['AT'] }),
          // Published, but no outcome linked to a skill: not assessable, never planned.
          course('fl-unlinked', 8),
          course('fl-unlinked-at', 8, { issuerCountries: ['AT'] }),
        ],
      }),
    );
    await importCatalogue(graph, file, null);
    const ADD =
      'mutation($outcomeId: ID!, $skillUri: String!) { addSkillLink(outcomeId: $outcomeId, skillUri: $skillUri) { state } }';
    for (const [id, skills] of [
      ['fl-all', [s1, s2, s3]],
      ['fl-a', [s1]],
      ['fl-bc', [s2, s3]],
      ['fl-c-online', [s3]],
    ] as const) {
      for (const skillUri of skills)
        expect(
          (await gql(hub, ADD, { outcomeId: outcomeId(id, `Outcome of ${id}`), skillUri })).errors,
        ).toBeUndefined();
    }
    const PLAN = `query($skills: [String!], $constraints: CourseConstraints) { recommendCourses(occupationUri: "${FORKLIFT_OPERATOR}", skills: $skills, constraints: $constraints) {
      missingEssential { uri } courses { microCredential { id } covers { uri } workloadHours contribution } uncovered { uri } totalHours method explanation
      alternatives { courses { microCredential { id } } uncovered { uri } totalHours } rejected { microCredential { id } reason }
      notAssessable { microCredential { id } reason } } }`;

    const { data, errors } = await gql(hub, PLAN, { skills: held });
    expect(errors).toBeUndefined();
    const plan = data.recommendCourses;
    expect(plan.missingEssential.map((s: { uri: string }) => s.uri).sort()).toEqual([s1, s2, s3].sort());
    // 10 + 20 hours beats fl-all (60) and any plan with the 5-hour online course (s2 is only in fl-bc and fl-all).
    expect(plan.courses.map((c: { microCredential: { id: string } }) => c.microCredential.id)).toEqual([
      'fl-bc',
      'fl-a',
    ]);
    expect(plan.courses[0]).toMatchObject({ workloadHours: 20, contribution: 'covers 2 of the 3 missing skills' });
    expect(plan).toMatchObject({ uncovered: [], totalHours: 30, method: 'EXACT' });
    expect(plan.explanation).toMatch(
      /^2 course\(s\), 30 hours, cover 3 of the 3 missing essential skills: "Course fl-bc" covers 2 \(20 h\); "Course fl-a" covers 1 \(10 h\)\./,
    );
    const unassessed = (p: { notAssessable: Array<{ microCredential: { id: string }; reason: string }> }) =>
      p.notAssessable
        .filter((n) => n.microCredential.id.startsWith('fl-'))
        .map((n) => [n.microCredential.id, n.reason]);
    expect(unassessed(plan)).toEqual([
      ['fl-unlinked', NO_LINKS_REASON],
      ['fl-unlinked-at', NO_LINKS_REASON],
    ]);
    expect(plan.explanation).toContain('could not be assessed: they have no usable skill links (see notAssessable).');
    expect(plan.alternatives[0]).toMatchObject({
      courses: [{ microCredential: { id: 'fl-all' } }],
      uncovered: [],
      totalHours: 60,
    });

    // 25 hours in Croatia without remote learning: the best partial plan, and why the rest stays uncovered.
    const tight = (
      await gql(hub, PLAN, { skills: held, constraints: { region: 'HR', remote: false, maxWorkloadHours: 25 } })
    ).data.recommendCourses;
    expect(tight.courses.map((c: { microCredential: { id: string } }) => c.microCredential.id)).toEqual(['fl-bc']);
    expect(tight.uncovered.map((s: { uri: string }) => s.uri)).toEqual([s1]);
    expect(tight.rejected).toEqual([
      { microCredential: { id: 'fl-all' }, reason: '60 hours alone exceed the limit of 25' },
      { microCredential: { id: 'fl-c-online' }, reason: 'online, but the person cannot learn remotely' },
    ]);
    expect(tight.explanation).toContain('1 more stay uncovered within the constraints');
    // Only the unlinked offer that the constraints allow is listed: the Austrian one is not offered in HR.
    expect(unassessed(tight)).toEqual([['fl-unlinked', NO_LINKS_REASON]]);

    // The candidates are held per catalogue state: a new link is in the next plan (fl-c-online now teaches s1 too: 20 + 5 hours).
    expect(
      (await gql(hub, ADD, { outcomeId: outcomeId('fl-c-online', 'Outcome of fl-c-online'), skillUri: s1 })).errors,
    ).toBeUndefined();
    const again = await gql(hub, PLAN, { skills: held });
    expect(
      again.data.recommendCourses.courses.map((c: { microCredential: { id: string } }) => c.microCredential.id),
    ).toEqual(['fl-bc', 'fl-c-online']);
    expect(again.data.recommendCourses.totalHours).toBe(25);
    const cached = await gql(hub, PLAN, { skills: held });
    expect(cached.extensions?.dbRoundTrips).toBeLessThan(again.extensions!.dbRoundTrips!);

    const { errors: bad } = await gql(hub, PLAN, { skills: held, constraints: { earliestStart: 'soon' } });
    expect(bad?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'constraints.earliestStart' });
  });
});
