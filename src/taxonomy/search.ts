/**
 * Pure helpers for label search: turning free text into a safe Lucene query, and finding which of
 * a concept's labels the text matched (so a hit can say why it was returned).
 */

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function searchTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(LUCENE_SPECIAL, ' ')
    .split(/\s+/)
    .filter((token) => token.length > 0 && !['and', 'or', 'not', 'to'].includes(token));
}

/**
 * The whole text as a phrase, boosted, OR'd with its words: labels that contain the phrase
 * rank above labels that only share words with it. User text never reaches Lucene unescaped.
 */
export function toLuceneQuery(text: string): string | null {
  const tokens = searchTokens(text);
  if (tokens.length === 0) return null;
  if (tokens.length === 1) return tokens[0];
  return `"${tokens.join(' ')}"^3 ${tokens.join(' ')}`;
}

export type LabelType = 'PREFERRED' | 'ALTERNATIVE' | 'HIDDEN';

export interface MatchedLabel {
  label: string;
  labelType: LabelType;
}

/** The label sharing most words with the query; ties go to preferred, then the shortest label. */
export function bestMatchingLabel(
  text: string,
  concept: { preferredLabel: string; altLabels?: string[]; hiddenLabels?: string[] },
): MatchedLabel {
  const tokens = searchTokens(text);
  const candidates: MatchedLabel[] = [
    { label: concept.preferredLabel, labelType: 'PREFERRED' },
    ...(concept.altLabels ?? []).map((label) => ({ label, labelType: 'ALTERNATIVE' as const })),
    ...(concept.hiddenLabels ?? []).map((label) => ({ label, labelType: 'HIDDEN' as const })),
  ];
  let best = candidates[0];
  let bestShared = -1;
  for (const candidate of candidates) {
    const words = new Set(searchTokens(candidate.label));
    const shared = tokens.filter((token) => words.has(token)).length;
    if (
      shared > bestShared ||
      (shared === bestShared &&
        shared > 0 &&
        candidate.label.length < best.label.length &&
        best.labelType !== 'PREFERRED')
    ) {
      best = candidate;
      bestShared = shared;
    }
  }
  return best;
}
