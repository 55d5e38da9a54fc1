import { describe, expect, it } from 'vitest';
import { type RouteDuties, carveFromRoutes } from '../../src/intelligence/standard-units.js';

const england = { issuerRegions: ['UKC', 'UKI'], issuerCountries: ['GB'] };
const reachesLondon = (where: RouteDuties['where']) => where.issuerRegions.some((r) => 'UKI'.startsWith(r));
const suggested = (skillUri: string, extra: { strong?: boolean; occupational?: boolean } = {}) => ({
  skillUri,
  state: 'SUGGESTED',
  ...extra,
});

const welder: RouteDuties = {
  id: 'ifate-1',
  title: 'Plate welder',
  eqfLevel: 3,
  where: england,
  duties: [
    // Teaches a and b (a strong suggestion, b a skill its occupation needs); c is a weak suggestion: not counted.
    {
      id: 'd1',
      text: 'Weld plates',
      links: [suggested('a', { strong: true }), suggested('b', { occupational: true }), suggested('c')],
    },
    // Teaches b again and d (accepted): picked second, for d alone.
    {
      id: 'd2',
      text: 'Inspect welds',
      links: [suggested('b', { occupational: true }), { skillUri: 'd', state: 'ACCEPTED' }],
    },
    // Adds nothing new: not picked.
    { id: 'd3', text: 'Keep records', links: [suggested('a', { strong: true })] },
  ],
};
const fitter: RouteDuties = {
  id: 'ifate-2',
  title: 'Fitter',
  eqfLevel: null,
  where: england,
  duties: [
    { id: 'e1', text: 'Fit parts', links: [suggested('a', { strong: true }), suggested('d', { strong: true })] },
    { id: 'e2', text: 'Read drawings', links: [{ skillUri: 'b', state: 'REJECTED' }] },
  ],
};
const scottish: RouteDuties = { ...welder, id: 'sc-1', where: { issuerRegions: ['UKM'], issuerCountries: ['GB'] } };

describe('carveFromRoutes', () => {
  it('picks the duties teaching most of the outline first, counts links as qualification coverage does, and keeps the fullest routes', () => {
    expect(carveFromRoutes(['d', 'b', 'a', 'x'], [fitter, welder, scottish], reachesLondon)).toEqual([
      {
        qualificationId: 'ifate-1',
        title: 'Plate welder',
        eqfLevel: 3,
        skills: ['d', 'b', 'a'],
        duties: [
          { id: 'd1', text: 'Weld plates', skills: ['b', 'a'] },
          { id: 'd2', text: 'Inspect welds', skills: ['d'] },
        ],
      },
      // Two skills (its rejected link to b does not count), in one duty.
      {
        qualificationId: 'ifate-2',
        title: 'Fitter',
        eqfLevel: null,
        skills: ['d', 'a'],
        duties: [{ id: 'e1', text: 'Fit parts', skills: ['d', 'a'] }],
      },
    ]);
  });

  it('needs two of the outline’s skills (one of an outline of one) and half of them, and a route reaching the region', () => {
    expect(carveFromRoutes(['c', 'a', 'y'], [welder], reachesLondon)).toEqual([]);
    // The fitter teaches a and d: half of four, not of five.
    expect(carveFromRoutes(['a', 'd', 'x', 'y'], [fitter], reachesLondon).map((u) => u.qualificationId)).toEqual([
      'ifate-2',
    ]);
    expect(carveFromRoutes(['a', 'd', 'x', 'y', 'z'], [fitter], reachesLondon)).toEqual([]);
    expect(carveFromRoutes(['a'], [welder], reachesLondon).map((u) => u.skills)).toEqual([['a']]);
    expect(carveFromRoutes(['a', 'b'], [scottish], reachesLondon)).toEqual([]);
  });
});
