import fc from 'fast-check';
import { expect } from 'vitest';
import { ImportError } from '../src/errors.js';
import type { GraphClient } from '../src/graph/client.js';
import { type GraphFingerprint, graphFingerprint } from './helpers.js';

/**
 * What the fuzzed tests (test/integration/fuzz-*.test.ts) draw inputs from: text as people and attackers
 * send it, and values of the wrong kind, so every reader, validator and write meets them.
 */

/** Text: any unicode, NUL bytes, lone surrogates, CSV's delimiters, Cypher and HTML injections, numbers as text. */
export function hostileText(maxLength = 30): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.constantFrom(
      '',
      ' ',
      '\u0000',
      'a\u0000b',
      '\ud800',
      '"',
      'a,b',
      'a|b',
      'line\nbreak',
      '1e308',
      'NaN',
      '<script>alert(1)</script>',
      "'; MATCH (n) DETACH DELETE n //",
    ),
  );
}

/** Numbers no field should take as they come: NaN and infinities (in JSON: null), huge, negative, past 2^53. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(1e308, -1e308, -1, -0, 2 ** 53 + 1, 2 ** 31),
);

/** Any value of the wrong kind for a field: text, a number, null, a list. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText(),
  hostileNumber,
  fc.constant(null),
  fc.array(hostileText(), { maxLength: 2 }),
);

/** A refused import as the fuzzed imports must refuse: an ImportError whose message starts with the file's name, and the graph as it was. */
export async function expectRefused(
  error: unknown,
  file: string,
  graph: GraphClient,
  before: GraphFingerprint,
): Promise<void> {
  expect(error).toBeInstanceOf(ImportError);
  expect((error as Error).message.startsWith(file)).toBe(true);
  expect(await graphFingerprint(graph)).toEqual(before);
}
