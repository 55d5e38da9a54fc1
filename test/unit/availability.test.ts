import { describe, expect, it } from 'vitest';
import type { CoverageEntry } from '../../src/demand/coverage.js';
import {
  type SourceCoverage,
  availability,
  coverageByMetric,
  periodRange,
} from '../../src/intelligence/availability.js';

/** Coverage as the shared sources have it, reduced to a few codes. */
const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
const entries = (metric: string, periods: string[], rest: Omit<CoverageEntry, 'metric' | 'period'>): CoverageEntry[] =>
  periods.map((period) => ({ metric, period, ...rest }));

const lfs: SourceCoverage = {
  id: 'eurostat-lfs',
  name: 'Eurostat LFS',
  entries: entries('EMPLOYMENT', years(2014, 2024), {
    regions: ['DE', 'FR'],
    sectors: [null, 'C', 'F', 'J'],
    targets: ['ISCO-1'],
  }),
};
const isco3: SourceCoverage = {
  id: 'eu-lfs-isco3',
  name: 'EU-LFS ISCO-3',
  entries: entries('EMPLOYMENT', years(2014, 2018), {
    regions: ['FR', 'IT', 'UK', 'UKI'],
    sectors: [null],
    targets: ['ISCO-3'],
  }),
};
const pes: SourceCoverage = {
  id: 'de-ba',
  name: 'German PES',
  entries: [
    ...entries('VACANCIES', years(2021, 2025), { regions: ['DE212', 'DE300'], sectors: [null], targets: ['KLDB-3'] }),
    ...entries('UNEMPLOYED', years(2021, 2025), { regions: ['DE212', 'DE300'], sectors: [null], targets: ['KLDB-3'] }),
  ],
};
const jobAds: SourceCoverage = {
  id: 'eu-job-ads',
  name: 'EU job ads',
  entries: entries('JOB_ADS', ['2019-2020'], { regions: ['EU'], sectors: [null], targets: ['ISCO-4'] }),
};
const mix: SourceCoverage = {
  id: 'us-sector-mix',
  name: 'US mix',
  entries: entries('OCCUPATION_MIX', ['2024'], { regions: ['US'], sectors: ['F'], targets: ['OCCUPATION'] }),
};
const all = [lfs, isco3, pes, jobAds, mix];
const ask = (query: Partial<Parameters<typeof availability>[1]>) =>
  availability(all, { region: null, sector: null, period: null, metric: null, ...query });

describe('availability: the default period', () => {
  it('is the latest year with figures for the slice, not the latest of any source', () => {
    expect(ask({ sector: 'F', region: 'FR' })).toEqual({
      ok: true,
      period: '2024',
      periods: years(2014, 2024),
      sources: ['eurostat-lfs'],
    });
    expect(ask({ region: 'DE212' })).toMatchObject({ ok: true, period: '2025', sources: ['de-ba'] });
    expect(ask({ region: 'FR' })).toMatchObject({ ok: true, period: '2024', sources: ['eurostat-lfs'] });
    expect(ask({ region: 'FR', period: '2016' })).toMatchObject({
      ok: true,
      period: '2016',
      sources: ['eurostat-lfs', 'eu-lfs-isco3'],
    });
  });

  it('follows an asked metric, and a region inside the asked one answers it', () => {
    expect(ask({ region: 'DE', metric: 'UNEMPLOYED' })).toMatchObject({ ok: true, period: '2025', sources: ['de-ba'] });
    expect(ask({ region: 'UK' })).toMatchObject({ ok: true, period: '2018', sources: ['eu-lfs-isco3'] });
  });

  it('defaults to the latest year of a demand metric the slice would choose, not of the unemployed alone', () => {
    const unemployedLater: SourceCoverage = {
      id: 'pes',
      name: 'PES',
      entries: [
        ...entries('VACANCIES', ['2023', '2024'], { regions: ['AT'], sectors: [null], targets: ['ISCO-4'] }),
        ...entries('UNEMPLOYED', ['2023', '2024', '2025'], { regions: ['AT'], sectors: [null], targets: ['ISCO-4'] }),
      ],
    };
    const query = { region: 'AT', sector: null, period: null, metric: null };
    expect(availability([unemployedLater], query)).toMatchObject({ ok: true, period: '2024' });
    expect(availability([unemployedLater], { ...query, metric: 'UNEMPLOYED' })).toMatchObject({
      ok: true,
      period: '2025',
    });
    expect(availability([unemployedLater], { ...query, period: '2025' })).toMatchObject({ ok: true, period: '2025' });
  });

  it('never takes an occupation mix or an EU-wide weight for a slice', () => {
    expect(availability([jobAds, mix], { region: null, sector: null, period: null, metric: null })).toEqual({
      ok: false,
      field: 'period',
      reason: 'no demand data imported yet (npm run hub -- import demand …)',
    });
  });
});

describe('availability: the argument at fault, in terms of the data', () => {
  it('an unknown metric', () => {
    expect(ask({ metric: 'VACANCY' })).toEqual({
      ok: false,
      field: 'metric',
      reason:
        "unknown metric 'VACANCY' (one of EMPLOYMENT, VACANCIES, JOB_ADS, UNEMPLOYED, FORECAST_CHANGE, SHORTAGE, AUTOMATION_RISK, EMPLOYER_NEED)",
    });
  });

  it('a region finer than any source there', () => {
    expect(ask({ sector: 'F', region: 'FR10', period: '2024' })).toEqual({
      ok: false,
      field: 'region',
      reason: 'no figures for FR10: Eurostat LFS gives countries (FR); EU-LFS ISCO-3 gives countries (FR)',
    });
  });

  it('a sector finer than the sources give', () => {
    expect(ask({ sector: 'F43', region: 'FR' })).toEqual({
      ok: false,
      field: 'sector',
      reason:
        'F43: the only source with sectors for FR is Eurostat LFS, which gives sections: F; EU-LFS ISCO-3 has no sector',
    });
  });

  it('a sector in a region whose only source has no sectors, pointing to the country figures', () => {
    expect(ask({ sector: 'F', region: 'DE212' })).toEqual({
      ok: false,
      field: 'sector',
      reason: 'F: German PES has no sector; Eurostat LFS has F for DE as a whole',
    });
  });

  it('a metric the sources of the slice do not have', () => {
    expect(ask({ sector: 'F', region: 'FR', metric: 'VACANCIES' })).toEqual({
      ok: false,
      field: 'metric',
      reason: 'no VACANCIES figures for sector F × FR: Eurostat LFS gives EMPLOYMENT',
    });
  });

  it('a period the sources of the slice do not have, with the periods they do', () => {
    expect(ask({ sector: 'F', region: 'FR', period: '2025' })).toEqual({
      ok: false,
      field: 'period',
      reason: 'no figures for sector F × FR in 2025: Eurostat LFS has 2014–2024',
    });
  });

  it('a region where no source has figures, anywhere in its country', () => {
    expect(ask({ region: 'ES' })).toEqual({
      ok: false,
      field: 'region',
      reason:
        'no figures for ES or anywhere in ES; figures exist for Eurostat LFS: countries (DE, FR); ' +
        'EU-LFS ISCO-3: countries and NUTS 1 regions (FR, IT, UK, UKI); German PES: NUTS 3 regions (DE212, DE300)',
    });
  });
});

describe('periodRange', () => {
  it('writes a run of three or more years as a range, anything else as a list', () => {
    expect(periodRange(['2016', '2014', '2015'])).toBe('2014–2016');
    expect(periodRange(['2023', '2024'])).toBe('2023, 2024');
    expect(periodRange(['2019-2020', '2023', '2024'])).toBe('2019-2020, 2023, 2024');
    expect(periodRange(['2014', '2016', '2017'])).toBe('2014, 2016, 2017');
  });
});

describe('coverageByMetric', () => {
  it('gathers a source’s entries per metric over its periods, sectors apart from all-sector figures', () => {
    expect(coverageByMetric([...pes.entries, ...lfs.entries.slice(0, 2)])).toEqual([
      {
        metric: 'EMPLOYMENT',
        periods: ['2014', '2015'],
        regions: ['DE', 'FR'],
        sectors: ['C', 'F', 'J'],
        allSectors: true,
        targets: ['ISCO-1'],
      },
      {
        metric: 'UNEMPLOYED',
        periods: years(2021, 2025),
        regions: ['DE212', 'DE300'],
        sectors: [],
        allSectors: true,
        targets: ['KLDB-3'],
      },
      {
        metric: 'VACANCIES',
        periods: years(2021, 2025),
        regions: ['DE212', 'DE300'],
        sectors: [],
        allSectors: true,
        targets: ['KLDB-3'],
      },
    ]);
  });
});
