import { SimilarSkills } from '../linking/similar-skills.js';
import { linkableSkillsFromSnapshot } from '../linking/skills.js';
import type { TaxonomySnapshot } from '../taxonomy/snapshot.js';
import type { SkillNeighbours } from './held-credits.js';

/** A skill's ESCO neighbours straight from a snapshot (the evaluation scripts; requests use the loaders, person.ts). */
export function neighboursFromSnapshot(
  snapshot: TaxonomySnapshot,
  similar = new SimilarSkills(linkableSkillsFromSnapshot(snapshot)),
): SkillNeighbours {
  const skills = (direction: 'up' | 'down', uri: string) =>
    snapshot
      .neighbours(direction, uri)
      .filter((c) => c.kind === 'Skill')
      .map((c) => c.uri);
  return {
    broader: (uri) => skills('up', uri),
    narrower: (uri) => skills('down', uri),
    related: (uri) => snapshot.relatedSkills(uri).map((r) => r.skill.uri),
    similar: (uri) => similar.similar(uri),
  };
}
