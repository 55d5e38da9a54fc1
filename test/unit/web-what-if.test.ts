import { describe, expect, it } from 'vitest';
import { compareRankings, factorError, NEW_OFFER_ID, whatIfOf } from '../../src/web/what-if.js';

describe('the gap view’s what-if', () => {
  it('reads the change from the URL: one new offer in the slice’s region, retired offers, an ISCO shift; none when the URL states none', () => {
    const params = new URLSearchParams({ teach: 'u:1  u:2', retire: 'o:9', shiftIsco: ' 7212 ', factor: '0.5' });
    expect(whatIfOf(params, 'HR04')).toEqual({
      newOffers: [
        {
          id: NEW_OFFER_ID,
          title: 'A new offer teaching the chosen skills',
          skills: ['u:1', 'u:2'],
          regions: ['HR04'],
        },
      ],
      retireOffers: ['o:9'],
      demandShifts: [{ isco: '7212', factor: 0.5 }],
    });
    expect(whatIfOf(new URLSearchParams({ sector: 'F', teach: '', shiftIsco: '' }), 'HR04')).toBeNull();
  });

  it('offers the new offer online when the slice has no region, and refuses a factor that is no number or below 0 before asking', () => {
    expect(whatIfOf(new URLSearchParams({ teach: 'u:1' }), null)?.newOffers).toEqual([
      { id: NEW_OFFER_ID, title: 'A new offer teaching the chosen skills', skills: ['u:1'], online: true },
    ]);
    const lots = whatIfOf(new URLSearchParams({ shiftIsco: '7', factor: 'lots' }), null);
    expect(lots?.demandShifts?.[0].factor).toBeNaN();
    expect(factorError(lots)).toBe('The factor must be a number, 0 or more (1.2 = 20 % more demand).');
    expect(factorError(whatIfOf(new URLSearchParams({ shiftIsco: '7', factor: '-1' }), null))).toBe(
      'The factor must be a number, 0 or more (1.2 = 20 % more demand).',
    );
    expect(factorError(whatIfOf(new URLSearchParams({ shiftIsco: '7', factor: '0' }), null))).toBeNull();
    expect(factorError(null)).toBeNull();
  });

  it('lines the rankings up by skill: after’s order first with places moved, then the skills that left the list', () => {
    const before = [
      { rank: 1, uri: 'a', label: 'A', gapScore: 0.5 },
      { rank: 2, uri: 'b', label: 'B', gapScore: 0.3 },
      { rank: 3, uri: 'c', label: 'C', gapScore: 0.2 },
    ];
    const after = [
      { rank: 1, uri: 'b', label: 'B', gapScore: 0.3 },
      { rank: 2, uri: 'c', label: 'C', gapScore: 0.2 },
      { rank: 3, uri: 'd', label: 'D', gapScore: 0.1 },
    ];
    expect(compareRankings(before, after)).toEqual([
      { uri: 'b', label: 'B', before: { rank: 2, gapScore: 0.3 }, after: { rank: 1, gapScore: 0.3 }, moved: 1 },
      { uri: 'c', label: 'C', before: { rank: 3, gapScore: 0.2 }, after: { rank: 2, gapScore: 0.2 }, moved: 1 },
      { uri: 'd', label: 'D', before: null, after: { rank: 3, gapScore: 0.1 }, moved: null },
      { uri: 'a', label: 'A', before: { rank: 1, gapScore: 0.5 }, after: null, moved: null },
    ]);
  });
});
