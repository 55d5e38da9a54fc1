/**
 * Text the graph can store as sent. A JavaScript string may hold a lone UTF-16 surrogate (U+D800–U+DFFF
 * without its pair: JSON's "\ud800" gives one), which is not Unicode text: Neo4j stores strings as UTF-8
 * and would put U+FFFD in its place, so the record would not read back as sent. Such text is refused.
 */

/** With the u flag, a paired surrogate is one code point and does not match; a lone one does. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

export const ILL_FORMED_TEXT = 'must be valid Unicode text (it holds a lone surrogate, U+D800–U+DFFF)';

export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** The path (`input.title`, `input.skills[2]`) of the first ill-formed text in a value, or null. */
export function illFormedTextIn(value: unknown, at: string): string | null {
  if (typeof value === 'string') return isWellFormedText(value) ? null : at;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = illFormedTextIn(item, `${at}[${index}]`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = illFormedTextIn(item, at ? `${at}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}
