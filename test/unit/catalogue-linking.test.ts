import { describe, expect, it } from 'vitest';
import { suggestLinks, titleSubject } from '../../src/catalogue/linking.js';
import { validateMicroCredential } from '../../src/catalogue/validation.js';
import { outcomesOf } from '../../src/catalogue/store.js';
import { SkillLinker } from '../../src/linking/linker.js';

const linker = new SkillLinker([
  { uri: 's:weld', preferredLabel: 'apply arc welding techniques', altLabels: ['arc welding'] },
  { uri: 's:align', preferredLabel: 'align components' },
  { uri: 's:serve', preferredLabel: 'assist customers' },
  { uri: 's:train', preferredLabel: 'develop training programmes' },
]);

function offer(learningOutcomes?: string[]) {
  const result = validateMicroCredential({
    id: 'mc',
    title: 'Arc welding for beginners',
    awardingBodies: ['School'],
    learningOutcomes,
  });
  if (!result.ok) throw new Error('fixture');
  return result.value;
}

describe('outcomesOf', () => {
  it('keeps stated outcomes, with ids that depend only on the text', () => {
    const outcomes = outcomesOf(offer(['Align components', 'Apply arc welding techniques', 'align components ']));
    expect(outcomes.map((o) => [o.text, o.stated])).toEqual([
      ['Align components', true],
      ['Apply arc welding techniques', true],
    ]);
    expect(outcomesOf(offer(['Apply arc welding techniques']))[0].id).toBe(outcomes[1].id);
  });

  it('stands the title in, marked as not stated, when the offer states no outcomes', () => {
    expect(outcomesOf(offer())).toEqual([
      { id: expect.stringMatching(/^mc#/), text: 'Arc welding for beginners', position: 0, stated: false },
    ]);
  });
});

describe('suggestLinks', () => {
  it('boosts skills of targeted occupations and says where a link came from', () => {
    const [fromTitle] = suggestLinks(linker, [
      { outcomeId: 'o1', text: 'Arc welding for beginners', stated: false, targetSkills: [] },
    ]);
    expect(fromTitle).toMatchObject({ skillUri: 's:weld', matchedText: 'arc welding' });
    expect(fromTitle.method).toContain('from the title');

    const plain = suggestLinks(linker, [
      { outcomeId: 'o2', text: 'Align components', stated: true, targetSkills: [] },
    ])[0];
    const boosted = suggestLinks(linker, [
      { outcomeId: 'o2', text: 'Align components', stated: true, targetSkills: ['s:align'] },
    ])[0];
    expect(boosted.score).toBeCloseTo(plain.score * 1.25, 2);
    expect(boosted.method).toContain('essential for a targeted occupation');
    expect(plain.method).not.toContain('title');
  });

  it('leaves out skills whose label is mostly absent from the text', () => {
    expect(suggestLinks(linker, [{ outcomeId: 'o3', text: 'customers', stated: true, targetSkills: [] }])).toEqual([]);
    expect(
      suggestLinks(linker, [{ outcomeId: 'o4', text: 'components of a car', stated: true, targetSkills: [] }]),
    ).toEqual([]);
    expect(
      suggestLinks(linker, [
        { outcomeId: 'o5', text: 'Apply arc welding to frames', stated: true, targetSkills: [] },
      ]).map((s) => s.skillUri),
    ).toEqual(['s:weld']);
  });

  it('marks strong evidence: every word of the preferred label; not an alternative label, however whole', () => {
    const senses = new SkillLinker([
      { uri: 's:weld', preferredLabel: 'apply arc welding techniques', altLabels: ['arc welding'] },
      { uri: 's:electricity', preferredLabel: 'electricity principles', altLabels: ['current'] },
    ]);
    const strength = (text: string) =>
      suggestLinks(senses, [{ outcomeId: 'o', text, stated: true, targetSkills: [] }]).map((s) => [
        s.skillUri,
        s.strong,
      ]);
    expect(strength('Apply arc welding techniques safely')).toEqual([['s:weld', true]]);
    // "arc welding" is a whole alternative label: suggested, not strong.
    expect(strength('Use arc welding on frames')).toEqual([['s:weld', false]]);
    // "current" is a whole alternative label of one word: suggested, but not strong.
    expect(strength('Keep up with current trends in the industry')).toEqual([['s:electricity', false]]);
    const [strong] = suggestLinks(senses, [
      { outcomeId: 'o', text: 'Apply arc welding techniques', stated: true, targetSkills: [] },
    ]);
    expect(strong.method).toContain('strong evidence: the whole preferred label');
  });

  it('links a title that stands in for outcomes through its subject, not through words naming the kind of offer', () => {
    expect(titleSubject('IKI training programme')).toBe('IKI');
    expect(titleSubject('International welding engineer (IWE)')).toBe('International welding (IWE)');
    expect(titleSubject('Levelling floors')).toBe('Levelling floors');
    expect(
      suggestLinks(linker, [{ outcomeId: 'o6', text: 'IKI training programme', stated: false, targetSkills: [] }]),
    ).toEqual([]);
    // Stated outcomes are linked as written: there "develop training programmes" is what the text says.
    expect(
      suggestLinks(linker, [
        { outcomeId: 'o7', text: 'Develop training programmes', stated: true, targetSkills: [] },
      ]).map((s) => s.skillUri),
    ).toEqual(['s:train']);
  });
});
