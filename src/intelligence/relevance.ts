/**
 * Green and digital transition relevance, 0–1, for skills, occupations and micro-credentials. Pure.
 *
 * Skill: 1 when ESCO lists it in the collection (green: the green skills collection; digital: the
 * digital skills collection); otherwise 0.5 when a broader skill is in it (a specialisation of a green
 * or digital skill), 0.25 when only a narrower skill is (a general skill with a green or digital
 * specialisation); else 0.
 * Occupation: the weighted mean over its skills, essential skills weight 1 and optional 0.5.
 * Micro-credential: the weighted mean over its linked skills, a link weighing 1 when accepted or added
 * and 0.5 when suggested (rejected links are left out); 0 without links.
 *
 * A transition filter (recommendations for GREEN or DIGITAL) keeps skills at relevance ≥ TRANSITION_FLOOR
 * 0.5: in the collection, or a specialisation of a skill in it; a general skill with only a green or digital
 * specialisation (0.25) does not pass.
 */

export const TRANSITION_FLOOR = 0.5;

export type Transition = 'green' | 'digital';

export const RELEVANCE_METHOD = {
  skill: 'ESCO collection member 1; a broader skill in the collection 0.5; only a narrower skill in it 0.25; else 0',
  occupation: 'mean of its skills’ relevance, essential skills weighted 1 and optional 0.5',
  microCredential:
    'mean of its linked skills’ relevance, accepted or added links weighted 1 and suggested 0.5 (rejected left out)',
};

export interface SkillInHierarchy {
  collections: string[];
  broader: Array<{ collections: string[] }>;
  narrower: Array<{ collections: string[] }>;
}

export function skillRelevance(skill: SkillInHierarchy, transition: Transition): number {
  if (skill.collections.includes(transition)) return 1;
  if (skill.broader.some((parent) => parent.collections.includes(transition))) return 0.5;
  if (skill.narrower.some((child) => child.collections.includes(transition))) return 0.25;
  return 0;
}

/** Weighted mean of skill relevances; 0 when there is nothing to weigh. */
export function weightedRelevance(items: Array<{ relevance: number; weight: number }>): number {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  if (total === 0) return 0;
  return Math.round((items.reduce((sum, item) => sum + item.relevance * item.weight, 0) / total) * 1e4) / 1e4;
}

export function occupationRelevance(essential: number[], optional: number[]): number {
  return weightedRelevance([
    ...essential.map((relevance) => ({ relevance, weight: 1 })),
    ...optional.map((relevance) => ({ relevance, weight: 0.5 })),
  ]);
}

export const LINK_RELEVANCE_WEIGHT: Record<string, number> = { ACCEPTED: 1, ADDED: 1, SUGGESTED: 0.5, REJECTED: 0 };

export function microCredentialRelevance(links: Array<{ skillUri: string; relevance: number; state: string }>): number {
  // One skill linked through several outcomes counts once, at its strongest link.
  const strongest = new Map<string, { relevance: number; weight: number }>();
  for (const link of links) {
    const weight = LINK_RELEVANCE_WEIGHT[link.state] ?? 0;
    const current = strongest.get(link.skillUri);
    if (!current || weight > current.weight) strongest.set(link.skillUri, { relevance: link.relevance, weight });
  }
  return weightedRelevance([...strongest.values()]);
}
