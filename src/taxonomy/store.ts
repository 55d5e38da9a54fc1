import type { GraphClient } from '../graph/client.js';
import type { ConceptKind } from './esco-files.js';

/**
 * Taxonomy reads. Every function takes a batch of keys and makes exactly one round trip,
 * so the DataLoaders built on them keep a request's round trips independent of its size.
 */

export interface ConceptRow {
  kind: ConceptKind;
  uri: string;
  preferredLabel: string;
  altLabels?: string[];
  hiddenLabels?: string[];
  description?: string | null;
  status?: string | null;
  deprecated: boolean;
  lastSeenVersion: string;
  deprecatedIn?: string | null;
}

export interface SkillRow extends ConceptRow {
  kind: 'Skill';
  skillType?: string | null;
  reuseLevel?: string | null;
  definition?: string | null;
  scopeNote?: string | null;
  modifiedDate?: string | null;
  collections: string[];
}

export interface OccupationRow extends ConceptRow {
  kind: 'Occupation';
  code?: string | null;
  iscoGroup?: string | null;
  definition?: string | null;
  regulatedProfessionNote?: string | null;
  modifiedDate?: string | null;
  collections: string[];
}

export interface IscoGroupRow extends ConceptRow {
  kind: 'IscoGroup';
  code: string;
}

export interface SkillGroupRow extends ConceptRow {
  kind: 'SkillGroup';
  code?: string | null;
  hierarchyLevel?: number | null;
}

export type AnyConceptRow = SkillRow | OccupationRow | IscoGroupRow | SkillGroupRow;

export interface RelatedSkillRow {
  relationType: string;
  skill: SkillRow;
}

/** A concept node `n` as a row, with its kind (its one label). */
export const CONCEPT_PROJECTION = 'n {.*, kind: head(labels(n))}';

/** Every concept label, for a look-up of any kind. */
const ANY_KIND = 'Skill|SkillGroup|Occupation|IscoGroup';

/** Concepts of one kind (null: any kind) by URI, in no particular order (callers key them by uri). */
export async function conceptsByUri<T extends AnyConceptRow>(
  graph: GraphClient,
  kind: ConceptKind | null,
  uris: readonly string[],
): Promise<T[]> {
  const rows = await graph.read<{ concept: T }>(
    `UNWIND $uris AS uri MATCH (n:${kind ?? ANY_KIND} {uri: uri}) RETURN ${CONCEPT_PROJECTION} AS concept`,
    { uris },
  );
  return rows.map((row) => row.concept);
}

export async function iscoGroupsByCode(graph: GraphClient, codes: readonly string[]): Promise<IscoGroupRow[]> {
  const rows = await graph.read<{ concept: IscoGroupRow }>(
    `UNWIND $codes AS code MATCH (n:IscoGroup {code: code}) RETURN ${CONCEPT_PROJECTION} AS concept`,
    { codes },
  );
  return rows.map((row) => row.concept);
}

/**
 * The top of the two hierarchies: current ISCO-08 groups and skill groups with nothing broader, ISCO groups
 * first, each kind by code (byTopOrder).
 */
export async function topConcepts(graph: GraphClient): Promise<AnyConceptRow[]> {
  const rows = await graph.read<{ concept: AnyConceptRow }>(
    `MATCH (n:IscoGroup|SkillGroup) WHERE n.deprecated = false AND NOT (n)-[:BROADER]->()
     RETURN ${CONCEPT_PROJECTION} AS concept`,
  );
  return rows.map((row) => row.concept).sort(byTopOrder);
}

/** ISCO groups before skill groups, then by code (ISCO major groups 0–9; skills pillar K, L, S, T), then label. */
export function byTopOrder(a: AnyConceptRow, b: AnyConceptRow): number {
  const rank = (c: AnyConceptRow) => (c.kind === 'IscoGroup' ? 0 : 1);
  const code = (c: AnyConceptRow) => ('code' in c && c.code ? c.code : '');
  return rank(a) - rank(b) || code(a).localeCompare(code(b)) || a.preferredLabel.localeCompare(b.preferredLabel);
}

export type OccupationSkillKind = 'ESSENTIAL_SKILL' | 'OPTIONAL_SKILL';

/** The essential or optional skills of each occupation, ordered by label. */
export async function skillsOfOccupations(
  graph: GraphClient,
  relation: OccupationSkillKind,
  occupationUris: readonly string[],
): Promise<Map<string, SkillRow[]>> {
  const rows = await graph.read<{ uri: string; skills: SkillRow[] }>(
    `UNWIND $uris AS uri
     MATCH (o:Occupation {uri: uri})-[:${relation}]->(n:Skill)
     WITH uri, n ORDER BY n.preferredLabel
     RETURN uri, collect(${CONCEPT_PROJECTION}) AS skills`,
    { uris: occupationUris },
  );
  return new Map(rows.map((row) => [row.uri, row.skills]));
}

/** The occupations that have each skill as essential (or optional), ordered by label. */
export async function occupationsOfSkills(
  graph: GraphClient,
  relation: OccupationSkillKind,
  skillUris: readonly string[],
): Promise<Map<string, OccupationRow[]>> {
  const rows = await graph.read<{ uri: string; occupations: OccupationRow[] }>(
    `UNWIND $uris AS uri
     MATCH (s:Skill {uri: uri})<-[:${relation}]-(n:Occupation)
     WITH uri, n ORDER BY n.preferredLabel
     RETURN uri, collect(${CONCEPT_PROJECTION}) AS occupations`,
    { uris: skillUris },
  );
  return new Map(rows.map((row) => [row.uri, row.occupations]));
}

/** Broader (direction 'up') or narrower ('down') concepts of each concept, in either pillar. */
export async function hierarchyNeighbours(
  graph: GraphClient,
  direction: 'up' | 'down',
  uris: readonly string[],
): Promise<Map<string, AnyConceptRow[]>> {
  const pattern = direction === 'up' ? '(c)-[:BROADER]->(n)' : '(c)<-[:BROADER]-(n)';
  const rows = await graph.read<{ uri: string; concepts: AnyConceptRow[] }>(
    `UNWIND $uris AS uri
     MATCH (c:${ANY_KIND} {uri: uri})
     MATCH ${pattern}
     WITH uri, n ORDER BY n.preferredLabel
     RETURN uri, collect(${CONCEPT_PROJECTION}) AS concepts`,
    { uris },
  );
  return new Map(rows.map((row) => [row.uri, row.concepts]));
}

export async function relatedSkillsOf(
  graph: GraphClient,
  skillUris: readonly string[],
): Promise<Map<string, RelatedSkillRow[]>> {
  const rows = await graph.read<{ uri: string; related: RelatedSkillRow[] }>(
    `UNWIND $uris AS uri
     MATCH (s:Skill {uri: uri})-[r:RELATED_SKILL]-(n:Skill)
     WITH uri, r, n ORDER BY r.relationType, n.preferredLabel
     RETURN uri, collect({relationType: r.relationType, skill: ${CONCEPT_PROJECTION}}) AS related`,
    { uris: skillUris },
  );
  return new Map(rows.map((row) => [row.uri, row.related]));
}

export interface SearchHitRow {
  uri: string;
  score: number;
}

/** Full-text search over preferred, alternative and hidden labels (Lucene BM25 in Neo4j); concepts are loaded separately. */
export async function searchConcepts(
  graph: GraphClient,
  index: 'skill_labels' | 'occupation_labels',
  luceneQuery: string,
  limit: number,
  includeDeprecated: boolean,
): Promise<SearchHitRow[]> {
  return graph.read<SearchHitRow>(
    `CALL db.index.fulltext.queryNodes($index, $query, {limit: toInteger($candidates)}) YIELD node AS n, score
     WHERE $includeDeprecated OR n.deprecated = false
     RETURN n.uri AS uri, score
     ORDER BY score DESC, n.preferredLabel
     LIMIT toInteger($limit)`,
    { index, query: luceneQuery, candidates: limit * 3, limit, includeDeprecated },
  );
}

export interface TaxonomySummaryRow {
  version: string | null;
  language: string | null;
  source: string | null;
  versionSource: string | null;
  importedAt: string | null;
  skillCount: number;
  occupationCount: number;
  skillGroupCount: number;
  iscoGroupCount: number;
  deprecatedSkillCount: number;
  deprecatedOccupationCount: number;
  essentialRelationCount: number;
  optionalRelationCount: number;
  collectionCounts: Array<{ collection: string; skills: number }>;
}

export async function taxonomySummary(graph: GraphClient): Promise<TaxonomySummaryRow> {
  const [row] = await graph.read<TaxonomySummaryRow>(
    `OPTIONAL MATCH (r:TaxonomyRelease {current: true})
     CALL { MATCH (s:Skill) WHERE s.deprecated = false RETURN count(s) AS skillCount }
     CALL { MATCH (s:Skill) WHERE s.deprecated = true RETURN count(s) AS deprecatedSkillCount }
     CALL { MATCH (o:Occupation) WHERE o.deprecated = false RETURN count(o) AS occupationCount }
     CALL { MATCH (o:Occupation) WHERE o.deprecated = true RETURN count(o) AS deprecatedOccupationCount }
     CALL { MATCH (g:SkillGroup) WHERE g.deprecated = false RETURN count(g) AS skillGroupCount }
     CALL { MATCH (g:IscoGroup) WHERE g.deprecated = false RETURN count(g) AS iscoGroupCount }
     CALL { MATCH ()-[e:ESSENTIAL_SKILL]->() RETURN count(e) AS essentialRelationCount }
     CALL { MATCH ()-[o:OPTIONAL_SKILL]->() RETURN count(o) AS optionalRelationCount }
     CALL {
       MATCH (s:Skill) WHERE s.deprecated = false
       UNWIND s.collections AS collection
       WITH collection, count(*) AS skills ORDER BY collection
       RETURN collect({collection: collection, skills: skills}) AS collectionCounts
     }
     RETURN r.version AS version, r.language AS language, r.source AS source, r.versionSource AS versionSource,
            toString(r.importedAt) AS importedAt, skillCount, deprecatedSkillCount, occupationCount,
            deprecatedOccupationCount, skillGroupCount, iscoGroupCount, essentialRelationCount,
            optionalRelationCount, collectionCounts`,
  );
  return row;
}

export async function skillsInCollection(graph: GraphClient, collection: string): Promise<SkillRow[]> {
  const rows = await graph.read<{ concept: SkillRow }>(
    `MATCH (n:Skill) WHERE n.deprecated = false AND $collection IN n.collections
     RETURN ${CONCEPT_PROJECTION} AS concept ORDER BY n.preferredLabel`,
    { collection },
  );
  return rows.map((row) => row.concept);
}

/** The version of the current taxonomy release, or null before any import. */
export async function currentTaxonomyVersion(graph: GraphClient): Promise<string | null> {
  const [row] = await graph.read<{ version: string }>(
    'MATCH (r:TaxonomyRelease {current: true}) RETURN r.version AS version LIMIT 1',
  );
  return row?.version ?? null;
}
