import { stems } from '../retrieval/text.js';
import { TermVectors } from '../retrieval/vectors.js';
import type { LinkableSkill } from './linker.js';

/**
 * Which skills are about the same thing as another, by their words: the weak evidence that a person who
 * has one nearly has the other when ESCO relates them neither by hierarchy nor by relation ("stack empty
 * pallets" and "pallets loading", "operate warehouse materials" and "warehouse operations"). Pure.
 *
 *   similarity(a, b) = cosine of their TF-IDF vectors (src/retrieval/vectors.ts), over
 *                      preferred label × FIELD_WEIGHT.preferred 1, alternative labels × 0.5 and
 *                      description × 0.3 (Porter2 stems, src/retrieval/text.ts)
 *                      + SHARED_PARENT_BONUS 0.2 when they share a broader skill or skill group
 *   similar(a)       = the skills with similarity ≥ SIMILAR_MIN 0.45, best first, at most SIMILAR_LIMIT 20
 *
 * The threshold was read off the nearest held skill of every missing essential skill for a forklift
 * operator against warehouse worker and manager, and for a general-care nurse against nurse assistant,
 * midwife and clinical informatics manager (docs/matching.md); at 0.45 a pair shares the thing worked on
 * ("warehouse", "pallets", "clinical"), below it mostly a generic verb ("advise", "provide").
 */

export const FIELD_WEIGHT = { preferred: 1, alternative: 0.5, description: 0.3 } as const;
export const SHARED_PARENT_BONUS = 0.2;
export const SIMILAR_MIN = 0.45;
export const SIMILAR_LIMIT = 20;

export interface SimilarSkill {
  uri: string;
  similarity: number;
}

export class SimilarSkills {
  private readonly uris: string[];
  private readonly positions: Map<string, number>;
  private readonly parents: Array<Set<string>>;
  private readonly vectors: TermVectors;
  private readonly found = new Map<string, SimilarSkill[]>();

  constructor(skills: LinkableSkill[]) {
    this.uris = skills.map((skill) => skill.uri);
    this.positions = new Map(this.uris.map((uri, i) => [uri, i]));
    this.parents = skills.map((skill) => new Set([...(skill.broaderSkills ?? []), ...(skill.broaderGroups ?? [])]));
    this.vectors = new TermVectors(
      skills.map((skill) => [
        { keys: stems(skill.preferredLabel), weight: FIELD_WEIGHT.preferred },
        { keys: (skill.altLabels ?? []).flatMap(stems), weight: FIELD_WEIGHT.alternative },
        { keys: skill.description ? stems(skill.description) : [], weight: FIELD_WEIGHT.description },
      ]),
    );
  }

  /** The skills similar to this one (SIMILAR_MIN), best first; none for a skill not in the index. */
  similar(uri: string): SimilarSkill[] {
    let found = this.found.get(uri);
    if (!found) {
      const position = this.positions.get(uri);
      found =
        position === undefined
          ? []
          : this.vectors
              .nearest(position, SIMILAR_MIN, (other) => (this.shareParent(position, other) ? SHARED_PARENT_BONUS : 0))
              .slice(0, SIMILAR_LIMIT)
              .map(({ document, similarity }) => ({
                uri: this.uris[document],
                similarity: Math.round(Math.min(1, similarity) * 1000) / 1000,
              }));
      this.found.set(uri, found);
    }
    return found;
  }

  private shareParent(a: number, b: number): boolean {
    for (const parent of this.parents[a]) if (this.parents[b].has(parent)) return true;
    return false;
  }
}
