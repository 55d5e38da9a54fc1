import { useState } from 'preact/hooks';
import { GapSeriesDocument, SkillGapsDocument, type GapRanking, type SkillGapsQuery } from '../gql/graphql';
import { useQuery } from '../use-query';
import { navigate, paramsOf } from '../route';
import { Term } from '../glossary';
import { download, toCsv } from '../csv';
import { num, pct, signed } from '../format';
import { DownloadCsv, Failure, FieldError, Loading, ScrollingTable } from './states';
import { WhatIfPanel } from './what-if';
import { WHAT_IF_PARAMS } from '../what-if';
import { TrendChart } from './trend-chart';
import { retrievedDates, SLICE_FIELDS, SliceFilters, SliceLine, sliceOf } from './slice-filters';

/**
 * Skill gaps of a slice (sectorSkillGaps): sector, region, period, occupation group and ranking from the URL,
 * pickers by name; each row opens its explanation, its evidence (the source rows with values and flags, the
 * occupations they flowed through) and the offers that cover it, with the reliability caveat beside the number.
 */

type Gap = SkillGapsQuery['sectorSkillGaps'][number];
const RANKINGS: Array<{ value: GapRanking; label: string }> = [
  { value: 'GAP', label: 'Gap score' },
  { value: 'SHORTAGE', label: 'Shortage (vacancies per unemployed)' },
  { value: 'SPECIFICITY', label: 'Specific to the slice' },
];
const FIRST = 25;
/** From this share of low-reliability figures a row carries the caution mark. */
const CAUTION = 0.2;

export function GapsView(props: { params: URLSearchParams }) {
  const params = props.params;
  const variables = {
    ...sliceOf(params),
    rankBy: (params.get('rankBy') as GapRanking | null) || null,
    first: FIRST,
  };
  const gaps = useQuery(SkillGapsDocument, variables);
  const error = gaps.status === 'error' ? gaps.error : null;
  return (
    <section>
      <h1>Skill gaps</h1>
      <p class="lead">
        Skills the slice’s occupations need, ranked by the demand no quality-assured offer reaching the region covers.
      </p>
      <SliceFilters path="/gaps" params={params} error={error} dropOnChange={WHAT_IF_PARAMS}>
        <label>
          Ranking
          <select
            name="rankBy"
            value={params.get('rankBy') ?? 'GAP'}
            onChange={(e) => navigate('/gaps', { ...paramsOf(params), rankBy: e.currentTarget.value })}
          >
            {RANKINGS.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
          <FieldError error={error} field="rankBy" />
        </label>
      </SliceFilters>
      {gaps.status === 'loading' && <Loading what="the ranking" />}
      {error && ![...SLICE_FIELDS, 'rankBy'].includes(error.field ?? '') && <Failure error={error} />}
      {gaps.status === 'done' && (
        <GapTable gaps={gaps.data.sectorSkillGaps} variables={variables} slice={sliceOf(params)} />
      )}
      {gaps.status === 'done' && gaps.data.sectorSkillGaps.length > 0 && (
        <WhatIfPanel gaps={gaps.data.sectorSkillGaps} variables={variables} params={params} />
      )}
    </section>
  );
}

function GapTable(props: { gaps: Gap[]; variables: Record<string, unknown>; slice: ReturnType<typeof sliceOf> }) {
  const [open, setOpen] = useState<string | null>(null);
  if (props.gaps.length === 0)
    return <p class="empty">No skill has demand in this slice. Try another period or a wider region.</p>;
  const slice = props.gaps[0].slice;
  const csv = () =>
    download(
      `skill-gaps-${[slice.sector, slice.region, slice.period].filter(Boolean).join('-')}.csv`,
      toCsv(
        {
          source: slice.source ?? 'demand sources',
          retrieved: retrievedDates(props.gaps),
          query: `${location.href} · sectorSkillGaps(${JSON.stringify(props.variables)})`,
        },
        [
          'rank',
          'skill',
          'skill uri',
          'demand',
          'unit',
          'demand share',
          'trend',
          'coverage',
          'gap score',
          'low-reliability share',
        ],
        props.gaps.map((g) => [
          g.rank,
          g.skill?.preferredLabel,
          g.skill?.uri,
          g.demand,
          slice.unit,
          g.demandShare,
          g.trend,
          g.coverage,
          g.gapScore,
          g.lowReliabilityShare,
        ]),
      ),
    );
  return (
    <>
      <SliceLine slice={slice} />
      <div class="table-wrap">
        <table class="gaps">
          <caption>
            The first {props.gaps.length} skills. <Term id="demand-share">Demand share</Term>,{' '}
            <Term id="coverage">coverage</Term> and <Term id="gap-score">gap score</Term>; ⚠ marks rows where at least{' '}
            {pct(CAUTION, 0)} of the demand comes from <Term id="reliability">low-reliability</Term> figures.
          </caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Skill</th>
              <th scope="col">Demand ({slice.unit})</th>
              <th scope="col">Share</th>
              <th scope="col">Trend</th>
              <th scope="col">Coverage</th>
              <th scope="col">Gap score</th>
            </tr>
          </thead>
          <tbody>
            {props.gaps.map((g) => {
              const id = g.skill?.uri ?? String(g.rank);
              const isOpen = open === id;
              return [
                <tr key={id} class={isOpen ? 'open' : ''}>
                  <td>{g.rank}</td>
                  <th scope="row">
                    <button
                      type="button"
                      class="link"
                      aria-expanded={isOpen}
                      onClick={() => setOpen(isOpen ? null : id)}
                    >
                      {g.skill?.preferredLabel ?? 'unknown skill'}
                    </button>
                  </th>
                  <td>{num(g.demand)}</td>
                  <td>{pct(g.demandShare)}</td>
                  <td title={g.trendNote}>{signed(g.trend)}</td>
                  <td>{pct(g.coverage, 0)}</td>
                  <td>
                    {g.gapScore.toFixed(3)}
                    {g.lowReliabilityShare >= CAUTION && (
                      <span
                        class="caution"
                        title={`${pct(g.lowReliabilityShare, 0)} of this demand comes from low-reliability figures`}
                      >
                        {' '}
                        ⚠ {pct(g.lowReliabilityShare, 0)} low reliability
                      </span>
                    )}
                  </td>
                </tr>,
                isOpen && (
                  <tr key={`${id}-detail`} class="detail">
                    <td colSpan={7}>
                      <Evidence gap={g} slice={props.slice} />
                    </td>
                  </tr>
                ),
              ];
            })}
          </tbody>
        </table>
      </div>
      <DownloadCsv onClick={csv} />
    </>
  );
}

function Evidence(props: { gap: Gap; slice: ReturnType<typeof sliceOf> }) {
  const g = props.gap;
  // The source's periods, asked when the row opens; until then (or with fewer) the two periods the trend compares.
  const series = useQuery(
    GapSeriesDocument,
    g.skill ? { ...props.slice, period: g.slice.period, skill: g.skill.uri } : null,
  );
  const longer = series.status === 'done' ? (series.data.sectorSkillGaps[0]?.demandSeries ?? []) : [];
  const points =
    longer.length > 2
      ? longer
      : g.previousDemand != null && g.trendPeriod
        ? [
            { period: g.trendPeriod, demand: g.previousDemand },
            { period: g.slice.period, demand: g.demand },
          ]
        : [];
  return (
    <div class="evidence">
      <p>{g.explanation}</p>
      <h3>Trend</h3>
      {points.length > 0 && <TrendChart points={points} trend={g.trend ?? null} unit={g.slice.unit} />}
      <p class="muted">
        {g.trend != null ? `${signed(g.trend)} ` : ''}
        {g.trendNote}.
      </p>
      <h3>Source rows</h3>
      <ScrollingTable label="Source rows">
        <table>
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Figure</th>
              <th scope="col">Region</th>
              <th scope="col">Period</th>
              <th scope="col">Value</th>
              <th scope="col">Flags</th>
              <th scope="col">Reached the skill</th>
              <th scope="col">Through</th>
            </tr>
          </thead>
          <tbody>
            {g.evidence.map((e, i) => (
              <tr key={i}>
                <td>
                  {e.sourceName}
                  {e.retrievedOn ? `, retrieved ${e.retrievedOn}` : ''}
                </td>
                <td>
                  {e.target}
                  {e.sector ? ` in ${e.sector}` : ''}
                </td>
                <td>{e.region}</td>
                <td>{e.period}</td>
                <td>
                  {num(e.value)} {e.unit}
                </td>
                <td>{e.flags.length > 0 ? `${e.flags.join(' ')} (${e.reliability})` : e.reliability}</td>
                <td>
                  {num(e.contribution)} ({pct(e.weight)})
                </td>
                <td>
                  {e.topOccupations
                    .map((o) => `${o.occupation?.preferredLabel ?? '?'} (${o.relation}, ${pct(o.share, 0)})`)
                    .join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
      <h3>Offers that cover it</h3>
      {g.coverageDetail.length === 0 ? (
        <p class="empty">No quality-assured offer reaching the region teaches this skill.</p>
      ) : (
        <ul>
          {g.coverageDetail.map((c, i) => (
            <li key={i}>
              {c.offer?.title ?? 'a hypothetical offer'}: weight {c.weight.toFixed(2)} ({c.detail})
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
