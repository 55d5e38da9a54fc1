import { PerStamp } from '../cache.js';
import type { GraphClient } from '../graph/client.js';
import { logger } from '../logger.js';
import {
  type OccupationSearchHit,
  OccupationSearch,
  type SearchExclusion,
  type SearchableOccupation,
} from './occupation-search.js';
import { readReleaseStamp, type TaxonomySnapshot } from '../taxonomy/snapshot.js';

/**
 * The occupation search the API serves (`searchOccupations`, and the text side of matching), one per
 * taxonomy release, and the one call that runs it: the skill linker reads the text, then the search
 * ranks occupations by labels, description and those skills. `npm run eval:occupations` goes through
 * the same `findOccupations`.
 */

const byUri = (a: { uri: string }, b: { uri: string }) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);

/** What the search needs of a skill linker (linking's SkillLinker is one): the skills a text names, best first. */
export interface TextSkillLinker {
  link(text: string, first: number): Array<{ uri: string; score: number }>;
}

/** How many linked skills of the text the search weighs. */
const TEXT_SKILLS = 20;

export function searchableOccupationsFromSnapshot(snapshot: TaxonomySnapshot): SearchableOccupation[] {
  return snapshot
    .currentOccupations()
    .map((occupation) => ({
      uri: occupation.uri,
      preferredLabel: occupation.preferredLabel,
      altLabels: occupation.altLabels ?? [],
      hiddenLabels: occupation.hiddenLabels ?? [],
      description: occupation.description ?? null,
      essentialSkills: snapshot
        .skillsOf('ESSENTIAL_SKILL', occupation.uri)
        .filter((s) => !s.deprecated)
        .map((s) => s.uri),
      optionalSkills: snapshot
        .skillsOf('OPTIONAL_SKILL', occupation.uri)
        .filter((s) => !s.deprecated)
        .map((s) => s.uri),
    }))
    .sort(byUri);
}

export async function searchableOccupationsFromGraph(graph: GraphClient): Promise<SearchableOccupation[]> {
  return graph.read<SearchableOccupation>(
    `MATCH (o:Occupation) WHERE o.deprecated = false
     RETURN o.uri AS uri, o.preferredLabel AS preferredLabel, coalesce(o.altLabels, []) AS altLabels, coalesce(o.hiddenLabels, []) AS hiddenLabels,
            o.description AS description,
            COLLECT { MATCH (o)-[:ESSENTIAL_SKILL]->(s:Skill) WHERE s.deprecated = false RETURN s.uri } AS essentialSkills,
            COLLECT { MATCH (o)-[:OPTIONAL_SKILL]->(s:Skill) WHERE s.deprecated = false RETURN s.uri } AS optionalSkills
     ORDER BY o.uri`,
  );
}

/** Words of the skill labels: the verbs agent nouns are brought back to ("welder" → weld). */
export function skillVocabulary(skills: Array<{ preferredLabel: string; altLabels?: string[] }>): string[] {
  return skills.flatMap((skill) => [skill.preferredLabel, ...(skill.altLabels ?? [])]);
}

/** The occupation search of a taxonomy snapshot: its current occupations, and the words of its current skills. */
export function occupationSearchFromSnapshot(snapshot: TaxonomySnapshot): OccupationSearch {
  return new OccupationSearch(
    searchableOccupationsFromSnapshot(snapshot),
    skillVocabulary(snapshot.currentSkills().map(({ skill }) => skill)),
  );
}

export function findOccupations(
  search: OccupationSearch,
  linker: TextSkillLinker | null,
  text: string,
  options: { first?: number; exclude?: SearchExclusion } = {},
): OccupationSearchHit[] {
  const skills = linker ? linker.link(text, TEXT_SKILLS).map((link) => ({ uri: link.uri, score: link.score })) : [];
  return search.search(text, { first: options.first, skills, exclude: options.exclude });
}

/** One OccupationSearch per taxonomy release, shared by all requests (as SkillLinkerCache). */
export class OccupationSearchCache {
  private readonly perRelease = new PerStamp<OccupationSearch>();

  async get(graph: GraphClient, snapshot: TaxonomySnapshot | undefined): Promise<OccupationSearch | null> {
    const stamp = snapshot?.stamp ?? (await readReleaseStamp(graph));
    if (stamp === null) return null;
    return this.perRelease.get(stamp, async () => {
      const started = performance.now();
      const search = snapshot
        ? occupationSearchFromSnapshot(snapshot)
        : new OccupationSearch(
            await searchableOccupationsFromGraph(graph),
            skillVocabulary(
              await graph.read<{ preferredLabel: string; altLabels: string[] }>(
                'MATCH (s:Skill) WHERE s.deprecated = false RETURN s.preferredLabel AS preferredLabel, coalesce(s.altLabels, []) AS altLabels',
              ),
            ),
          );
      logger.info('occupation search index built', {
        stamp,
        occupations: search.size,
        ms: Math.round(performance.now() - started),
      });
      return search;
    });
  }
}

// What occupation search adds to every request's context (src/graphql/context.ts).
declare module '../graphql/context.js' {
  interface HubContext {
    /** Occupation search for the current taxonomy release (null before any taxonomy is imported). */
    occupationSearch(): Promise<OccupationSearch | null>;
  }
}
