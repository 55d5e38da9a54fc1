import { buildSchema, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { coercionField } from '../../src/server/limits.js';
import { illFormedTextIn, isWellFormedText } from '../../src/text.js';

const schema = buildSchema(`
  input Funding { kind: String!, amount: Float }
  input Profile { years: Int, funding: Funding, skills: [String!] }
  type Query { save(id: ID!, input: Profile): Boolean }
`);

/** graphql-js' own message for a request's variables, as the hub's formatError receives it. */
async function messageFor(variableValues: Record<string, unknown>): Promise<string> {
  const result = await graphql({
    schema,
    source: 'query($id: ID!, $input: Profile) { save(id: $id, input: $input) }',
    variableValues,
  });
  expect(result.errors).toHaveLength(1);
  return result.errors![0].message;
}

describe('coercionField: the field a variable coercion error is about', () => {
  it('names the path within the variable, and the field left out or not defined', async () => {
    expect(coercionField(await messageFor({ id: 'a', input: { years: 1.5 } }))).toBe('input.years');
    expect(coercionField(await messageFor({ id: 'a', input: { funding: {} } }))).toBe('input.funding.kind');
    expect(coercionField(await messageFor({ id: 'a', input: { funding: { kind: 'X', colour: 1 } } }))).toBe(
      'input.funding.colour',
    );
    expect(coercionField(await messageFor({ id: 'a', input: { skills: ['a', null] } }))).toBe('input.skills[1]');
    expect(coercionField(await messageFor({ id: 'a', input: 'text' }))).toBe('input');
    expect(coercionField(await messageFor({}))).toBe('id');
  });

  it('names nothing for another error', () => {
    expect(coercionField('Cannot query field "x" on type "Query".')).toBeNull();
  });
});

describe('well-formed text', () => {
  it('refuses a lone surrogate of either half, and takes pairs, NUL and any other text', () => {
    expect(['\ud800', 'a\udfffb', '\ud83d'].map(isWellFormedText)).toEqual([false, false, false]);
    expect(['', 'a\u0000b', '😀', 'Zürich', '\ud83d\ude00'].map(isWellFormedText)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it('finds the first ill-formed text in a variable, by its path', () => {
    expect(illFormedTextIn({ input: { title: 'ok', skills: ['a', 'b\ud800'] } }, '')).toBe('input.skills[1]');
    expect(illFormedTextIn({ input: { title: 'ok', years: 3, skills: null } }, '')).toBeNull();
  });
});
