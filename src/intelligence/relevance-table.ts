import { PromiseMemo } from '../cache.js';
import type { HubContext } from '../graphql/context.js';
import { readReleaseStamp } from '../taxonomy/snapshot.js';
import { type Transition, occupationRelevance, skillRelevance } from './relevance.js';
import { occupationIndex } from './store.js';

/**
 * Every current occupation's green or digital relevance (relevance.ts), for aiming matching and
 * transitions at such roles: built once per taxonomy release and transition, from the snapshot when the
 * hub holds one, else in one query.
 */

const tables = new PromiseMemo<Map<string, number>>(4);

interface SkillCollections {
  uri: string;
  collections: string[];
  broader: string[][];
  narrower: string[][];
}

export async function occupationRelevanceTable(
  context: HubContext,
  transition: Transition,
): Promise<Map<string, number>> {
  const stamp = context.taxonomy?.stamp ?? (await readReleaseStamp(context.graph)) ?? 'none';
  return tables.get(`${stamp}|${transition}`, async () => {
    const [skills, index] = await Promise.all([skillCollections(context), occupationIndex(context)]);
    const relevance = new Map(
      skills.map((skill) => [
        skill.uri,
        skillRelevance(
          {
            collections: skill.collections,
            broader: skill.broader.map((collections) => ({ collections })),
            narrower: skill.narrower.map((collections) => ({ collections })),
          },
          transition,
        ),
      ]),
    );
    return new Map(
      [...index.byUri.values()].map((needs) => [
        needs.uri,
        occupationRelevance(
          needs.essential.map((uri) => relevance.get(uri) ?? 0),
          needs.optional.map((uri) => relevance.get(uri) ?? 0),
        ),
      ]),
    );
  });
}

async function skillCollections(context: HubContext): Promise<SkillCollections[]> {
  const snapshot = context.taxonomy;
  if (snapshot) {
    const collectionsOf = (direction: 'up' | 'down', uri: string) =>
      snapshot
        .neighbours(direction, uri)
        .filter((concept) => concept.kind === 'Skill')
        .map((concept) => ('collections' in concept ? (concept.collections ?? []) : []));
    return snapshot.currentSkills().map(({ skill }) => ({
      uri: skill.uri,
      collections: skill.collections ?? [],
      broader: collectionsOf('up', skill.uri),
      narrower: collectionsOf('down', skill.uri),
    }));
  }
  return context.graph.read<SkillCollections>(
    `MATCH (s:Skill) WHERE s.deprecated = false
     RETURN s.uri AS uri, coalesce(s.collections, []) AS collections,
            COLLECT { MATCH (s)-[:BROADER]->(p:Skill) RETURN coalesce(p.collections, []) } AS broader,
            COLLECT { MATCH (c:Skill)-[:BROADER]->(s) RETURN coalesce(c.collections, []) } AS narrower`,
  );
}
