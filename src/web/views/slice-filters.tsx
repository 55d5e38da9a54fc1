import type { ComponentChildren } from 'preact';
import { DemandSourcesDocument } from '../gql/graphql';
import type { ApiError } from '../api';
import { useQuery } from '../use-query';
import { navigate, paramsOf } from '../route';
import { byCode, sliceChoices } from '../sources';
import { FieldError } from './states';
import { num } from '../format';

/**
 * The slice a view asks about, picked by name from what the demand sources can answer (demandSources): sector,
 * region, period and occupation group, kept in the URL of `path`. The API's error for a field shows beside it.
 * Views add their own fields as children.
 */

export const SLICE_FIELDS = ['sector', 'region', 'period', 'occupationGroup'];

/** The slice's arguments from the URL (null when not given). */
export const sliceOf = (params: URLSearchParams) => ({
  sector: params.get('sector') || null,
  region: params.get('region') || null,
  period: params.get('period') || null,
  occupationGroup: params.get('occupationGroup') || null,
});

export function SliceFilters(props: {
  path: string;
  params: URLSearchParams;
  error: ApiError | null;
  /** URL parameters that belong to one slice only (the what-if), dropped when the slice changes. */
  dropOnChange?: string[];
  children?: ComponentChildren;
}) {
  const params = props.params;
  const sources = useQuery(DemandSourcesDocument, {});
  const choices = sources.status === 'done' ? sliceChoices(sources.data.demandSources) : [];
  const dropped = Object.fromEntries((props.dropOnChange ?? []).map((p) => [p, null]));
  const set = (key: string, value: string) => navigate(props.path, { ...paramsOf(params), ...dropped, [key]: value });
  const picker = (key: string, label: string, options: Array<{ code: string; name: string }>) => (
    <label>
      {label}
      <select name={key} value={params.get(key) ?? ''} onChange={(e) => set(key, e.currentTarget.value)}>
        <option value="">{key === 'period' ? 'latest' : `all ${label.toLowerCase()}s`}</option>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.code === o.name ? o.code : `${o.name} (${o.code})`}
          </option>
        ))}
      </select>
      <FieldError error={props.error} field={key} />
    </label>
  );
  return (
    <form class="filters" onSubmit={(e) => e.preventDefault()}>
      {picker('sector', 'Sector', byCode(choices.flatMap((c) => c.sectors)))}
      {picker('region', 'Region', byCode(choices.flatMap((c) => c.regions)))}
      {picker(
        'period',
        'Period',
        [...new Set(choices.flatMap((c) => c.periods))]
          .sort()
          .reverse()
          .map((p) => ({ code: p, name: p })),
      )}
      <label>
        Occupation group
        <input
          name="occupationGroup"
          list="occupation-groups"
          value={params.get('occupationGroup') ?? ''}
          placeholder="ISCO:7 or KLDB:32"
          onChange={(e) => set('occupationGroup', e.currentTarget.value.trim())}
        />
        <datalist id="occupation-groups">
          {byCode(choices.flatMap((c) => c.groups)).map((g) => (
            <option key={g.code} value={g.code} label={g.name} />
          ))}
        </datalist>
        <FieldError error={props.error} field="occupationGroup" />
      </label>
      {props.children}
    </form>
  );
}

/** A slice as the gap rows describe it (sectorSkillGaps' slice). */
interface SliceFacts {
  sectorName?: string | null;
  regionName?: string | null;
  period: string;
  occupationGroup?: string | null;
  total: number;
  unit: string;
  source?: string | null;
}

/** The slice in one line: sector, region, period, occupation group, its total with unit and source. */
export const SliceLine = (props: { slice: SliceFacts }) => (
  <p class="slice">
    {props.slice.sectorName ?? 'All sectors'} · {props.slice.regionName ?? 'all regions'} · {props.slice.period}
    {props.slice.occupationGroup ? ` · ${props.slice.occupationGroup}` : ''}: {num(props.slice.total)}{' '}
    {props.slice.unit} ({props.slice.source}).
  </p>
);

/** The dates the rows' evidence was retrieved, each once, for a CSV's provenance; null when none is stated. */
export const retrievedDates = (rows: Array<{ evidence: Array<{ retrievedOn?: string | null }> }>) =>
  [...new Set(rows.flatMap((g) => g.evidence.map((e) => e.retrievedOn)).filter(Boolean))].join(', ') || null;
