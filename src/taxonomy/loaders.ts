import DataLoader from 'dataloader';
import type { GraphClient } from '../graph/client.js';
import type { ConceptKind } from './esco-files.js';
import type { TaxonomySnapshot } from './snapshot.js';
import {
  type AnyConceptRow,
  type IscoGroupRow,
  type OccupationRow,
  type OccupationSkillKind,
  type RelatedSkillRow,
  type SkillGroupRow,
  type SkillRow,
  conceptsByUri,
  hierarchyNeighbours,
  iscoGroupsByCode,
  occupationsOfSkills,
  relatedSkillsOf,
  skillsOfOccupations,
} from './store.js';

/**
 * Per-request batching for taxonomy reads. With a snapshot, every answer is a memory look-up;
 * without one (TAXONOMY_SNAPSHOT=false, or before the first build), each loader turns the N look-ups
 * of one request level into one Cypher round trip.
 */
export function createTaxonomyLoaders(graph: GraphClient, snapshot?: TaxonomySnapshot) {
  const byUri = <T extends AnyConceptRow>(kind: ConceptKind | null) =>
    new DataLoader<string, T | null>(async (uris) => {
      if (snapshot) return uris.map((uri) => snapshot.concept<T>(kind, uri));
      const found = new Map((await conceptsByUri<T>(graph, kind, uris)).map((row) => [row.uri, row]));
      return uris.map((uri) => found.get(uri) ?? null);
    });
  const grouped = <T>(
    fromSnapshot: (s: TaxonomySnapshot, key: string) => T[],
    fromGraph: (keys: readonly string[]) => Promise<Map<string, T[]>>,
  ) =>
    new DataLoader<string, T[]>(async (keys) => {
      if (snapshot) return keys.map((key) => fromSnapshot(snapshot, key));
      const found = await fromGraph(keys);
      return keys.map((key) => found.get(key) ?? []);
    });
  const skillsOf = (relation: OccupationSkillKind) =>
    grouped<SkillRow>(
      (s, uri) => s.skillsOf(relation, uri),
      (uris) => skillsOfOccupations(graph, relation, uris),
    );
  const occupationsOf = (relation: OccupationSkillKind) =>
    grouped<OccupationRow>(
      (s, uri) => s.occupationsOf(relation, uri),
      (uris) => occupationsOfSkills(graph, relation, uris),
    );
  const hierarchy = (direction: 'up' | 'down') =>
    grouped<AnyConceptRow>(
      (s, uri) => s.neighbours(direction, uri),
      (uris) => hierarchyNeighbours(graph, direction, uris),
    );

  return {
    skill: byUri<SkillRow>('Skill'),
    occupation: byUri<OccupationRow>('Occupation'),
    skillGroup: byUri<SkillGroupRow>('SkillGroup'),
    concept: byUri<AnyConceptRow>(null),
    iscoGroupByCode: new DataLoader<string, IscoGroupRow | null>(async (codes) => {
      if (snapshot) return codes.map((code) => snapshot.iscoGroupByCode(code));
      const found = new Map((await iscoGroupsByCode(graph, codes)).map((row) => [row.code, row]));
      return codes.map((code) => found.get(code) ?? null);
    }),
    essentialSkills: skillsOf('ESSENTIAL_SKILL'),
    optionalSkills: skillsOf('OPTIONAL_SKILL'),
    essentialForOccupations: occupationsOf('ESSENTIAL_SKILL'),
    optionalForOccupations: occupationsOf('OPTIONAL_SKILL'),
    broader: hierarchy('up'),
    narrower: hierarchy('down'),
    relatedSkills: grouped<RelatedSkillRow>(
      (s, uri) => s.relatedSkills(uri),
      (uris) => relatedSkillsOf(graph, uris),
    ),
  };
}

export type TaxonomyLoaders = ReturnType<typeof createTaxonomyLoaders>;

// What the taxonomy adds to every request's context (src/graphql/context.ts).
declare module '../graphql/context.js' {
  interface Loaders {
    taxonomy: TaxonomyLoaders;
  }
  interface HubContext {
    /** The in-memory taxonomy, when enabled and built; resolvers fall back to the graph without it. */
    taxonomy?: TaxonomySnapshot;
  }
}
