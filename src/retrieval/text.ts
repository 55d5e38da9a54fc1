import { createRequire } from 'node:module';

/**
 * Text analysis for skill linking and occupation search: words split on anything but letters, digits
 * and "+#." (keeping "c++", "c#" and ".net"), natural's English stop words (from its individual module:
 * its top-level import loads database clients), and Porter2 (Snowball English) stems from wink-porter2-stemmer. Porter2 rather than natural's
 * original Porter: it keeps words apart that Porter conflates ("general"/"generators",
 * "community"/"communication", "news"/"new"); RP@5 rose on both validation splits (docs/skill-linking.md).
 *
 * A stem alone also joins a verb and a noun spelt alike ("trained staff" and "work trains"). Each token
 * therefore says whether it is a verb inflection (INFLECTED: "-ed" or "-ing" that the stemmer took off),
 * and a word standing as a plain noun in a knowledge label ("trains", not "training" or "development")
 * keys on nounKey(stem), which a text word matches only when it is not such an inflection.
 */
const require = createRequire(import.meta.url);
const porter2 = require('wink-porter2-stemmer') as (word: string) => string;
const { words: naturalStopWords } = require('natural/lib/natural/util/stopwords.js') as { words: string[] };

/** Words that carry no content anywhere: natural's English stop words, and abbreviations of "for example". */
const FUNCTION_WORDS = new Set([...naturalStopWords, 'etc', 'etc.', 'e.g', 'i.e']);

/**
 * Words of job ads and CVs that say little about which skill ("experience", "knowledge", "using",
 * "years"), dropped from texts and labels alike for ranking. They still belong to a label's words when
 * the suggestion rule asks whether a label is named in full (`keepDomainWords`): "manage work" is not
 * named by "manager" alone, nor "use IT tools" by "tools", nor "business knowledge" by "business".
 */
const DOMAIN_WORDS = new Set([
  'using',
  'use',
  'ability',
  'able',
  'good',
  'strong',
  'excellent',
  'experience',
  'knowledge',
  'skills',
  'skill',
  'work',
  'working',
  'years',
  'year',
  'plus',
  'including',
  'related',
  'relevant',
]);

export interface Token {
  /** The stem the index matches on. */
  stem: string;
  /** The word as written, for evidence. */
  surface: string;
  /** Position among the kept tokens, with gaps at commas and sentence ends (COMMA_GAP, SENTENCE_GAP), for phrase checks. */
  position: number;
  /** A verb inflection ("trained", "driving": -ed or -ing taken off by the stemmer): never a plain noun. */
  inflected: boolean;
}

const stemCache = new Map<string, string>();

function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = /[0-9+#.]/.test(word) ? word : porter2(word);
    if (stemCache.size < 200_000) stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** True when the (lower-case) word is one of DOMAIN_WORDS. */
export function isDomainWord(word: string): boolean {
  return DOMAIN_WORDS.has(word);
}

/** The stems of DOMAIN_WORDS, noun keys included ("use", "~experi"). */
export const DOMAIN_KEYS: ReadonlySet<string> = new Set(
  [...DOMAIN_WORDS].flatMap((word) => {
    const key = stem(word);
    return [key, nounKey(key)];
  }),
);

/** The key of a word standing as a plain noun in a knowledge label ("trains"); an inflected text word never matches it. */
export function nounKey(stem: string): string {
  return `~${stem}`;
}

/** The shared family of a key (nounKey("train") and "train" are one word for IDF). */
export function keyFamily(key: string): string {
  return key.startsWith('~') ? key.slice(1) : key;
}

/**
 * A plain noun form: not a verb inflection, and the stemmer took at most a plural ending off
 * ("trains", "records", "families"), not a derivational suffix ("development", "operations").
 */
export function isPlainNoun(token: Token): boolean {
  return !token.inflected && !token.stem.startsWith('=') && token.stem.length >= token.surface.length - 2;
}

/** The key a name matches on: the word exactly, never stemmed (so "solid" cannot match "Solidity"). */
export function exactKey(word: string): string {
  return `=${word}`;
}

/** Extra positions between two words a comma separates, and between two sentences (or clauses ended by ; : ! ?). */
export const COMMA_GAP = 1;
export const SENTENCE_GAP = 100;

/**
 * Lower-cases, tokenises, drops function words (and domain words unless `keepDomainWords`) and stems;
 * trailing dots are trimmed ("java." → "java", ".net" stays).
 * Positions count kept words, plus COMMA_GAP at a comma and SENTENCE_GAP at a sentence's end, so a phrase or
 * a window of words never runs across a sentence.
 * With `namesExact`, a word written with a capital letter (a name or an acronym in an ESCO label: "Solidity",
 * "LESS", "SAP R3") keys on its exact lower-case form instead of its stem.
 */
export function analyse(text: string, { namesExact = false, keepDomainWords = false } = {}): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  let gap = 0;
  const parts = text.split(/([^a-zA-Z0-9+#.]+)/);
  for (let i = 0; i < parts.length; i += 2) {
    const raw = parts[i];
    const separator = parts[i + 1] ?? '';
    const ends =
      /[;:!?\n]/.test(separator) || /[a-z0-9)]\.$/i.test(raw) ? SENTENCE_GAP : separator.includes(',') ? COMMA_GAP : 0;
    const word = raw
      .toLowerCase()
      .replace(/\.+$/, '')
      .replace(/^\.(?![a-z])/, '');
    const dropped =
      word.length === 0 ||
      FUNCTION_WORDS.has(word) ||
      (!keepDomainWords && DOMAIN_WORDS.has(word)) ||
      (word.length === 1 && !/[a-z0-9]/.test(word));
    if (!dropped) {
      const key = namesExact && /[A-Z]/.test(raw) ? exactKey(word) : stem(word);
      const inflected = /(ed|ing)$/.test(word) && key.length < word.length - 1 && !key.startsWith('=');
      position += gap;
      gap = 0;
      tokens.push({ stem: key, surface: word, position: position++, inflected });
    }
    gap = Math.max(gap, ends);
  }
  return tokens;
}

export function stems(text: string): string[] {
  return analyse(text).map((token) => token.stem);
}
