import { pushTo } from '../collections.js';

/**
 * What a person holds, with the skills they nearly hold. Pure; occupation-fit.ts and transitions.ts build on it.
 *
 * Held skills. Each skill the person has counts in full (EXACT, credit 1) for itself. It also counts
 * in part, never in full, for skills next to it in ESCO:
 *   - a broader skill of one held (NARROWER_HELD, 0.7): who can do the specific thing can do much of
 *     the general one ("operate forklift" → part of "operate warehouse equipment");
 *   - a narrower skill of one held (BROADER_HELD, 0.5): the general skill is a start on the specific;
 *   - a skill ESCO relates to one held (RELATED_HELD, 0.4);
 *   - a skill whose labels and description say nearly the same as one held's (SIMILAR_HELD, 0.3):
 *     similarity ≥ 0.45 (src/linking/similar-skills.ts), the weakest evidence ("stack empty pallets" →
 *     "pallets loading"); 0.5 from similarity 0.7, near-synonyms ("weigh materials" → "operate weighing
 *     machine").
 * A skill takes its best credit, with the held skill it came from (and the similarity, for SIMILAR_HELD).
 * Within one occupation's essential (and, apart, its optional) skills, a held skill vouches for at most two
 * skills besides itself (VOUCH_LIMIT): of the skills near-held through it, the two best count
 * (countedMatches). So one broad skill ("ensure compliance with environmental legislation") does not stand
 * for a whole occupation's worth of skills that merely sit near it.
 */

export type MatchKind =
  'EXACT' | 'NARROWER_HELD' | 'BROADER_HELD' | 'RELATED_HELD' | 'SIMILAR_HELD' | 'ORIGIN_OPTIONAL';

export const MATCH_CREDIT: Record<MatchKind, number> = {
  EXACT: 1,
  NARROWER_HELD: 0.7,
  BROADER_HELD: 0.5,
  RELATED_HELD: 0.4,
  SIMILAR_HELD: 0.3,
  /** Transitions only: an optional skill of the origin occupation (transitions.ts). */
  ORIGIN_OPTIONAL: 0.5,
};

/** SIMILAR_HELD's credit: 0.3, or CLOSE_SIMILAR_CREDIT 0.5 from CLOSE_SIMILARITY 0.7 (near-synonyms: "weigh materials" and "operate weighing machine"). */
export const CLOSE_SIMILARITY = 0.7;
export const CLOSE_SIMILAR_CREDIT = 0.5;
export const similarCredit = (similarity: number) =>
  similarity >= CLOSE_SIMILARITY ? CLOSE_SIMILAR_CREDIT : MATCH_CREDIT.SIMILAR_HELD;

export interface SkillNeighbours {
  broader(uri: string): string[];
  narrower(uri: string): string[];
  related(uri: string): string[];
  /** Skills whose words say nearly the same (src/linking/similar-skills.ts), best first. */
  similar(uri: string): Array<{ uri: string; similarity: number }>;
}

export interface HeldCredit {
  credit: number;
  kind: MatchKind;
  /** The held skill the credit comes from. */
  via: string;
  /** For SIMILAR_HELD: the similarity of the two skills' words (0–1). */
  similarity?: number;
}

export function heldCredits(held: Iterable<string>, neighbours: SkillNeighbours): Map<string, HeldCredit> {
  const credits = new Map<string, HeldCredit>();
  const offer = (uri: string, kind: MatchKind, via: string, similarity?: number) => {
    const credit = similarity === undefined ? MATCH_CREDIT[kind] : similarCredit(similarity);
    const current = credits.get(uri);
    if (
      !current ||
      credit > current.credit ||
      (credit === current.credit &&
        kind === 'SIMILAR_HELD' &&
        current.kind === kind &&
        similarity! > current.similarity!)
    )
      credits.set(uri, similarity === undefined ? { credit, kind, via } : { credit, kind, via, similarity });
  };
  for (const uri of held) {
    offer(uri, 'EXACT', uri);
    for (const broader of neighbours.broader(uri)) offer(broader, 'NARROWER_HELD', uri);
    for (const narrower of neighbours.narrower(uri)) offer(narrower, 'BROADER_HELD', uri);
    for (const related of neighbours.related(uri)) offer(related, 'RELATED_HELD', uri);
    for (const similar of neighbours.similar(uri)) offer(similar.uri, 'SIMILAR_HELD', uri, similar.similarity);
  }
  return credits;
}

/** A required skill the person holds or nearly holds: its URI with the credit that reaches it. */
export type SkillMatch = HeldCredit & { uri: string };

/** How many skills of one occupation list a held skill may stand for besides itself (countedMatches). */
export const VOUCH_LIMIT = 2;

/**
 * The matches that count among one list of an occupation's skills: every exact one, and of the skills
 * near-held through one held skill, the VOUCH_LIMIT 2 best (highest credit, then similarity, then URI). Best first.
 */
export function countedMatches(skills: string[], credits: Map<string, HeldCredit>): SkillMatch[] {
  const exact: SkillMatch[] = [];
  const nearVia = new Map<string, SkillMatch[]>();
  for (const uri of skills) {
    const held = credits.get(uri);
    if (!held) continue;
    if (held.kind === 'EXACT') exact.push({ uri, ...held });
    else pushTo(nearVia, held.via, { uri, ...held });
  }
  const near = [...nearVia.values()].flatMap((list) => list.sort(byStrength).slice(0, VOUCH_LIMIT));
  return [...exact, ...near].sort(byStrength);
}

const byStrength = (a: SkillMatch, b: SkillMatch) =>
  b.credit - a.credit || (b.similarity ?? 0) - (a.similarity ?? 0) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);
