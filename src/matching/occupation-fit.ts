import { round } from '../numbers.js';
import { pushTo, topN } from '../collections.js';
import type { OccupationIndex, OccupationNeeds } from '../intelligence/skill-demand.js';
import { type Placement, comparePlacement, explainPlacement, isGrounded, place } from './viability.js';
import { type HeldCredit, type MatchKind, type SkillMatch, countedMatches } from './held-credits.js';

/**
 * How well a person's skills fit each occupation, and what is missing. Pure.
 *
 * Held skills and their near credits: src/matching/held-credits.ts.
 *
 * Fit. essentialCoverage = Σ credits of the occupation's essential skills / their number, the same
 * for optional skills; skill fit = 0.8 × essential + 0.2 × optional coverage (essential alone when
 * the occupation lists no optional skill). An occupation is a candidate when at least one essential
 * skill is held or near-held.
 *
 * Score. With demand for the person's region: 0.75 × skill fit + 0.25 × demand score, where the demand
 * score is the occupation's percentile among the occupations with demand there, +0.1 when demand grew
 * against the previous period and −0.1 when it fell by more than 5% (kept within 0–1). Without demand,
 * the skill fit alone. Automation exposure is shown, not scored: a counsellor weighs it with the person.
 *
 * Order (rankOccupations; src/matching/viability.ts). Viable matches (skill fit ≥ 0.4) by score, then stretch
 * matches by skill fit alone, so demand never lifts a weak fit above a viable one; within each, matches that
 * rest on cross-sector skills alone come after those sharing a specific skill; a viable step down in
 * ISCO-08 skill level comes after the other viable ones unless asked for. The person's own occupations are
 * not offered.
 */

export interface OccupationFit {
  uri: string;
  essentialCount: number;
  optionalCount: number;
  /** Essential skills held or near-held, full matches first. */
  matchedEssential: SkillMatch[];
  /** Essential skills not fully held (near-held ones included, with `nearEssential` saying how near). */
  missingEssential: string[];
  nearEssential: SkillMatch[];
  matchedOptional: SkillMatch[];
  missingOptional: string[];
  essentialCoverage: number;
  optionalCoverage: number;
  skillFit: number;
}

export function fitOccupation(needs: OccupationNeeds, credits: Map<string, HeldCredit>): OccupationFit {
  const split = (skills: string[]) => {
    const matched = countedMatches(skills, credits);
    const exact = new Set(matched.filter((m) => m.kind === 'EXACT').map((m) => m.uri));
    return { matched, missing: skills.filter((uri) => !exact.has(uri)) };
  };
  const essential = split(needs.essential);
  const optional = split(needs.optional);
  const { essentialCoverage, optionalCoverage, skillFit } = coverageOf(needs, credits);
  return {
    uri: needs.uri,
    essentialCount: needs.essential.length,
    optionalCount: needs.optional.length,
    matchedEssential: essential.matched,
    missingEssential: essential.missing,
    nearEssential: essential.matched.filter((m) => m.kind !== 'EXACT'),
    matchedOptional: optional.matched,
    missingOptional: optional.missing,
    essentialCoverage,
    optionalCoverage,
    skillFit,
  };
}

export interface OccupationDemandFacts {
  /** Demand for the occupation in the region (persons, vacancies, … of the slice's unit). */
  value: number;
  unit: string;
  /** Relative change against the previous period, or null. */
  trend: number | null;
  region: string;
  period: string;
  source: string;
  /** The value in words, with the source figure it is a share of and how it was split. */
  derivation?: string;
  /** For vacancies: the vacancies per unemployed person of that figure's group, where the source has both. */
  vacanciesPerUnemployed?: number | null;
}

/** Demand facts with the occupation's percentile in the region and the demand score from it (scoreDemand). */
export type ScoredDemand = OccupationDemandFacts & { percentile: number; score: number };

export interface OccupationMatch extends OccupationFit, Placement {
  demand: ScoredDemand | null;
  automation: { value: number; high: boolean } | null;
  score: number;
  /** Whether demand was weighed (a region was given and has figures). */
  demandWeighed: boolean;
  /** The person's skill level the step-down was judged against (null when unknown). */
  personLevel: number | null;
  allowStepDown: boolean;
}

export interface MatchContext {
  demand: Map<string, OccupationDemandFacts> | null;
  automation: (uri: string) => { value: number; high: boolean } | null;
  /** The occupations the person holds or held: never offered as matches (matchOf shows their fit). */
  own?: ReadonlySet<string>;
  /** The person's skill level (viability.ts personLevel), null when unknown: no step-downs then. */
  level?: number | null;
  /** Step-downs mix in with the other matches instead of following them. */
  allowStepDown?: boolean;
  /** Only these occupations are offered (a target: towards.ts). */
  only?: (needs: OccupationNeeds) => boolean;
}

/**
 * An occupation's coverage and skill fit, the one formula for them (fitOccupation adds the skill
 * lists). Ranking 3,007 occupations needs only these, so the lists are built for the ones shown.
 */
export function coverageOf(
  needs: OccupationNeeds,
  credits: Map<string, HeldCredit>,
): { essentialCoverage: number; optionalCoverage: number; skillFit: number } {
  const sum = (skills: string[]) => countedMatches(skills, credits).reduce((total, m) => total + tenths(m.credit), 0);
  return fitFromTenths(needs, sum(needs.essential), sum(needs.optional));
}

// Credits are whole tenths, summed as integers: the sum is then exact and the same in whatever order the
// skills are visited (per occupation in coverageOf, per held skill in candidateFits).
const tenths = (credit: number) => Math.round(credit * 10);

function fitFromTenths(needs: OccupationNeeds, essentialTenths: number, optionalTenths: number) {
  const e = needs.essential.length > 0 ? essentialTenths / 10 / needs.essential.length : 0;
  const o = needs.optional.length > 0 ? optionalTenths / 10 / needs.optional.length : 0;
  const fit = needs.optional.length > 0 ? 0.8 * e + 0.2 * o : e;
  return { essentialCoverage: round(e, 4), optionalCoverage: round(o, 4), skillFit: round(fit, 4) };
}

/** Which occupations list each skill as essential or optional (positions in `occupations`). */
interface NeedsBySkill {
  occupations: OccupationNeeds[];
  essential: Map<string, number[]>;
  optional: Map<string, number[]>;
  /** candidateFits' scratch space, one slot per occupation, all zero between calls (it is synchronous). */
  scratch: { essential: Int32Array; optional: Int32Array; best: Int32Array[]; seen: Uint8Array; candidate: Uint8Array };
}

const needsBySkillOf = new WeakMap<OccupationIndex, NeedsBySkill>();

function needsBySkill(index: OccupationIndex): NeedsBySkill {
  let inverse = needsBySkillOf.get(index);
  if (!inverse) {
    const n = index.byUri.size;
    inverse = {
      occupations: [...index.byUri.values()],
      essential: new Map(),
      optional: new Map(),
      scratch: {
        essential: new Int32Array(n),
        optional: new Int32Array(n),
        best: [0, 1, 2, 3].map(() => new Int32Array(n)),
        seen: new Uint8Array(n),
        candidate: new Uint8Array(n),
      },
    };
    for (const [position, needs] of inverse.occupations.entries()) {
      for (const uri of needs.essential) pushTo(inverse.essential, uri, position);
      for (const uri of needs.optional) pushTo(inverse.optional, uri, position);
    }
    needsBySkillOf.set(index, inverse);
  }
  return inverse;
}

/**
 * coverageOf for every candidate occupation (at least one essential skill held or near-held), in the
 * index's order. It walks the person's credits through the skill → occupation inverse, so its cost grows
 * with what the person holds, not with the size of the taxonomy.
 */
export function candidateFits(
  index: OccupationIndex,
  credits: Map<string, HeldCredit>,
): Array<{ needs: OccupationNeeds; essentialCoverage: number; optionalCoverage: number; skillFit: number }> {
  const { occupations, essential, optional, scratch } = needsBySkill(index);
  // Reused typed arrays (cleared at the end): this runs on every request, over every credit.
  const { essential: essentialTenths, optional: optionalTenths, seen, candidate } = scratch;
  const [e1, e2, o1, o2] = scratch.best;
  const touched: number[] = [];
  const touch = (position: number) => {
    if (seen[position] === 0) {
      seen[position] = 1;
      touched.push(position);
    }
  };
  // Exact credits add up; near ones through one held skill count for at most VOUCH_LIMIT 2 skills per
  // occupation and list, the best (countedMatches): per held skill, the two best near credits each
  // occupation gets from it, then added.
  const nearVia = new Map<string, Array<[uri: string, credit: number]>>();
  for (const [uri, held] of credits) {
    const credit = tenths(held.credit);
    if (held.kind !== 'EXACT') {
      pushTo(nearVia, held.via, [uri, credit] as [string, number]);
      continue;
    }
    for (const position of essential.get(uri) ?? []) {
      touch(position);
      essentialTenths[position] += credit;
      candidate[position] = 1;
    }
    for (const position of optional.get(uri) ?? []) {
      touch(position);
      optionalTenths[position] += credit;
    }
  }
  const viaTouched: number[] = [];
  for (const near of nearVia.values()) {
    for (const [uri, credit] of near) {
      for (const position of essential.get(uri) ?? []) {
        if (e1[position] === 0 && o1[position] === 0) viaTouched.push(position);
        if (credit > e1[position]) {
          e2[position] = e1[position];
          e1[position] = credit;
        } else if (credit > e2[position]) e2[position] = credit;
        candidate[position] = 1;
      }
      for (const position of optional.get(uri) ?? []) {
        if (e1[position] === 0 && o1[position] === 0) viaTouched.push(position);
        if (credit > o1[position]) {
          o2[position] = o1[position];
          o1[position] = credit;
        } else if (credit > o2[position]) o2[position] = credit;
      }
    }
    for (const position of viaTouched) {
      touch(position);
      essentialTenths[position] += e1[position] + e2[position];
      optionalTenths[position] += o1[position] + o2[position];
      e1[position] = e2[position] = o1[position] = o2[position] = 0;
    }
    viaTouched.length = 0;
  }
  const fits = [];
  for (let position = 0; position < occupations.length; position++) {
    if (candidate[position] === 0) continue;
    candidate[position] = 0;
    const needs = occupations[position];
    fits.push({ needs, ...fitFromTenths(needs, essentialTenths[position], optionalTenths[position]) });
  }
  for (const position of touched) essentialTenths[position] = optionalTenths[position] = seen[position] = 0;
  return fits;
}

/**
 * The best `first` candidate occupations (at least one essential skill held or near-held), the person's own left
 * out: viable before stretch, viable step-downs after the other viable ones (viability.ts); viable ones by score,
 * stretches by skill fit alone (demand does not lift them). Explain the ones shown with explainMatch.
 */
export function rankOccupations(
  index: OccupationIndex,
  credits: Map<string, HeldCredit>,
  context: MatchContext,
  first = Number.POSITIVE_INFINITY,
): OccupationMatch[] {
  const demandScores = context.demand ? scoreDemand(context.demand) : null;
  const level = context.level ?? null;
  const scored = candidateFits(index, credits)
    .filter((quick) => !context.own?.has(quick.needs.uri) && (context.only?.(quick.needs) ?? true))
    .map((quick) => ({
      needs: quick.needs,
      essentialCoverage: quick.essentialCoverage,
      skillFit: quick.skillFit,
      placement: place(quick.skillFit, quick.needs.iscoGroup, level, isGrounded(quick.needs, credits)),
      score: matchScore(quick.skillFit, demandScores?.get(quick.needs.uri) ?? null, demandScores !== null),
    }));
  const ranked = topN(
    scored,
    first,
    (a, b) =>
      comparePlacement(a.placement, b.placement, context.allowStepDown) ||
      (a.placement.viable ? b.score - a.score : b.skillFit - a.skillFit) ||
      b.essentialCoverage - a.essentialCoverage ||
      (a.needs.uri < b.needs.uri ? -1 : 1),
  );
  return ranked.map(({ needs }) => matchOf(needs, credits, context));
}

/** One occupation's match for the person, as rankOccupations gives it (also for the person's own occupations). */
export function matchOf(
  needs: OccupationNeeds,
  credits: Map<string, HeldCredit>,
  context: MatchContext,
): OccupationMatch {
  const demandScores = context.demand ? scoreDemand(context.demand) : null;
  const fit = fitOccupation(needs, credits);
  const demand = demandScores?.get(needs.uri) ?? null;
  const level = context.level ?? null;
  return {
    ...fit,
    ...place(fit.skillFit, needs.iscoGroup, level, isGrounded(needs, credits)),
    demand,
    automation: context.automation(needs.uri),
    score: matchScore(fit.skillFit, demand, demandScores !== null),
    demandWeighed: demandScores !== null,
    personLevel: level,
    allowStepDown: context.allowStepDown ?? false,
  };
}

const matchScore = (skillFit: number, demand: ScoredDemand | null, weighed: boolean) =>
  weighed ? round(0.75 * skillFit + 0.25 * (demand?.score ?? 0), 4) : skillFit;

// A region's demand map is held per demand import (matching/demand.ts): its scores are computed once for it,
// whichever query asks (matching, transitions, the skill gap).
const scoresOf = new WeakMap<Map<string, OccupationDemandFacts>, Map<string, ScoredDemand>>();

/**
 * Each occupation's demand score: its percentile among the occupations with demand in the region (the
 * largest 1, the smallest 1/n), +0.1 when demand grew, −0.1 when it fell by more than 5%, within 0–1.
 * Computed once per demand map, which must not change after it is scored.
 */
export function scoreDemand(demand: Map<string, OccupationDemandFacts>): Map<string, ScoredDemand> {
  let scores = scoresOf.get(demand);
  if (!scores) {
    const sorted = [...demand.entries()].sort((a, b) => a[1].value - b[1].value || (a[0] < b[0] ? -1 : 1));
    scores = new Map(
      sorted.map(([uri, facts], i) => {
        const percentile = (i + 1) / sorted.length;
        const trendBonus = facts.trend == null ? 0 : facts.trend > 0 ? 0.1 : facts.trend < -0.05 ? -0.1 : 0;
        return [
          uri,
          {
            ...facts,
            percentile: round(percentile, 4),
            score: round(Math.min(1, Math.max(0, percentile + trendBonus)), 4),
          },
        ];
      }),
    );
    scoresOf.set(demand, scores);
  }
  return scores;
}

const KIND_WORDS: Record<MatchKind, string> = {
  EXACT: 'held',
  NARROWER_HELD: 'a more specific skill is held',
  BROADER_HELD: 'a more general skill is held',
  RELATED_HELD: 'a related skill is held',
  SIMILAR_HELD: 'a skill described in nearly the same words is held',
  ORIGIN_OPTIONAL: 'optional in the origin occupation',
};

/** The missing essential skills explainMatch names: the first five not even near-held. */
const shownMissing = (match: OccupationFit) =>
  match.missingEssential.filter((uri) => !match.nearEssential.some((n) => n.uri === uri)).slice(0, 5);

/** Every skill explainMatch names, so their labels can be read in one batch before it runs. */
export const skillsExplained = (match: OccupationFit): string[] => [
  ...shownMissing(match),
  ...match.nearEssential.slice(0, 3).flatMap((n) => [n.uri, n.via]),
];

/** A counsellor's reading of one match, in sentences (label: every URI of skillsExplained). */
export function explainMatch(match: OccupationMatch, label: (uri: string) => string): string {
  const demandAsked = match.demandWeighed;
  const full = match.matchedEssential.filter((m) => m.kind === 'EXACT').length;
  const parts = [
    `Has ${full} of its ${match.essentialCount} essential skills` +
      (match.nearEssential.length > 0
        ? `, and is close on ${match.nearEssential.length} more (${match.nearEssential
            .slice(0, 3)
            .map(
              (m) =>
                `"${label(m.uri)}": ${KIND_WORDS[m.kind]}, "${label(m.via)}"${m.similarity === undefined ? '' : ` (similarity ${m.similarity.toFixed(2)})`}, credit ${m.credit}`,
            )
            .join('; ')})`
        : '') +
      `: essential coverage ${pct(match.essentialCoverage)}` +
      (match.optionalCount > 0 ? `, optional ${pct(match.optionalCoverage)} of ${match.optionalCount}` : '') +
      `; skill fit ${match.skillFit.toFixed(2)}.`,
  ];
  if (match.missingEssential.length > 0) {
    parts.push(
      `Missing essential: ${
        shownMissing(match)
          .map((uri) => `"${label(uri)}"`)
          .join(', ') || 'only the near-held ones'
      }.`,
    );
  }
  if (match.demand) {
    parts.push(
      `Demand in ${match.demand.region} (${match.demand.period}, ${match.demand.source}): ${fmt(match.demand.value)} ${match.demand.unit}, ` +
        `above ${pct(match.demand.percentile)} of occupations there` +
        (match.demand.trend === null
          ? ''
          : `, ${match.demand.trend >= 0 ? 'up' : 'down'} ${pct(Math.abs(match.demand.trend))} on the year before`) +
        `; demand score ${match.demand.score.toFixed(2)}.`,
    );
  } else if (demandAsked) {
    parts.push('No demand figure reaches this occupation in the region: demand score 0.');
  }
  parts.push(
    demandAsked
      ? `Score = 0.75 × ${match.skillFit.toFixed(2)} + 0.25 × ${(match.demand?.score ?? 0).toFixed(2)} = ${match.score.toFixed(2)}.`
      : `Score = skill fit = ${match.score.toFixed(2)} (demand not weighed: no region given, or no figures for it).`,
  );
  if (match.automation)
    parts.push(`Automation exposure ${match.automation.value.toFixed(2)}${match.automation.high ? ' (high)' : ''}.`);
  parts.push(...explainPlacement(match, match.personLevel, match.allowStepDown));
  return parts.join(' ');
}

const pct = (value: number) => `${Math.round(value * 1000) / 10}%`;
const fmt = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3));
