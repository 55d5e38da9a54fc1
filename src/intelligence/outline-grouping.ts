import type { OccupationIndex } from './skill-demand.js';
import { EQF_OF_SKILL_LEVEL, eqfOfIsco } from '../taxonomy/isco-levels.js';

/**
 * Which under-covered skills make one course outline, whom it serves and at what level. Pure: the
 * slice's demand per occupation, the occupations' skill needs and the ESCO skill groups and
 * skill–skill relations in; groups with their evidence out.
 *
 * Need. Occupation o needs skill s with weight w(o, s): 1 when essential, OPTIONAL_NEED (0.5) when
 * optional (as the demand derivation credits them), 0 otherwise; its need in the slice is
 * D(o) × w(o, s), D(o) being o's demand in the slice (deriveOccupationDemand).
 *
 * Co-requirement. corequired(a, b) = Σ_o min(D(o) w(o, a), D(o) w(o, b)) / Σ_o max(D(o) w(o, a), D(o) w(o, b)):
 * the weighted overlap (Ruzicka) of the occupations needing a and b, by each occupation's demand in the
 * slice; 1 when the same demand needs both equally, 0 when no occupation with demand needs both.
 *
 * Affinity. affinity(a, b) = max(corequired(a, b), LINKED_AFFINITY) when a and b share their most
 * specific ESCO skill group (hierarchy level 3, e.g. S2.1.3 "interpreting technical documentation
 * and diagrams"; an ISCED narrow field for knowledge) or ESCO relates them (a knowledge item essential
 * or optional for a competence); corequired(a, b) otherwise. LINKED_AFFINITY = 0.5.
 *
 * Grouping. Seeds are taken in gap order, competences first: knowledge is paired with the competences
 * that use it, so it joins their outlines, and starts one only once no competence is left to start one
 * (e.g. under a transition filter that keeps only knowledge). From the seed, the unplaced skill
 * with the highest mean affinity to the outline's skills joins, while that mean is at least
 * JOIN_AFFINITY (0.5), the outline keeps its audience (the demand of the occupations needing most
 * of it, see Served, stays at least KEEP_AUDIENCE = 0.5 of what it was before the skill joined), and
 * the outline has fewer than maxSkills skills. A seed nothing joins makes no
 * outline (a single skill is left to the gap ranking). Each skill is in at most one outline.
 * Cohesion = the mean affinity over the outline's pairs of skills.
 *
 * Served. An occupation with demand in the slice needs most of an outline when at least
 * ⌈SERVED_SHARE × n⌉ of its n skills (SERVED_SHARE = 2/3) are essential or optional for it.
 * Level. Each such occupation's EQF level is the one matching the ISCO-08 skill level of its major
 * group (ILO: major groups 1–2 → skill level 4 → EQF 6; 3 → 3 → EQF 5; 4–8 and 0 → 2 → EQF 4;
 * 9 → 1 → EQF 2). The outline's level is the demand-weighted median of those levels (the lowest
 * level at which half of their demand is reached). It serves the occupations within LEVEL_REACH (0:
 * the same level, i.e. the same ISCO-08 skill level) of that level; the others that need it are
 * reported apart, by level (a version at their level would serve them).
 * Anchor. The served occupation with the most demand that does not yet anchor an earlier outline
 * (outlines built in seed order), so one large occupation does not head every outline; when every
 * served occupation already anchors one, the one with the most demand.
 * Same audience. An outline whose served demand lies at least SAME_AUDIENCE (2/3) in occupations an
 * earlier outline also serves names the first such outline's anchor and that share: for a course
 * designer the two are modules of one programme for those occupations rather than separate courses.
 */

export const GROUPING_WEIGHTS = {
  optionalNeed: 0.5,
  linkedAffinity: 0.5,
  joinAffinity: 0.5,
  servedShare: 2 / 3,
  keepAudience: 0.5,
  levelReach: 0,
  sameAudience: 2 / 3,
} as const;

export interface GroupingCandidate {
  uri: string;
  knowledge: boolean;
}

export interface GroupingInput {
  /** Under-covered skills, highest gap first. */
  candidates: GroupingCandidate[];
  index: OccupationIndex;
  /** Demand of each occupation in the slice (only those with demand > 0 count). */
  occupationDemand: Map<string, number>;
  /** The skill's most specific ESCO skill group (level 3), or null. */
  groupOf: (skillUri: string) => string | null;
  /** Whether ESCO relates two skills (a skill–skill relation, either way). */
  related: (a: string, b: string) => boolean;
  maxOutlines: number;
  maxSkills: number;
}

export interface ServedOccupation {
  uri: string;
  demand: number;
  eqf: number;
  /** How many of the outline's skills it needs (essential or optional). */
  needs: number;
}

export interface SkillGroupOutline {
  /** Seed first, then in the order they joined. */
  skills: string[];
  /** Mean affinity over pairs (1 for a single skill). */
  cohesion: number;
  /** Pairs that share an ESCO skill group or that ESCO relates. */
  linkedPairs: number;
  pairs: number;
  /** Occupations needing most of it, at a level within reach, by demand. */
  served: ServedOccupation[];
  /** Occupations needing most of it at a level out of reach, by demand. */
  otherLevels: ServedOccupation[];
  /** Minimum number of the outline's skills an occupation needs to be served. */
  servedNeeds: number;
  eqf: number;
  anchor: string;
  /** The anchor of the first earlier outline serving at least sameAudience of this one's served demand, and that share. */
  sameAudienceAs: { anchor: string; share: number } | null;
}

/** Occupation → need weight, per skill, for occupations with demand. */
function needsBySkill(input: GroupingInput): Map<string, Map<string, number>> {
  const wanted = new Set(input.candidates.map((c) => c.uri));
  const result = new Map<string, Map<string, number>>();
  const add = (skill: string, occupation: string, weight: number) => {
    if (!wanted.has(skill)) return;
    let byOccupation = result.get(skill);
    if (!byOccupation) result.set(skill, (byOccupation = new Map()));
    byOccupation.set(occupation, Math.max(byOccupation.get(occupation) ?? 0, weight));
  };
  for (const [uri, demand] of input.occupationDemand) {
    if (!(demand > 0)) continue;
    const occupation = input.index.byUri.get(uri);
    if (!occupation) continue;
    for (const skill of occupation.optional) add(skill, uri, GROUPING_WEIGHTS.optionalNeed);
    for (const skill of occupation.essential) add(skill, uri, 1);
  }
  return result;
}

/** corequired(a, b): the demand-weighted overlap of the occupations needing both (see the header). */
export function corequired(
  a: Map<string, number> | undefined,
  b: Map<string, number> | undefined,
  occupationDemand: Map<string, number>,
): number {
  if (!a || !b) return 0;
  let both = 0;
  let either = 0;
  for (const [occupation, wa] of a) {
    const demand = occupationDemand.get(occupation) ?? 0;
    const wb = b.get(occupation) ?? 0;
    both += demand * Math.min(wa, wb);
    either += demand * Math.max(wa, wb);
  }
  for (const [occupation, wb] of b) if (!a.has(occupation)) either += (occupationDemand.get(occupation) ?? 0) * wb;
  return either > 0 ? both / either : 0;
}

/** Occupations with demand needing at least `minNeeds` of `skills`, each with how many it needs. */
function needing(
  skills: string[],
  minNeeds: number,
  needs: Map<string, Map<string, number>>,
  input: GroupingInput,
): ServedOccupation[] {
  const counts = new Map<string, number>();
  for (const skill of skills)
    for (const occupation of needs.get(skill)?.keys() ?? []) counts.set(occupation, (counts.get(occupation) ?? 0) + 1);
  return [...counts]
    .filter(([, count]) => count >= minNeeds)
    .map(([uri, count]) => ({
      uri,
      demand: input.occupationDemand.get(uri) ?? 0,
      eqf: eqfOfIsco(input.index.byUri.get(uri)?.iscoGroup ?? null).eqf,
      needs: count,
    }))
    .sort((x, y) => y.demand - x.demand || (x.uri < y.uri ? -1 : 1));
}

/** The lowest level at which half of the occupations' demand is reached. */
export function medianLevel(occupations: Array<{ demand: number; eqf: number }>): number {
  const sorted = [...occupations].sort((a, b) => a.eqf - b.eqf);
  const total = sorted.reduce((sum, o) => sum + o.demand, 0);
  let cumulative = 0;
  for (const o of sorted) {
    cumulative += o.demand;
    if (cumulative >= total / 2) return o.eqf;
  }
  return sorted.at(-1)?.eqf ?? EQF_OF_SKILL_LEVEL[2];
}

export const servedNeeds = (skills: number) => Math.ceil(GROUPING_WEIGHTS.servedShare * skills - 1e-9);

export function groupSkills(input: GroupingInput): SkillGroupOutline[] {
  const needs = needsBySkill(input);
  const memo = new Map<string, number>();
  const affinity = (a: string, b: string): number => {
    const key = a < b ? `${a} ${b}` : `${b} ${a}`;
    let value = memo.get(key);
    if (value === undefined) {
      const overlap = corequired(needs.get(a), needs.get(b), input.occupationDemand);
      value = linked(a, b) ? Math.max(overlap, GROUPING_WEIGHTS.linkedAffinity) : overlap;
      memo.set(key, value);
    }
    return value;
  };
  const linked = (a: string, b: string): boolean => {
    const group = input.groupOf(a);
    return (group !== null && group === input.groupOf(b)) || input.related(a, b);
  };

  /** The demand of the occupations needing most of `skills`. */
  const audience = (skills: string[]) =>
    needing(skills, servedNeeds(skills.length), needs, input).reduce((sum, o) => sum + o.demand, 0);

  const placed = new Set<string>();
  const anchors = new Set<string>();
  const outlines: SkillGroupOutline[] = [];
  const seeds = [...input.candidates.filter((c) => !c.knowledge), ...input.candidates.filter((c) => c.knowledge)];
  for (const seed of seeds) {
    if (outlines.length >= input.maxOutlines) break;
    if (placed.has(seed.uri) || !needs.has(seed.uri)) continue;
    const skills = [seed.uri];
    while (skills.length < input.maxSkills) {
      let best: { uri: string; mean: number } | null = null;
      for (const candidate of input.candidates) {
        if (placed.has(candidate.uri) || skills.includes(candidate.uri)) continue;
        const mean = skills.reduce((sum, s) => sum + affinity(s, candidate.uri), 0) / skills.length;
        if (mean < GROUPING_WEIGHTS.joinAffinity || (best && mean <= best.mean)) continue;
        const grown = [...skills, candidate.uri];
        if (audience(grown) < GROUPING_WEIGHTS.keepAudience * audience(skills)) continue;
        best = { uri: candidate.uri, mean };
      }
      if (!best) break;
      skills.push(best.uri);
    }
    if (skills.length < 2) continue;
    for (const s of skills) placed.add(s);

    let pairs = 0;
    let linkedPairs = 0;
    let sum = 0;
    for (let i = 0; i < skills.length; i += 1)
      for (let j = i + 1; j < skills.length; j += 1) {
        pairs += 1;
        sum += affinity(skills[i], skills[j]);
        if (linked(skills[i], skills[j])) linkedPairs += 1;
      }
    const minNeeds = servedNeeds(skills.length);
    const needingIt = needing(skills, minNeeds, needs, input);
    const eqf = medianLevel(needingIt);
    const served = needingIt.filter((o) => Math.abs(o.eqf - eqf) <= GROUPING_WEIGHTS.levelReach);
    const otherLevels = needingIt.filter((o) => Math.abs(o.eqf - eqf) > GROUPING_WEIGHTS.levelReach);
    const anchor = (served.find((o) => !anchors.has(o.uri)) ?? served[0]).uri;
    anchors.add(anchor);
    const servedDemand = served.reduce((sum, o) => sum + o.demand, 0);
    const sameAudienceAs =
      outlines
        .map((earlier) => {
          const theirs = new Set(earlier.served.map((o) => o.uri));
          const common = served.filter((o) => theirs.has(o.uri)).reduce((sum, o) => sum + o.demand, 0);
          return { anchor: earlier.anchor, share: servedDemand > 0 ? common / servedDemand : 0 };
        })
        .find((candidate) => candidate.share >= GROUPING_WEIGHTS.sameAudience - 1e-9) ?? null;
    outlines.push({
      skills,
      cohesion: pairs > 0 ? sum / pairs : 1,
      linkedPairs,
      pairs,
      served,
      otherLevels,
      servedNeeds: minNeeds,
      eqf,
      anchor,
      sameAudienceAs,
    });
  }
  return outlines;
}
