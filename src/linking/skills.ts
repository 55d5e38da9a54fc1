import { pushTo } from '../collections.js';
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
  const broader = new Map<string, string[]>();
  for (const relation of esco.broader) {
    if (relation.fromKind === 'Skill' && relation.toKind === 'Skill') pushTo(broader, relation.from, relation.to);
  }
  return [...esco.skills.values()].map((skill) => ({
    uri: skill.uri,
    preferredLabel: skill.preferredLabel,
    altLabels: skill.altLabels,
    hiddenLabels: skill.hiddenLabels,
    description: skill.description,
    occupationCount: occupationCount.get(skill.uri) ?? 0,
    broaderSkills: broader.get(skill.uri) ?? [],
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
    broaderSkills: snapshot.neighbours('up', skill.uri).filter((concept) => concept.kind === 'Skill').map((concept) => concept.uri),
  }));
}

export async function linkableSkillsFromGraph(graph: GraphClient): Promise<LinkableSkill[]> {
  return graph.read<LinkableSkill>(
    `MATCH (s:Skill) WHERE s.deprecated = false
     RETURN s.uri AS uri, s.preferredLabel AS preferredLabel, s.altLabels AS altLabels, s.hiddenLabels AS hiddenLabels,
            s.description AS description, COUNT { (s)<-[:ESSENTIAL_SKILL|OPTIONAL_SKILL]-() } AS occupationCount,
            [(s)-[:BROADER]->(parent:Skill) | parent.uri] AS broaderSkills`,
  );
}
