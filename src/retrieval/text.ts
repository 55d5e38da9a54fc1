import { createRequire } from 'node:module';

/**
 * Text analysis for skill linking, from natural's individual modules (its top-level import loads
 * database clients): a tokenizer that keeps "c++", "c#" and ".net", English stop words, Porter stems.
 */
const require = createRequire(import.meta.url);
const PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(word: string): string };
const { RegexpTokenizer } = require('natural/lib/natural/tokenizers/regexp_tokenizer.js') as {
  RegexpTokenizer: new (options: { pattern: RegExp; discardEmpty?: boolean }) => { tokenize(text: string): string[] };
};
const { words: naturalStopWords } = require('natural/lib/natural/util/stopwords.js') as { words: string[] };

const STOP_WORDS = new Set([
  ...naturalStopWords,
  'etc',
  'e.g',
  'i.e',
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
  'etc.',
]);

const tokenizer = new RegexpTokenizer({ pattern: /[^a-zA-Z0-9+#.]+/, discardEmpty: true });

export interface Token {
  /** The stem the index matches on. */
  stem: string;
  /** The word as written, for evidence. */
  surface: string;
  /** Position among the kept tokens, for phrase checks. */
  position: number;
}

const stemCache = new Map<string, string>();

function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = /[0-9+#.]/.test(word) ? word : PorterStemmer.stem(word);
    if (stemCache.size < 200_000) stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** The key a name matches on: the word exactly, never stemmed (so "solid" cannot match "Solidity"). */
export function exactKey(word: string): string {
  return `=${word}`;
}

/**
 * Lower-cases, tokenises, drops stop words and stems; trailing dots are trimmed ("java." → "java", ".net" stays).
 * With `namesExact`, a word written with a capital letter (a name or an acronym in an ESCO label: "Solidity",
 * "LESS", "SAP R3") keys on its exact lower-case form instead of its stem.
 */
export function analyse(text: string, { namesExact = false } = {}): Token[] {
  const tokens: Token[] = [];
  for (const raw of tokenizer.tokenize(text)) {
    const word = raw
      .toLowerCase()
      .replace(/\.+$/, '')
      .replace(/^\.(?![a-z])/, '');
    if (word.length === 0 || STOP_WORDS.has(word) || (word.length === 1 && !/[a-z0-9]/.test(word))) continue;
    const key = namesExact && /[A-Z]/.test(raw) ? exactKey(word) : stem(word);
    tokens.push({ stem: key, surface: word, position: tokens.length });
  }
  return tokens;
}

export function stems(text: string): string[] {
  return analyse(text).map((token) => token.stem);
}
