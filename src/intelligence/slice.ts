import type { ReferenceLists } from '../demand/reference.js';
import type { OccupationGroup, OccupationIndex, SignalInput } from './skill-demand.js';

/**
 * Which figures make up a slice (sector × region × period), chosen so nothing is counted twice. Pure.
 *
 * - One metric: the first the slice has of VACANCIES, JOB_ADS, EMPLOYMENT (unless asked), since
 *   persons and vacancies do not add up.
 * - One source for that metric: the one with the most published figures in the slice.
 * - Within it, the coarsest figures that answer the question: a national figure rather than the sum
 *   of its regions, a section's figure rather than its divisions', all sectors' figures when no sector
 *   is asked (or, when the source only has sector figures, their sum).
 */

export const METRIC_PREFERENCE = ['VACANCIES', 'JOB_ADS', 'EMPLOYMENT'];

export interface SliceQuery {
  sector: string | null;
  region: string | null;
  period: string;
  metric: string | null;
}

export function inSlice(
  signal: Pick<SignalInput, 'region' | 'sector'>,
  query: Pick<SliceQuery, 'region' | 'sector'>,
): boolean {
  if (query.region !== null && !signal.region.startsWith(query.region)) return false;
  if (query.sector !== null && (signal.sector === null || !signal.sector.startsWith(query.sector))) return false;
  return true;
}

export function selectSlice(
  candidates: SignalInput[],
  query: SliceQuery,
): { signals: SignalInput[]; metric: string | null; sourceId: string | null; note: string } {
  // Weights (an occupation mix, EU-wide job ads) shape splits; they are never the demand of a slice.
  const within = candidates.filter(
    (s) =>
      s.period === query.period &&
      inSlice(s, query) &&
      s.targetKind !== 'SKILL' &&
      s.metric !== 'OCCUPATION_MIX' &&
      s.region !== 'EU',
  );
  const metrics = [...new Set(within.map((s) => s.metric))];
  const metric = query.metric ?? METRIC_PREFERENCE.find((m) => metrics.includes(m)) ?? metrics.sort()[0] ?? null;
  if (metric === null) return { signals: [], metric: null, sourceId: null, note: 'no figures' };
  const ofMetric = within.filter((s) => s.metric === metric);
  const published = new Map<string, number>();
  for (const s of ofMetric) published.set(s.sourceId, (published.get(s.sourceId) ?? 0) + (s.value === null ? 0 : 1));
  const sourceId = [...published.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
  let signals = ofMetric.filter((s) => s.sourceId === sourceId);
  const levelOf = (s: SignalInput) => s.regionLevel ?? s.region.length;
  const coarsestRegion = Math.min(...signals.map(levelOf));
  signals = signals.filter((s) => levelOf(s) === coarsestRegion);
  if (query.sector === null) {
    if (signals.some((s) => s.sector === null)) signals = signals.filter((s) => s.sector === null);
  } else {
    const coarsestSector = Math.min(...signals.map((s) => s.sector!.length));
    signals = signals.filter((s) => s.sector!.length === coarsestSector);
  }
  const others = [...published.keys()].filter((id) => id !== sourceId);
  const note = `${metric} from ${sourceId}${others.length > 0 ? ` (also in the slice, not added to it: ${others.join(', ')})` : ''}; ${signals.length} figure(s) at region level ${coarsestRegion === 2 ? 'country' : `NUTS ${coarsestRegion - 2}`}`;
  return { signals, metric, sourceId, note };
}

/** The latest period before `period` in which the source has figures. */
export function previousPeriod(periods: string[], period: string): string | null {
  return (
    [...periods]
      .filter((p) => p < period && !p.includes('-'))
      .sort()
      .pop() ?? null
  );
}

export type RegionResolution = { ok: true; code: string | null; note: string | null } | { ok: false; reason: string };

/**
 * An asked region as a NUTS or country code: a NUTS/country code as it is, a German district (5-digit
 * AGS) as its NUTS 3 region, a German Land (2-digit AGS) as its NUTS 1 region.
 */
export function resolveRegion(region: string | null | undefined, refs: ReferenceLists): RegionResolution {
  if (region == null || region === '') return { ok: true, code: null, note: null };
  const code = region.trim().toUpperCase();
  if (refs.regions.has(code)) return { ok: true, code, note: null };
  if (/^\d{5}$/.test(code)) {
    const nuts3 = refs.districtNuts3.get(code);
    return nuts3
      ? { ok: true, code: nuts3, note: `German district ${code} = NUTS 3 ${nuts3}` }
      : { ok: false, reason: `unknown German district (AGS) '${code}'` };
  }
  if (/^\d{2}$/.test(code)) {
    const nuts1 = [...refs.districtNuts3.entries()].find(([ags]) => ags.startsWith(code))?.[1].slice(0, 3);
    return nuts1
      ? { ok: true, code: nuts1, note: `German Land ${code} = NUTS 1 ${nuts1}` }
      : { ok: false, reason: `unknown German Land code '${code}'` };
  }
  return {
    ok: false,
    reason: `unknown region '${region}': give a country (FR, EL), a NUTS 2016/2021 code (FR10, DE212) or a German district (AGS, e.g. 09162)`,
  };
}

export function resolveSector(
  sector: string | null | undefined,
  refs: ReferenceLists,
): { ok: true; code: string | null } | { ok: false; reason: string } {
  if (sector == null || sector === '') return { ok: true, code: null };
  const code = sector.trim().toUpperCase().replace('.', '');
  if (refs.sectors.has(code)) return { ok: true, code };
  return { ok: false, reason: `unknown NACE Rev.2 code '${sector}': give a section (F) or a division (F41)` };
}

/**
 * An asked occupation group: `ISCO:<1–4 digits>` (the ESCO occupations whose ISCO-08 unit group lies
 * within it) or `KLDB:<1–3 digits>` (the ESCO occupations the Bundesagentur für Arbeit's mapping maps
 * the job titles of the KldB 2010 groups within it to; KldB figures count only inside it).
 */
export function resolveOccupationGroup(
  group: string | null | undefined,
  index: OccupationIndex,
  refs: ReferenceLists,
  iscoLabel: (code: string) => string | null,
): { ok: true; group: OccupationGroup | null } | { ok: false; reason: string } {
  if (group == null || group === '') return { ok: true, group: null };
  const match = /^(ISCO|KLDB):(\d+)$/.exec(group.trim().toUpperCase());
  if (!match || (match[1] === 'ISCO' && match[2].length > 4) || (match[1] === 'KLDB' && match[2].length > 3))
    return {
      ok: false,
      reason: `'${group}' is not an occupation group: give ISCO:<1–4 digits> (ISCO:7, ISCO:721) or KLDB:<1–3 digits> (KLDB:32, KLDB:321)`,
    };
  const [, kind, code] = match;
  if (kind === 'ISCO') {
    const occupations = new Set(
      [...index.byUri.values()].filter((o) => o.iscoGroup?.startsWith(code)).map((o) => o.uri),
    );
    if (occupations.size === 0) return { ok: false, reason: `no ESCO occupation in ISCO-08 group ${code}` };
    const name = iscoLabel(code);
    return {
      ok: true,
      group: {
        code: `ISCO:${code}`,
        label: `ISCO-08 group ${code}${name ? ` (${name})` : ''}`,
        occupations,
        kldbPrefix: null,
      },
    };
  }
  if (refs.kldbToEsco.size === 0)
    return {
      ok: false,
      reason: 'KldB groups need the Bundesagentur für Arbeit’s KldB↔ESCO mapping beside the code lists',
    };
  const occupations = new Set(
    [...refs.kldbToEsco.entries()]
      .filter(([kldb]) => kldb.startsWith(code))
      .flatMap(([, mapped]) => [...mapped.keys()])
      .filter((uri) => index.byUri.has(uri)),
  );
  if (occupations.size === 0) return { ok: false, reason: `no ESCO occupation mapped from KldB 2010 group ${code}` };
  return {
    ok: true,
    group: {
      code: `KLDB:${code}`,
      label: `KldB 2010 group ${code}${refs.kldbNames.has(code) ? ` (${refs.kldbNames.get(code)})` : ''}`,
      occupations,
      kldbPrefix: code,
    },
  };
}
