/**
 * The ESCO occupations a qualification trains for, found by occupation search over what the register
 * says of it: its title, the overview of the role and its job roles. Pure over a search function.
 *
 * Each text is searched (its best HITS_PER_QUERY occupations); a hit counts
 *   query weight × (its score / the query's best score) × min(1, the query's best score),
 * with query weights: title 1, overview OVERVIEW_WEIGHT 0.5, each of n job roles 1/√n (all roles
 * together weigh √n, so a long list of near-synonyms does not drown the title). Counts are summed per
 * occupation. Kept: the best, when it reaches MIN_SCORE 1 or two texts found it; then up to
 * MAX_OCCUPATIONS 3 in all, each within KEEP_WITHIN 0.75 of the best and found by at least two texts.
 * The last factor discounts a query whose best hit is weak (a score under 1: no label matched well).
 *
 * Level. When the qualification has an EQF level, an occupation whose level (the EQF level matching the ILO
 * skill level of its ISCO-08 major group, taxonomy/isco-levels.ts) is more than LEVEL_REACH 2 away is left
 * out before the best is chosen: an L2 installer standard (EQF 3) does not train installation engineers or
 * security managers (EQF 6). Two, not the one of develop outlines: on the labelled sample of matches
 * (docs/catalogue-registers.md) a reach of one dropped six right ones, level-3 standards leading into
 * professional roles (software developer, food technologist); a reach of two dropped only wrong ones.
 */

export const HITS_PER_QUERY = 5;
export const OVERVIEW_WEIGHT = 0.5;
export const MIN_SCORE = 1;
export const KEEP_WITHIN = 0.75;
export const MAX_OCCUPATIONS = 3;
/** Job roles read per qualification: the first ten the register lists. */
export const MAX_ROLES = 10;
export const LEVEL_REACH = 2;

export interface SearchHit {
  uri: string;
  preferredLabel: string;
  score: number;
}

export interface OccupationMatch {
  uri: string;
  preferredLabel: string;
  score: number;
  /** The register's texts that found it: "title: …", "overview", "job role: …". */
  foundBy: string[];
}

export interface QualificationTexts {
  title: string;
  description: string | null;
  jobRoles: string[] | null;
  eqfLevel?: number | null;
}

/** Words a title adds that name the form, not the occupation: "Ecologist (degree)". */
const TITLE_FORM = /\((?:degree|integrated degree|non-degree)\)/gi;

export function matchOccupations(
  qualification: QualificationTexts,
  search: (text: string, first: number) => SearchHit[],
  /** The EQF level of an occupation (from its ISCO group), or null when unknown. */
  levelOf: (uri: string) => number | null = () => null,
): OccupationMatch[] {
  const roles = [...new Set((qualification.jobRoles ?? []).map((role) => role.trim()).filter(Boolean))].slice(
    0,
    MAX_ROLES,
  );
  const overview = qualification.description?.split('\n')[0]?.trim() ?? '';
  const queries = [
    { text: qualification.title.replace(TITLE_FORM, ' ').trim(), weight: 1, name: 'title' },
    ...(overview ? [{ text: overview, weight: OVERVIEW_WEIGHT, name: 'overview' }] : []),
    ...roles.map((role) => ({ text: role, weight: 1 / Math.sqrt(roles.length), name: `job role: ${role}` })),
  ];
  const found = new Map<string, OccupationMatch>();
  for (const query of queries) {
    const hits = search(query.text, HITS_PER_QUERY);
    if (hits.length === 0 || hits[0].score <= 0) continue;
    const best = hits[0].score;
    for (const hit of hits) {
      const match = found.get(hit.uri) ?? { uri: hit.uri, preferredLabel: hit.preferredLabel, score: 0, foundBy: [] };
      match.score += query.weight * (hit.score / best) * Math.min(1, best);
      match.foundBy.push(query.name);
      found.set(hit.uri, match);
    }
  }
  const target = qualification.eqfLevel ?? null;
  const atLevel = (uri: string) => {
    const level = levelOf(uri);
    return target === null || level === null || Math.abs(level - target) <= LEVEL_REACH;
  };
  const ranked = [...found.values()]
    .filter((match) => atLevel(match.uri))
    .map((match) => ({ ...match, score: Math.round(match.score * 1000) / 1000 }))
    .sort((a, b) => b.score - a.score || (a.uri < b.uri ? -1 : 1));
  const [top] = ranked;
  if (!top || (top.score < MIN_SCORE && top.foundBy.length < 2)) return [];
  return [
    top,
    ...ranked.slice(1).filter((match) => match.score >= KEEP_WITHIN * top.score && match.foundBy.length >= 2),
  ].slice(0, MAX_OCCUPATIONS);
}
