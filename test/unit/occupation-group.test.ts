import { describe, expect, it } from 'vitest';
import type { ReferenceLists } from '../../src/demand/reference.js';
import { rankSkillGaps } from '../../src/intelligence/gaps.js';
import { deriveOccupationDemand } from '../../src/intelligence/skill-demand.js';
import { resolveOccupationGroup } from '../../src/intelligence/slice.js';
import { index, signal, weights } from './fixtures/demand.js';

const occupationDemandOf = (result: ReturnType<typeof deriveOccupationDemand>) =>
  Object.fromEntries([...result.entries()].map(([uri, d]) => [uri, d.demand]).sort());

describe('an occupation group', () => {
  const group = (occupations: string[], kldbPrefix: string | null = null) => ({
    code: 'TEST',
    label: 'the test group',
    occupations: new Set(occupations),
    kldbPrefix,
  });

  it('keeps only the group’s occupations, its demand shares over the group’s part of the figures', () => {
    // 100 in major group 7: o1 37.5, o2 37.5, o3 25; the group {o1, o3} holds 62.5 of it.
    const { slice, gaps } = rankSkillGaps({
      slice: { sector: 'F', region: 'FR', period: '2024', metric: 'EMPLOYMENT' },
      signals: [signal({})],
      previous: null,
      offers: [],
      index,
      options: { ...weights, occupationGroup: group(['o1', 'o3']) },
    });
    expect(gaps.map((g) => [g.skillUri, g.demand, g.demandShare])).toEqual([
      ['s1', 37.5, 0.6],
      ['s2', 37.5, 0.6],
      ['s4', 25, 0.4],
      ['s3', 18.75, 0.3],
    ]);
    expect(slice).toMatchObject({ total: 62.5, occupationGroup: 'the test group' });
    expect(slice.methods).toEqual([
      'ISCO group 7 over its 2 unit groups in proportion to EU online job-ad counts, then evenly over the 3 ESCO occupations in them; only the 2 of them in the test group',
    ]);
  });

  it('counts a KldB figure only inside the KldB group asked, even for an occupation the group has', () => {
    const kldb = {
      ...weights,
      nationalMappings: {
        KLDB: {
          byGroup: new Map([
            ['321', new Map([['o1', 1]])],
            [
              '525',
              new Map([
                ['o1', 1],
                ['o3', 1],
              ]),
            ],
          ]),
          source: 'the test mapping',
        },
      },
      occupationGroup: group(['o1'], '32'),
    };
    const signals = [
      signal({ targetKind: 'KLDB', targetCode: '321', value: 10, sector: null }),
      signal({ targetKind: 'KLDB', targetCode: '525', value: 20, sector: null }),
    ];
    expect(occupationDemandOf(deriveOccupationDemand(signals, index, kldb))).toEqual({ o1: 10 });
    const { slice, gaps } = rankSkillGaps({
      slice: { sector: null, region: 'DE212', period: '2024', metric: 'VACANCIES' },
      signals,
      previous: null,
      offers: [],
      index,
      options: kldb,
    });
    expect(slice.total).toBe(10);
    expect(gaps.map((g) => [g.skillUri, g.demand, g.demandShare])).toEqual([
      ['s1', 10, 1],
      ['s2', 10, 1],
      ['s3', 5, 0.5],
    ]);
  });
});

describe('resolveOccupationGroup', () => {
  const refs = {
    kldbToEsco: new Map([
      ['321', new Map([['o1', 1]])],
      [
        '329',
        new Map([
          ['o2', 0.5],
          ['o-unknown', 1],
        ]),
      ],
      ['525', new Map([['o3', 1]])],
    ]),
    kldbNames: new Map([['3', 'Construction, architecture, surveying and technical building services']]),
  } as unknown as ReferenceLists;
  const label = (code: string) => (code === '71' ? 'Building and related trades workers' : null);

  it('reads ISCO and KldB groups, with their occupations', () => {
    expect(resolveOccupationGroup('ISCO:71', index, refs, label)).toEqual({
      ok: true,
      group: {
        code: 'ISCO:71',
        label: 'ISCO-08 group 71 (Building and related trades workers)',
        occupations: new Set(['o1', 'o2', 'o3']),
        kldbPrefix: null,
      },
    });
    expect(resolveOccupationGroup('kldb:32', index, refs, label)).toEqual({
      ok: true,
      group: { code: 'KLDB:32', label: 'KldB 2010 group 32', occupations: new Set(['o1', 'o2']), kldbPrefix: '32' },
    });
    // A group the KldB lists name carries its name.
    expect(resolveOccupationGroup('KLDB:3', index, refs, label)).toMatchObject({
      ok: true,
      group: { label: 'KldB 2010 group 3 (Construction, architecture, surveying and technical building services)' },
    });
    expect(resolveOccupationGroup(null, index, refs, label)).toEqual({ ok: true, group: null });
  });

  it('refuses a malformed code and a group without occupations, saying why', () => {
    expect(resolveOccupationGroup('ISCO:12345', index, refs, label)).toEqual({
      ok: false,
      reason:
        "'ISCO:12345' is not an occupation group: give ISCO:<1–4 digits> (ISCO:7, ISCO:721) or KLDB:<1–3 digits> (KLDB:32, KLDB:321)",
    });
    expect(resolveOccupationGroup('NACE:F', index, refs, label)).toMatchObject({ ok: false });
    expect(resolveOccupationGroup('ISCO:9', index, refs, label)).toEqual({
      ok: false,
      reason: 'no ESCO occupation in ISCO-08 group 9',
    });
    expect(resolveOccupationGroup('KLDB:41', index, refs, label)).toEqual({
      ok: false,
      reason: 'no ESCO occupation mapped from KldB 2010 group 41',
    });
  });
});
