import DataLoader from 'dataloader';
import type { GraphClient } from '../graph/client.js';
import type { ConceptKind } from './esco-files.js';
import {
  type AnyConceptRow,
  type IscoGroupRow,
  type OccupationRow,
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

/** Per-request batching for taxonomy reads: each loader turns N lookups into one round trip. */
export function createTaxonomyLoaders(graph: GraphClient) {
  const byUri = <T extends AnyConceptRow>(kind: ConceptKind) =>
    new DataLoader<string, T | null>(async (uris) => {
      const found = new Map((await conceptsByUri<T>(graph, kind, uris)).map((row) => [row.uri, row]));
      return uris.map((uri) => found.get(uri) ?? null);
    });
  const grouped = <T>(fetch: (keys: readonly string[]) => Promise<Map<string, T[]>>) =>
    new DataLoader<string, T[]>(async (keys) => {
      const found = await fetch(keys);
      return keys.map((key) => found.get(key) ?? []);
    });

  return {
    skill: byUri<SkillRow>('Skill'),
    occupation: byUri<OccupationRow>('Occupation'),
    skillGroup: byUri<SkillGroupRow>('SkillGroup'),
    iscoGroupByCode: new DataLoader<string, IscoGroupRow | null>(async (codes) => {
      const found = new Map((await iscoGroupsByCode(graph, codes)).map((row) => [row.code, row]));
      return codes.map((code) => found.get(code) ?? null);
    }),
    essentialSkills: grouped<SkillRow>((uris) => skillsOfOccupations(graph, 'ESSENTIAL_SKILL', uris)),
    optionalSkills: grouped<SkillRow>((uris) => skillsOfOccupations(graph, 'OPTIONAL_SKILL', uris)),
    essentialForOccupations: grouped<OccupationRow>((uris) => occupationsOfSkills(graph, 'ESSENTIAL_SKILL', uris)),
    optionalForOccupations: grouped<OccupationRow>((uris) => occupationsOfSkills(graph, 'OPTIONAL_SKILL', uris)),
    broader: grouped<AnyConceptRow>((uris) => hierarchyNeighbours(graph, 'up', uris)),
    narrower: grouped<AnyConceptRow>((uris) => hierarchyNeighbours(graph, 'down', uris)),
    relatedSkills: grouped<RelatedSkillRow>((uris) => relatedSkillsOf(graph, uris)),
  };
}

export type TaxonomyLoaders = ReturnType<typeof createTaxonomyLoaders>;
