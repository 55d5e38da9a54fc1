import { describe, expect, it } from 'vitest';
import { microCredentialRelevance, occupationRelevance, skillRelevance } from '../../src/intelligence/relevance.js';

describe('green and digital relevance', () => {
  const none = { collections: [] as string[] };
  const green = { collections: ['green'] };
  it('scores a skill 1 in the collection, 0.5 under a member, 0.25 above one, else 0', () => {
    expect(skillRelevance({ collections: ['green', 'digital'], broader: [], narrower: [] }, 'green')).toBe(1);
    expect(skillRelevance({ collections: [], broader: [green], narrower: [] }, 'green')).toBe(0.5);
    expect(skillRelevance({ collections: [], broader: [none], narrower: [green] }, 'green')).toBe(0.25);
    expect(skillRelevance({ collections: [], broader: [green], narrower: [] }, 'digital')).toBe(0);
  });
  it('weighs an occupation’s essential skills 1 and optional 0.5', () => {
    // (1 + 0 + 0.5 × 1) / (2 + 0.5) = 0.6
    expect(occupationRelevance([1, 0], [1])).toBe(0.6);
    expect(occupationRelevance([], [])).toBe(0);
  });
  it('weighs a micro-credential’s links by state, rejected links not at all', () => {
    // (1 × 1 + 0 × 0.5) / 1.5 = 0.6667
    expect(
      microCredentialRelevance([
        { skillUri: 'a', relevance: 1, state: 'ACCEPTED' },
        { skillUri: 'a', relevance: 1, state: 'SUGGESTED' }, // the same skill through another outcome: counted once, at its strongest link
        { skillUri: 'b', relevance: 0, state: 'SUGGESTED' },
        { skillUri: 'c', relevance: 1, state: 'REJECTED' },
      ]),
    ).toBe(0.6667);
    expect(microCredentialRelevance([])).toBe(0);
  });
});
