import { describe, expect, it } from 'vitest';
import { rPrecisionAtK } from '../../src/linking/evaluation.js';
import { SkillLinker } from '../../src/linking/linker.js';

const linker = new SkillLinker([
  {
    uri: 's:python',
    preferredLabel: 'Python (computer programming)',
    altLabels: ['python scripting'],
    description: 'The techniques of software development in Python.',
    occupationCount: 5,
  },
  {
    uri: 's:programming',
    preferredLabel: 'computer programming',
    altLabels: ['coding'],
    description: 'Writing code for computers.',
    occupationCount: 40,
  },
  {
    uri: 's:customer',
    preferredLabel: 'provide customer service',
    altLabels: ['serve customers', 'customer care'],
    occupationCount: 100,
  },
  {
    uri: 's:weld',
    preferredLabel: 'apply arc welding techniques',
    altLabels: ['arc welding'],
    hiddenLabels: ['arc-welding'],
    occupationCount: 3,
  },
  { uri: 's:snake', preferredLabel: 'handle snakes', altLabels: ['python handling'], occupationCount: 1 },
  { uri: 's:solidity', preferredLabel: 'Solidity', occupationCount: 1 },
  { uri: 's:troubleshoot', preferredLabel: 'support ICT systems', occupationCount: 10 },
  {
    uri: 's:website',
    preferredLabel: 'troubleshoot website',
    broaderSkills: ['s:troubleshoot', 's:not-current'],
    occupationCount: 2,
  },
]);

describe('SkillLinker', () => {
  it('ranks the skill whose whole label stands in the text first, and says which words matched', () => {
    const [top, second] = linker.link('We need someone who knows computer programming and some Python.', 5);
    expect(top.uri).toBe('s:programming');
    expect(top.evidence).toMatchObject({
      matchedLabel: 'computer programming',
      labelType: 'PREFERRED',
      labelCoverage: 1,
      phraseMatch: true,
      matchedText: 'computer programming',
    });
    expect(second.uri).toBe('s:python');
    expect(top.score).toBeGreaterThan(second.score);
  });

  it('matches alternative labels and stems word forms', () => {
    const [top] = linker.link('Serving customers at the counter', 3);
    expect(top.uri).toBe('s:customer');
    expect(top.evidence.labelType).toBe('ALTERNATIVE');
    expect(top.evidence.matchedLabel).toBe('serve customers');
  });

  it('prefers a full label over a partial one that shares a rare word', () => {
    const links = linker.link('arc welding of steel frames', 5);
    expect(links[0].uri).toBe('s:weld');
    expect(links[0].evidence.phraseMatch).toBe(true);
  });

  it('returns nothing for text with no indexed word, and respects first', () => {
    expect(linker.link('the and of with', 5)).toEqual([]);
    expect(linker.link('python programming customer welding', 2)).toHaveLength(2);
  });

  it('explains every score with its parts', () => {
    const [link] = linker.link('python scripting', 1);
    expect(link.evidence.method).toMatch(/label-coverage/);
    expect(link.evidence.prior).toBeCloseTo(1 + 0.05 * Math.log1p(5), 3);
    expect(link.score).toBeCloseTo(
      (link.evidence.labelScore + 0.15 * link.evidence.descriptionScore) * link.evidence.prior,
      2,
    );
    expect(link.evidence).toMatchObject({ hierarchyScore: 0, viaNarrowerSkill: null });
  });

  it('matches a name only as written, never through its stem', () => {
    expect(linker.link('solid experience with welding', 5).map((link) => link.uri)).not.toContain('s:solidity');
    expect(linker.link('Solidity smart contracts', 1)[0].uri).toBe('s:solidity');
  });

  it('credits the broader skill of a matched skill, and says through which one', () => {
    const links = linker.link('troubleshoot our website', 5);
    expect(links.map((link) => link.uri)).toEqual(['s:website', 's:troubleshoot']);
    const [narrower, broader] = links;
    expect(broader.evidence).toMatchObject({
      labelScore: 0,
      labelCoverage: 0,
      matchedLabel: 'troubleshoot website',
      viaNarrowerSkill: { uri: 's:website' },
    });
    expect(broader.evidence.hierarchyScore).toBeCloseTo(0.2 * narrower.score, 2);
    expect(broader.score).toBeCloseTo(broader.evidence.hierarchyScore, 3);
  });
});

describe('rPrecisionAtK', () => {
  it('divides hits in the top K by min(K, gold size)', () => {
    expect(rPrecisionAtK(['a', 'b', 'c'], new Set(['a', 'c']), 5)).toBe(1);
    expect(rPrecisionAtK(['x', 'b', 'c'], new Set(['a', 'c']), 5)).toBe(0.5);
    expect(rPrecisionAtK(['a', 'b', 'c', 'd', 'e', 'f'], new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g']), 5)).toBe(1);
    expect(rPrecisionAtK(['z', 'y', 'x', 'w', 'v', 'f'], new Set(['f']), 5)).toBe(0);
  });
});
