import { describe, expect, it } from 'vitest';
import { SkillLinker } from '../../src/linking/linker.js';
import { windowCoverage } from '../../src/retrieval/labels.js';
import { COMMA_GAP, SENTENCE_GAP, analyse, isPlainNoun } from '../../src/retrieval/text.js';

// The false friends a counsellor met (issue 22): stems that join unrelated words, and labels pieced
// together from words strewn across a paragraph. Each case pairs the false friend with the true one.
const linker = new SkillLinker([
  {
    uri: 's:work-trains',
    preferredLabel: 'work trains',
    altLabels: ['track maintenance train'],
    skillType: 'knowledge',
  },
  { uri: 's:train-staff', preferredLabel: 'train staff', skillType: 'skill/competence' },
  { uri: 's:electrical', preferredLabel: 'electrical machines', altLabels: ['generators'], skillType: 'knowledge' },
  { uri: 's:general-nursing', preferredLabel: 'general nursing care', skillType: 'knowledge' },
  { uri: 's:manage-work', preferredLabel: 'manage work', skillType: 'skill/competence' },
  { uri: 's:assess-students', preferredLabel: 'assess students', skillType: 'skill/competence' },
  {
    uri: 's:forklift',
    preferredLabel: 'operate forklift',
    altLabels: ['use a forklift'],
    skillType: 'skill/competence',
  },
  { uri: 's:software-development', preferredLabel: 'software development', skillType: 'knowledge' },
  // As in ESCO, "use", "work" and "manage" stand in many labels, "forklift" in few.
  ...['use spreadsheets', 'use databases', 'use hand tools', 'use power tools', 'work in teams', 'work safely']
    .concat(['work at heights', 'manage budgets', 'manage staff', 'manage suppliers'])
    .map((label, i) => ({ uri: `s:filler-${i}`, preferredLabel: label, skillType: 'skill/competence' })),
]);
const suggested = (text: string) => linker.suggest(text).map((link) => link.uri);
const linked = (text: string) => linker.link(text, 10).map((link) => link.uri);

describe('matching words by what they mean, not their stem', () => {
  it('"trained" proposes training staff, never "work trains" (a noun of a knowledge label); "trains" does', () => {
    expect(linked('I trained new staff')).not.toContain('s:work-trains');
    expect(suggested('I trained new staff')).toEqual(['s:train-staff']);
    expect(suggested('I drove work trains on the night shift')).toContain('s:work-trains');
  });

  it('"general" never proposes "generators" (Porter2 keeps them apart); "generators" does', () => {
    expect(linked('a registered general nurse')).not.toContain('s:electrical');
    expect(suggested('I serviced diesel generators')).toEqual(['s:electrical']);
  });

  it('a derived noun still meets its verb: "developing software" names software development', () => {
    expect(suggested('I have been developing software for banks')).toContain('s:software-development');
  });
});

describe('suggestions name a skill, they do not piece it together', () => {
  it('words strewn across a sentence or split by a sentence end suggest nothing; standing together they do', () => {
    const strewn = 'I assess patients on the ward, dress wounds, keep records and supervise a student';
    expect(linked(strewn)).toContain('s:assess-students');
    expect(suggested(strewn)).not.toContain('s:assess-students');
    expect(suggested('I assess. Students came later')).not.toContain('s:assess-students');
    expect(suggested('I assess students')).toEqual(['s:assess-students']);
  });

  it('one generic word of a label does not name it ("manager" for "manage work"), a specific one does ("forklift")', () => {
    expect(linked('warehouse manager')).toContain('s:manage-work');
    expect(suggested('warehouse manager')).not.toContain('s:manage-work');
    expect(suggested('warehouse forklift driver')).toEqual(['s:forklift']);
  });

  it('says in the evidence how much of the label stood together', () => {
    const [link] = linker.link('I assess students', 1);
    expect(link.evidence).toMatchObject({ matchedLabel: 'assess students', labelCoverage: 1, nearbyCoverage: 1 });
  });
});

describe('text analysis for the surface checks', () => {
  it('marks verb inflections, leaves plain nouns, and puts gaps at commas and sentence ends', () => {
    const tokens = analyse('Trained staff, drove trains. Developing software');
    expect(tokens.map((t) => [t.surface, t.stem, t.position, t.inflected, isPlainNoun(t)])).toEqual([
      ['trained', 'train', 0, true, false],
      ['staff', 'staff', 1, false, true],
      ['drove', 'drove', 2 + COMMA_GAP, false, true],
      ['trains', 'train', 3 + COMMA_GAP, false, true],
      ['developing', 'develop', 4 + COMMA_GAP + SENTENCE_GAP, true, false],
      ['software', 'softwar', 5 + COMMA_GAP + SENTENCE_GAP, false, true],
    ]);
    expect(isPlainNoun(analyse('development')[0])).toBe(false);
  });

  it('windowCoverage is the best weight share within the window', () => {
    // Keys a (weight 1), b (weight 3): a at 0 and 10, b at 4. Window 5 holds a@0 and b@4 (4 − 0 < 5); window 4 does not.
    const positions = new Map([
      ['a', [0, 10]],
      ['b', [4]],
    ]);
    const weightOf = (key: string) => (key === 'a' ? 1 : 3);
    const label = { keys: ['a', 'b'], totalWeight: 4 };
    expect(windowCoverage(label, positions, weightOf, 5)).toBe(1);
    expect(windowCoverage(label, positions, weightOf, 4)).toBe(0.75);
    expect(windowCoverage(label, new Map([['a', [3]]]), weightOf, 4)).toBe(0.25);
  });
});
