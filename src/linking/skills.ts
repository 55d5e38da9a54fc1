import type { GraphClient } from '../graph/client.js';
import type { TaxonomySnapshot } from '../taxonomy/snapshot.js';
import type { LinkableSkill } from './linker.js';

/**
 * The linker's view of the current (not deprecated) skills, from the snapshot (linkSkills, and
 * `npm run eval:skills` through `snapshotFromExport`) or straight from the graph (catalogue imports
 * outside a running hub). Both give the same list in the same order (by URI, so ties rank the same
 * whichever built the index); `test/integration/linking-quality.test.ts` checks that they agree.
 */

const byUri = (a: LinkableSkill, b: LinkableSkill) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);

export function linkableSkillsFromSnapshot(snapshot: TaxonomySnapshot): LinkableSkill[] {
  return snapshot
    .currentSkills()
    .map(({ skill, occupationCount }) => ({
      uri: skill.uri,
      preferredLabel: skill.preferredLabel,
      altLabels: skill.altLabels ?? [],
      hiddenLabels: skill.hiddenLabels ?? [],
      description: skill.description ?? null,
      skillType: skill.skillType ?? null,
      occupationCount,
      broaderSkills: snapshot
        .neighbours('up', skill.uri)
        .filter((concept) => concept.kind === 'Skill')
        .map((concept) => concept.uri)
        .sort(),
      broaderGroups: snapshot
        .neighbours('up', skill.uri)
        .filter((concept) => concept.kind === 'SkillGroup')
        .map((concept) => concept.uri)
        .sort(),
    }))
    .sort(byUri);
}

export async function linkableSkillsFromGraph(graph: GraphClient): Promise<LinkableSkill[]> {
  return graph.read<LinkableSkill>(
    `MATCH (s:Skill) WHERE s.deprecated = false
     RETURN s.uri AS uri, s.preferredLabel AS preferredLabel, coalesce(s.altLabels, []) AS altLabels, coalesce(s.hiddenLabels, []) AS hiddenLabels,
            s.description AS description, s.skillType AS skillType, COUNT { (s)<-[:ESSENTIAL_SKILL|OPTIONAL_SKILL]-() } AS occupationCount,
            COLLECT { MATCH (s)-[:BROADER]->(parent:Skill) RETURN parent.uri ORDER BY parent.uri } AS broaderSkills,
            COLLECT { MATCH (s)-[:BROADER]->(group:SkillGroup) RETURN group.uri ORDER BY group.uri } AS broaderGroups
     ORDER BY s.uri`,
  );
}
