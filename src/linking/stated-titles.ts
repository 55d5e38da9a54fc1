/**
 * The job titles a text states about the person: "I worked 8 years as a warehouse forklift driver", "I have
 * been a registered general nurse for 12 years", "I am a welder". Pure.
 *
 *   title = the words after "as", "am", "was", "been" or "I'm" and an article ("a", "an"), up to the next
 *           comma, sentence end or one of STOP_WORDS ("for", "on", "in", "at", "and", …), 1 to MAX_TITLE_WORDS 5
 *           words of letters, and not a grade word alone ("an apprentice", "a trainee": RANK_WORDS of
 *           title-words.ts, which say the level, not the job)
 *
 * A stated title is searched as a title (occupation search is best at those): the paragraph's other words
 * ("keep patient records") cannot pull it towards another occupation, as they do when the whole paragraph
 * is the query.
 */

import { RANK_WORDS } from './title-words.js';

export const MAX_TITLE_WORDS = 5;
const STOP_WORDS = new Set([
  'for',
  'on',
  'in',
  'at',
  'with',
  'from',
  'since',
  'and',
  'who',
  'where',
  'to',
  'of',
  'during',
  'until',
  'but',
  'or',
  'then',
  'when',
  'while',
]);

export function statedTitles(text: string): string[] {
  const titles: string[] = [];
  // The title's words are read one by one, so a later "as a …" in the same sentence is found too.
  const pattern = /\b(?:as|am|was|been|i'm)\s+an?\s+/gi;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const words: string[] = [];
    const rest = /^([A-Za-z][A-Za-z'-]*)(\s+|(?=[,.;:!?()]|$))/;
    let at = match.index + match[0].length;
    for (let word = rest.exec(text.slice(at)); word !== null; word = rest.exec(text.slice(at))) {
      if (STOP_WORDS.has(word[1].toLowerCase())) break;
      words.push(word[1]);
      at += word[0].length;
      if (word[2] === '') break;
    }
    const ended =
      at >= text.length ||
      /^[,.;:!?()\n]/.test(text.slice(at)) ||
      STOP_WORDS.has(text.slice(at).split(/\s/)[0].toLowerCase());
    const gradeOnly = words.length === 1 && RANK_WORDS.includes(words[0].toLowerCase());
    if (words.length > 0 && words.length <= MAX_TITLE_WORDS && ended && !gradeOnly) titles.push(words.join(' '));
  }
  return [...new Set(titles)];
}
