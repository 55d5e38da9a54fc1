import { describe, expect, it } from 'vitest';
import { evaluateQueries, heldOutDescriptions, heldOutTitles } from '../../src/linking/occupation-evaluation.js';
import { OccupationSearch, type SearchableOccupation } from '../../src/linking/occupation-search.js';

const occupations: SearchableOccupation[] = [
  {
    uri: 'o:electrician',
    preferredLabel: 'electrician',
    altLabels: ['electrical fitter'],
    description: 'Electricians install and maintain electrical wiring.',
    essentialSkills: ['s:wiring'],
  },
  {
    uri: 'o:domestic',
    preferredLabel: 'domestic electrician',
    altLabels: ['house electrician', 'electrician'],
    description: 'Domestic electricians install electrical systems in homes.',
    essentialSkills: ['s:wiring', 's:homes'],
  },
  {
    uri: 'o:forklift',
    preferredLabel: 'forklift operator',
    altLabels: ['forklift truck operator', 'lift truck operator'],
    description: 'Forklift operators move goods in warehouses.',
    essentialSkills: ['s:forklift', 's:storage'],
  },
  {
    uri: 'o:warehouse',
    preferredLabel: 'warehouse worker',
    altLabels: ['stock handler'],
    description: 'Warehouse workers receive, store and dispatch goods.',
    essentialSkills: ['s:storage'],
  },
  {
    uri: 'o:java',
    preferredLabel: 'software developer',
    altLabels: ['programmer', 'java developer'],
    description: 'Software developers write code.',
    essentialSkills: ['s:code'],
  },
  { uri: 'o:welder', preferredLabel: 'welder', description: 'Welders join metal parts.', essentialSkills: ['s:weld'] },
  {
    uri: 'o:teacher',
    preferredLabel: 'secondary school teacher',
    altLabels: ['high school teacher'],
    description: 'Teachers educate pupils.',
    essentialSkills: ['s:teach'],
  },
];
const vocabulary = [
  'operate forklift',
  'weld metal',
  'teach pupils',
  'drive vehicles',
  'write code',
  'program computers',
];
const search = new OccupationSearch(occupations, vocabulary);
const top = (text: string, options = {}) => search.search(text, { first: 3, ...options }).map((hit) => hit.uri);

describe('OccupationSearch', () => {
  it('ranks the exact preferred label first, above an occupation that has it as an alternative label', () => {
    const hits = search.search('electrician', { first: 3 });
    expect(hits.map((h) => h.uri)).toEqual(['o:electrician', 'o:domestic']);
    expect(hits[0].evidence).toMatchObject({
      matchedLabel: 'electrician',
      labelType: 'PREFERRED',
      exactLabel: true,
      labelCoverage: 1,
      queryCoverage: 1,
    });
    expect(hits[1].evidence).toMatchObject({ matchedLabel: 'electrician', labelType: 'ALTERNATIVE', exactLabel: true });
    // The exact bonus and the label-type weight: 1 + 0.5 against 0.95 × (1 + 0.5); description and skills add nothing here.
    expect(hits[0].evidence.labelScore).toBe(1.5);
    expect(hits[1].evidence.labelScore).toBe(1.425);
  });

  it('drops job-ad noise and expands abbreviations in titles', () => {
    expect(top('Senior Java Dev (m/w/d) - full time')[0]).toBe('o:java');
    const [hit] = search.search('Java Developer (m/f/d)', { first: 1 });
    expect(hit.evidence).toMatchObject({ matchedLabel: 'java developer', exactLabel: true });
  });

  it('stems and brings agent nouns and irregular verbs back to the verb', () => {
    expect(search.keys('drove')).toEqual(search.keys('drive'));
    expect(search.keys('welder')).toEqual(search.keys('weld'));
    expect(search.keys('teacher')).toEqual(search.keys('teaching'));
    expect(search.keys('programmer')).toEqual(search.keys('program'));
    // Not every word ending in -er is an agent noun: only those whose verb is a word of the taxonomy.
    expect(search.keys('water')).toEqual(['water']);
    expect(top('I welded steel frames')[0]).toBe('o:welder');
  });

  it('finds an occupation from a sentence about the work, through labels, description and skills', () => {
    const hits = search.search('I drove a forklift in a warehouse for six years', {
      first: 3,
      skills: [{ uri: 's:forklift', score: 2 }],
    });
    expect(hits[0].uri).toBe('o:forklift');
    expect(hits[0].evidence.skillScore).toBe(1);
    expect(hits[0].evidence.matchedSkills).toEqual([{ uri: 's:forklift', relation: 'ESSENTIAL' }]);
    // "forklift" and "warehouse" are the text's label words, one owner each of seven: equal weights, and the
    // forklift operator's labels hold one of the two.
    expect(hits[0].evidence.allLabelsCoverage).toBe(0.5);
    expect(hits[0].score).toBeCloseTo(
      hits[0].evidence.labelScore +
        0.6 * hits[0].evidence.allLabelsCoverage +
        0.3 * hits[0].evidence.descriptionScore +
        0.5 * hits[0].evidence.skillScore,
      2,
    );
    expect(hits.map((h) => h.uri)).toContain('o:warehouse');
  });

  it('lets all of an occupation’s labels explain a title together, above one label that fits a part of it', () => {
    const nurses = new OccupationSearch([
      { uri: 'o:general', preferredLabel: 'nurse responsible for general care', altLabels: ['ward nurse'] },
      { uri: 'o:assistant', preferredLabel: 'nurse assistant', altLabels: ['assistant nurse'] },
      { uri: 'o:vet', preferredLabel: 'veterinary nurse' },
      { uri: 'o:ward', preferredLabel: 'ward clerk' },
    ]);
    const hits = nurses.search('general ward nurse', { first: 4 });
    // "general" from the preferred label, "ward" and "nurse" from "ward nurse": all the text; the assistant's
    // labels hold "nurse" alone.
    expect(hits[0].uri).toBe('o:general');
    expect(hits[0].evidence.allLabelsCoverage).toBe(1);
    const weight = (owners: number) => Math.log(1 + (4 - owners + 0.5) / (owners + 0.5));
    const assistant = hits.find((h) => h.uri === 'o:assistant')!;
    expect(assistant.evidence.allLabelsCoverage).toBeCloseTo(weight(3) / (weight(1) + weight(2) + weight(3)), 3);
  });

  it('sets a label with a grade word the text lacks below one without ("assistant nurse" for "staff nurse")', () => {
    const nurses = new OccupationSearch([
      { uri: 'o:assistant', preferredLabel: 'nurse assistant', altLabels: ['assistant nurse'] },
      { uri: 'o:staff', preferredLabel: 'staff nurse' },
      { uri: 'o:clerk', preferredLabel: 'ward clerk' },
    ]);
    // "nurse" alone: both labels hold it; the assistant's also "assistant", which the text lacks (×0.7).
    const [staff, assistant] = nurses.search('nurse', { first: 2 });
    expect([staff.uri, assistant.uri]).toEqual(['o:staff', 'o:assistant']);
    const w = (owners: number) => Math.log(1 + (3 - owners + 0.5) / (owners + 0.5));
    // Each label: coverage² × (0.4 + 0.6 × query coverage 1) × type, ×1.2 when it ends with the text's head noun
    // "nurse"; "nurse" in 2 owners, the other words in 1. The assistant's best is its alternative "assistant
    // nurse": 0.95 × 1.2 × 0.7.
    const coverage = w(2) / (w(2) + w(1));
    expect(staff.evidence.labelScore).toBeCloseTo(coverage ** 2 * 1.2, 3);
    expect(assistant.evidence).toMatchObject({ matchedLabel: 'assistant nurse', labelType: 'ALTERNATIVE' });
    expect(assistant.evidence.labelScore).toBeCloseTo(coverage ** 2 * 0.95 * 1.2 * 0.7, 3);
    // Asked for, the grade word costs nothing.
    expect(nurses.search('assistant nurse', { first: 1 })[0].uri).toBe('o:assistant');
  });

  it('proposes an occupation through the skills alone when no label word is in the text', () => {
    const hits = search.search('I put things away neatly', { skills: [{ uri: 's:storage', score: 1 }] });
    expect(hits.map((h) => h.uri).sort()).toEqual(['o:forklift', 'o:warehouse']);
    expect(hits[0].evidence.matchedLabel).toBeNull();
  });

  it('hides an occupation’s label or description when asked, as the held-out evaluation needs', () => {
    expect(top('lift truck operator')[0]).toBe('o:forklift');
    const hidden = search.search('lift truck operator', {
      first: 3,
      exclude: { uri: 'o:forklift', labels: ['lift truck operator'] },
    });
    expect(hidden[0].uri).toBe('o:forklift');
    expect(hidden[0].evidence.matchedLabel).toBe('forklift truck operator');
    expect(search.search('stock handler', { exclude: { uri: 'o:warehouse', labels: ['stock handler'] } })).toEqual([]);
  });

  it('returns nothing for text with no known word', () => {
    expect(search.search('zzz qqq')).toEqual([]);
  });
});

describe('occupation search evaluation', () => {
  it('holds out one alternative label per occupation and the description after its first sentence', () => {
    const titles = heldOutTitles(occupations);
    // Occupations without an alternative label other than the preferred one give no title query.
    expect(titles.map((q) => q.gold[0])).toEqual([
      'o:electrician',
      'o:domestic',
      'o:forklift',
      'o:warehouse',
      'o:java',
      'o:teacher',
    ]);
    for (const query of titles) {
      const occupation = occupations.find((o) => o.uri === query.gold[0])!;
      expect(occupation.altLabels).toContain(query.text);
      expect(query.exclude).toEqual({ uri: occupation.uri, labels: [query.text] });
    }
    const descriptions = heldOutDescriptions([
      { uri: 'o:a', preferredLabel: 'a', description: 'Bakers bake bread. They knead dough. They sell it.' },
    ]);
    expect(descriptions).toEqual([
      { text: 'They knead dough. They sell it.', gold: ['o:a'], exclude: { uri: 'o:a', description: true } },
    ]);
  });

  it('counts a hit at rank 1, within 5 and within 10', () => {
    const result = evaluateQueries(
      't',
      [
        { text: 'electrician', gold: ['o:electrician'] },
        { text: 'electrician', gold: ['o:domestic'] },
        { text: 'electrician', gold: ['o:welder'] },
      ],
      (query) => search.search(query.text),
    );
    expect(result).toMatchObject({ queries: 3, acc1: 33.3, acc5: 66.7, acc10: 66.7 });
  });
});

describe('labelNamed', () => {
  const search = new OccupationSearch(occupations);
  const hit = (text: string, uri: string) => search.search(text, { first: 10 }).find((h) => h.uri === uri)!;

  it('is true when every word of the label stands together, in any order, at most one other word among them', () => {
    expect(hit('I was a forklift truck operator for years', 'o:forklift').evidence).toMatchObject({
      labelCoverage: 1,
      labelNamed: true,
    });
    expect(hit('a qualified electrician', 'o:electrician').evidence.labelNamed).toBe(true);
    expect(hit('I operated a forklift all day', 'o:forklift').evidence.labelNamed).toBe(true);
  });

  it('is false when every word of the label is there but strewn ("worker … warehouse")', () => {
    const strewn = hit(
      'I was a worker on the docks for ten years, then moved inland to a warehouse',
      'o:warehouse',
    ).evidence;
    expect(strewn.labelCoverage).toBe(1);
    expect(strewn.labelNamed).toBe(false);
  });
});
