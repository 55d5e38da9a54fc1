import { describe, expect, it } from 'vitest';
import { type SearchHit, matchOccupations } from '../../src/catalogue/standard-occupations.js';
import { htmlToText } from '../../src/catalogue/ifate.js';

/** A search that answers each text from a table, as occupation search would rank it. */
const searchFrom =
  (table: Record<string, Array<[uri: string, score: number]>>) =>
  (text: string, first: number): SearchHit[] =>
    (table[text] ?? []).slice(0, first).map(([uri, score]) => ({ uri, preferredLabel: uri, score }));

describe('matchOccupations', () => {
  it('sums each text’s normalised hits (title 1, overview 0.5, n roles 1/√n each) and keeps the best and its close, twice-found rivals', () => {
    const search = searchFrom({
      'Payroll administrator': [
        ['clerk', 2],
        ['office', 1],
      ],
      'Process the payroll': [
        ['accountant', 3],
        ['clerk', 1.5],
      ],
      'Payroll officer': [['clerk', 2.5]],
      'Payroll assistant': [['office', 0.5]],
      'Assistant accountant': [['accountant', 2]],
      'Payroll team leader': [],
    });
    const matches = matchOccupations(
      {
        title: 'Payroll administrator (degree)',
        description: 'Process the payroll\n\nMore about the role.',
        jobRoles: ['Payroll officer', 'Payroll assistant', ' Assistant accountant', 'Payroll team leader'],
      },
      search,
    );
    // clerk: title 1 × 2/2 × 1 + overview 0.5 × 1.5/3 × 1 + role 0.5 × 2.5/2.5 × 1 = 1.75
    // accountant: overview 0.5 × 3/3 + role 0.5 × 2/2 = 1, found twice but under 0.75 × 1.75 = 1.3125: left out
    // office: title 1 × 1/2 × 1 + role 0.5 × 0.5/0.5 × min(1, 0.5) = 0.75
    expect(matches).toEqual([
      {
        uri: 'clerk',
        preferredLabel: 'clerk',
        score: 1.75,
        foundBy: ['title', 'overview', 'job role: Payroll officer'],
      },
    ]);
  });

  it('finds nothing when the best is weak and found by one text alone', () => {
    const search = searchFrom({
      'Abattoir worker': [
        ['forester', 0.5],
        ['slaughterer', 0.5],
      ],
    });
    expect(matchOccupations({ title: 'Abattoir worker', description: null, jobRoles: [] }, search)).toEqual([]);
  });

  it('keeps up to three: rivals within 0.75 of the best and found by two texts', () => {
    const search = searchFrom({
      'Water technician': [
        ['a', 2],
        ['b', 1.8],
        ['c', 1.6],
        ['d', 1.7],
      ],
      'Treat water': [
        ['b', 1],
        ['c', 1],
        ['d', 1],
        ['a', 1],
      ],
    });
    const matches = matchOccupations({ title: 'Water technician', description: 'Treat water', jobRoles: null }, search);
    // a 1 + 0.5 = 1.5; b 0.9 + 0.5 = 1.4; d 0.85 + 0.5 = 1.35; c 0.8 + 0.5 = 1.3: best three kept
    expect(matches.map((m) => [m.uri, m.score])).toEqual([
      ['a', 1.5],
      ['b', 1.4],
      ['d', 1.35],
    ]);
  });
});

describe('matchOccupations at the qualification’s level', () => {
  it('leaves out occupations more than two EQF levels away before choosing the best', () => {
    const search = searchFrom({
      'Fenestration installer': [
        ['supervisor', 2],
        ['installer', 1.8],
      ],
      'Install windows': [
        ['supervisor', 1],
        ['installer', 1],
      ],
    });
    const texts = { title: 'Fenestration installer', description: 'Install windows', jobRoles: [] };
    const levels: Record<string, number> = { supervisor: 6, installer: 4 };
    // Without a level: the supervisor (1 + 0.5 = 1.5) before the installer (0.9 + 0.5 = 1.4), both kept.
    expect(matchOccupations(texts, search, (uri) => levels[uri]).map((m) => m.uri)).toEqual([
      'supervisor',
      'installer',
    ]);
    // At EQF 3 (an RQF level 2 standard): the supervisor (EQF 6) is three away and goes.
    expect(
      matchOccupations({ ...texts, eqfLevel: 3 }, search, (uri) => levels[uri]).map((m) => [m.uri, m.score]),
    ).toEqual([['installer', 1.4]]);
    // An occupation of unknown level stays.
    expect(matchOccupations({ ...texts, eqfLevel: 3 }, search, () => null).map((m) => m.uri)).toEqual([
      'supervisor',
      'installer',
    ]);
  });
});

describe('htmlToText', () => {
  it('decodes the entity-escaped HTML the IfATE API sends, paragraphs and breaks as new lines', () => {
    expect(htmlToText('&lt;p&gt;Works in&#160;custody.&lt;br /&gt;&lt;br /&gt;It&#39;s &amp; more&lt;/p&gt;')).toBe(
      "Works in custody.\nIt's & more",
    );
  });
});
