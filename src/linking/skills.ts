import type { GraphClient } from '../graph/client.js';
import type { EscoExport } from '../taxonomy/esco-files.js';
import type { TaxonomySnapshot } from '../taxonomy/snapshot.js';
import type { LinkableSkill } from './linker.js';

/** The linker's view of the current skills: from a CSV export (evaluation), the snapshot, or the graph. */

export function linkableSkillsFromExport(esco: EscoExport): LinkableSkill[] {
  const occupationCount = new Map<string, number>();
  for (const relation of esco.occupationSkills) {
    occupationCount.set(relation.skillUri, (occupationCount.get(relation.skillUri) ?? 0) + 1);
  }
  return [...esco.skills.values()].map((skill) => ({
    uri: skill.uri,
    preferredLabel: skill.preferredLabel,
    altLabels: skill.altLabels,
    hiddenLabels: skill.hiddenLabels,
    description: skill.description,
    occupationCount: occupationCount.get(skill.uri) ?? 0,
  }));
}

export function linkableSkillsFromSnapshot(snapshot: TaxonomySnapshot): LinkableSkill[] {
  return snapshot.currentSkills().map(({ skill, occupationCount }) => ({
    uri: skill.uri,
    preferredLabel: skill.preferredLabel,
    altLabels: skill.altLabels,
    hiddenLabels: skill.hiddenLabels,
    description: skill.description,
    occupationCount,
  }));
}

export async function linkableSkillsFromGraph(graph: GraphClient): Promise<LinkableSkill[]> {
  return graph.read<LinkableSkill>(
    `MATCH (s:Skill) WHERE s.deprecated = false
     RETURN s.uri AS uri, s.preferredLabel AS preferredLabel, s.altLabels AS altLabels, s.hiddenLabels AS hiddenLabels,
            s.description AS description, COUNT { (s)<-[:ESSENTIAL_SKILL|OPTIONAL_SKILL]-() } AS occupationCount`,
  );
}
