import { describe, expect, it } from 'vitest';
import { TaxonomySnapshot } from '../../src/taxonomy/snapshot.js';
import type { AnyConceptRow, TaxonomySummaryRow } from '../../src/taxonomy/store.js';

const base = { deprecated: false, lastSeenVersion: '1' };
const concepts: AnyConceptRow[] = [
  { ...base, kind: 'Skill', uri: 's:b', preferredLabel: 'bake bread', collections: ['green'] },
  { ...base, kind: 'Skill', uri: 's:a', preferredLabel: 'adjust ovens', collections: ['green', 'digital'] },
  { ...base, kind: 'Skill', uri: 's:old', preferredLabel: 'aaa old', collections: ['green'], deprecated: true },
  { ...base, kind: 'Occupation', uri: 'o:baker', preferredLabel: 'baker', collections: [], iscoGroup: '7512' },
  { ...base, kind: 'IscoGroup', uri: 'i:7512', preferredLabel: 'Bakers', code: '7512' },
];

const snapshot = new TaxonomySnapshot({
  stamp: '1@now',
  summary: {} as TaxonomySummaryRow,
  concepts,
  essential: [
    ['o:baker', 's:b'],
    ['o:baker', 's:a'],
    ['o:baker', 's:missing'],
  ],
  optional: [],
  broader: [['o:baker', 'i:7512']],
  related: [['s:a', 's:b', 'optional']],
});

describe('TaxonomySnapshot', () => {
  it('answers look-ups by kind, so a URI of another kind is not found', () => {
    expect(snapshot.concept('Skill', 's:a')?.preferredLabel).toBe('adjust ovens');
    expect(snapshot.concept('Occupation', 's:a')).toBeNull();
    expect(snapshot.iscoGroupByCode('7512')?.uri).toBe('i:7512');
  });

  it('orders relation lists by label and skips ends it does not have', () => {
    expect(snapshot.skillsOf('ESSENTIAL_SKILL', 'o:baker').map((s) => s.uri)).toEqual(['s:a', 's:b']);
    expect(snapshot.occupationsOf('ESSENTIAL_SKILL', 's:b').map((o) => o.uri)).toEqual(['o:baker']);
    expect(snapshot.skillsOf('OPTIONAL_SKILL', 'o:baker')).toEqual([]);
  });

  it('walks the hierarchy both ways and related skills from either end', () => {
    expect(snapshot.neighbours('up', 'o:baker').map((c) => c.uri)).toEqual(['i:7512']);
    expect(snapshot.neighbours('down', 'i:7512').map((c) => c.uri)).toEqual(['o:baker']);
    expect(snapshot.relatedSkills('s:b').map((r) => r.skill.uri)).toEqual(['s:a']);
    expect(snapshot.relatedSkills('s:a').map((r) => r.skill.uri)).toEqual(['s:b']);
  });

  it('lists collections without deprecated skills', () => {
    expect(snapshot.skillsInCollection('green').map((s) => s.uri)).toEqual(['s:a', 's:b']);
    expect(snapshot.skillsInCollection('digital').map((s) => s.uri)).toEqual(['s:a']);
  });
});
