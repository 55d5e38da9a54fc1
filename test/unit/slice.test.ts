import { describe, expect, it } from 'vitest';
import type { SignalInput } from '../../src/intelligence/skill-demand.js';
import { selectSlice } from '../../src/intelligence/slice.js';
import { signal } from './fixtures/demand.js';

/**
 * selectSlice: which figures make up a slice so that nothing is counted twice (slice.ts header). Each test
 * builds candidates where a wrong rule would add the same workers twice, and names the exact figures picked.
 */
const figure = (key: string, overrides: Partial<SignalInput> = {}): SignalInput =>
  signal({ key, value: 10, ...overrides });

const query = { sector: 'F', region: 'FR', period: '2024', metric: null };
const keys = (result: ReturnType<typeof selectSlice>) => result.signals.map((s) => s.key);

describe('selectSlice', () => {
  it('keeps only figures of the period, region and sector asked, never skill targets, occupation mixes or EU-wide weights', () => {
    const result = selectSlice(
      [
        figure('in'),
        figure('other-period', { period: '2023' }),
        figure('other-country', { region: 'DE' }),
        figure('other-sector', { sector: 'C' }),
        figure('no-sector', { sector: null }),
        figure('skill-target', { targetKind: 'SKILL', targetCode: 's1' }),
        figure('mix', { metric: 'OCCUPATION_MIX', sourceId: 'mix' }),
        figure('eu-weight', { region: 'EU' }),
        figure('division', { sector: 'F41', key: 'division' }),
      ],
      query,
    );
    // The division F41 is in the slice but coarser figures (the section) answer it: see below.
    expect(keys(result)).toEqual(['in']);
    expect(result).toMatchObject({ metric: 'EMPLOYMENT', sourceId: 'lfs' });
    expect(result.note).toBe('EMPLOYMENT from lfs; 1 figure(s) at region level country');
  });

  it('takes one metric: vacancies before job ads before employment, since persons and vacancies do not add up', () => {
    const candidates = [
      figure('employment'),
      figure('ads', { metric: 'JOB_ADS', sourceId: 'oja' }),
      figure('vacancies', { metric: 'VACANCIES', sourceId: 'pes' }),
    ];
    expect(keys(selectSlice(candidates, query))).toEqual(['vacancies']);
    expect(keys(selectSlice(candidates.slice(0, 2), query))).toEqual(['ads']);
    expect(selectSlice(candidates.slice(0, 2), query).metric).toBe('JOB_ADS');
    // A metric asked for wins over the preference.
    expect(keys(selectSlice(candidates, { ...query, metric: 'EMPLOYMENT' }))).toEqual(['employment']);
    // Without a preferred metric, the first by name.
    const others = [figure('shortage', { metric: 'SHORTAGE' }), figure('hires', { metric: 'HIRES' })];
    expect(selectSlice(others, query)).toMatchObject({ metric: 'HIRES', signals: [others[1]] });
  });

  it('says there are no figures when nothing is in the slice', () => {
    expect(selectSlice([figure('other-period', { period: '2023' })], query)).toEqual({
      signals: [],
      metric: null,
      sourceId: null,
      note: 'no figures',
    });
  });

  it('takes one source for the metric, the one with the most published figures, naming the others it left out', () => {
    const candidates = [
      figure('a1', { sourceId: 'a' }),
      figure('a2', { sourceId: 'a', targetCode: '8', value: null, reliability: 'NOT_PUBLISHED' }),
      figure('a3', { sourceId: 'a', targetCode: '9', value: null, reliability: 'NOT_PUBLISHED' }),
      figure('b1', { sourceId: 'b' }),
      figure('b2', { sourceId: 'b', targetCode: '8' }),
    ];
    // a has three figures but one published; b has two published: b, and a's figures are not added.
    const result = selectSlice(candidates, query);
    expect(keys(result)).toEqual(['b1', 'b2']);
    expect(result.note).toBe(
      'EMPLOYMENT from b (also in the slice, not added to it: a); 2 figure(s) at region level country',
    );
    // A tie in published figures goes to the first source by id.
    const tie = selectSlice([figure('z1', { sourceId: 'z' }), figure('c1', { sourceId: 'c' })], query);
    expect(keys(tie)).toEqual(['c1']);
    expect(tie.sourceId).toBe('c');
  });

  it('takes a national figure rather than the sum of its regions, and the regions when that is all there is', () => {
    const national = figure('FR');
    const regions = [
      figure('FR1', { region: 'FR1' }),
      figure('FR10', { region: 'FR10' }),
      figure('FRB', { region: 'FRB' }),
    ];
    expect(keys(selectSlice([national, ...regions], query))).toEqual(['FR']);
    const nuts1 = selectSlice(regions, query);
    expect(keys(nuts1)).toEqual(['FR1', 'FRB']);
    expect(nuts1.note).toBe('EMPLOYMENT from lfs; 2 figure(s) at region level NUTS 1');
    // A figure added up from districts keeps the level of its parts (regionLevel), not of its code.
    const summed = figure('DE2-sum', { region: 'DE2', regionLevel: 5 });
    const land = selectSlice([summed, figure('DE212', { region: 'DE212' })], { ...query, region: 'DE2' });
    expect(keys(land)).toEqual(['DE2-sum', 'DE212']);
    expect(land.note).toBe('EMPLOYMENT from lfs; 2 figure(s) at region level NUTS 3');
    expect(keys(selectSlice([summed, figure('DE21', { region: 'DE21' })], { ...query, region: 'DE2' }))).toEqual([
      'DE21',
    ]);
  });

  it("takes a section's figure rather than its divisions', and the divisions when the section has none", () => {
    const section = figure('F');
    const divisions = [figure('F41', { sector: 'F41' }), figure('F43', { sector: 'F43' })];
    expect(keys(selectSlice([...divisions, section], query))).toEqual(['F']);
    expect(keys(selectSlice(divisions, query))).toEqual(['F41', 'F43']);
    // Asking for a division takes that division only.
    expect(keys(selectSlice([section, ...divisions], { ...query, sector: 'F41' }))).toEqual(['F41']);
  });

  it("takes all sectors' figures when no sector is asked, or the sum of the sector figures when that is all the source has", () => {
    const total = figure('all', { sector: null });
    const sectors = [figure('F'), figure('C', { sector: 'C' }), figure('F41', { sector: 'F41' })];
    const all = { ...query, sector: null };
    expect(keys(selectSlice([...sectors, total], all))).toEqual(['all']);
    // Only sector figures: every one of them is the slice (a section and its division alike).
    expect(keys(selectSlice(sectors, all))).toEqual(['F', 'C', 'F41']);
  });

  it('applies the rules in order: metric, then source, then region level, then sector level', () => {
    const result = selectSlice(
      [
        figure('pes-FR1', { metric: 'VACANCIES', sourceId: 'pes', region: 'FR1' }),
        figure('pes-FR1-F41', { metric: 'VACANCIES', sourceId: 'pes', region: 'FR1', sector: 'F41' }),
        figure('pes-FR10', { metric: 'VACANCIES', sourceId: 'pes', region: 'FR10' }),
        figure('reg-FR', { metric: 'VACANCIES', sourceId: 'reg', value: null, reliability: 'NOT_PUBLISHED' }),
        figure('lfs-FR'),
      ],
      query,
    );
    expect(keys(result)).toEqual(['pes-FR1']);
    expect(result.note).toBe(
      'VACANCIES from pes (also in the slice, not added to it: reg); 1 figure(s) at region level NUTS 1',
    );
  });
});
