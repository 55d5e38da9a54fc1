import { DashboardRowDocument, DemandSourcesDocument, type DashboardRowQuery } from '../gql/graphql';
import { useQueriesInTurn, useQuery } from '../use-query';
import { navigate, paramsOf } from '../route';
import { sliceChoices } from '../sources';
import { Term } from '../glossary';
import { download, toCsv } from '../csv';
import { num, pct } from '../format';
import { DownloadCsv, Failure, Loading } from './states';

/**
 * Overview: sectors × regions as a heat map of the gap index (skillsDashboard, one request per region), or
 * occupation groups × regions for data without sectors (the German PES figures: KldB areas × Länder), and
 * for the first region the green and digital share of demand against supply, offers and their completeness.
 * A cell opens that slice's skill gaps. Filters in the URL: source, rows (sectors, groups), period, regions
 * (comma-separated).
 */

type Cell = NonNullable<DashboardRowQuery['skillsDashboard'][number]>;

const DEFAULT_REGIONS = 6;
/** Shown first when the source has them: the largest EU labour markets. */
const PREFERRED_REGIONS = ['DE', 'FR', 'IT', 'ES', 'PL', 'NL'];
/** Five colour steps of the gap index, as classes (the CSP allows no inline style). */
const heat = (value: number) => `heat-${Math.min(4, Math.floor(value * 5))}`;

export function OverviewView(props: { params: URLSearchParams }) {
  const sources = useQuery(DemandSourcesDocument, {});
  if (sources.status === 'loading') return <Loading what="the demand sources" />;
  if (sources.status === 'error') return <Failure error={sources.error} />;
  const choices = sliceChoices(sources.data.demandSources);
  if (choices.length === 0)
    return (
      <section>
        <h1>Overview</h1>
        <p class="empty">
          No demand source with figures by sector or occupation group is imported yet. Import one (npm run hub -- import
          demand …, see docs/skills-intelligence.md) and reload.
        </p>
      </section>
    );
  const params = props.params;
  const chosen = choices.find((c) => c.source.id === params.get('source')) ?? choices[0];
  const period = chosen.periods.includes(params.get('period') ?? '') ? params.get('period')! : chosen.periods[0];
  const asked = (params.get('regions') ?? '').split(',').filter((code) => chosen.regions.some((r) => r.code === code));
  // By default: the largest labour markets, else the countries, else the regions with figures when they are
  // few, else the NUTS 1 regions above them (the Länder above the German PES districts).
  const withFigures = chosen.withFigures;
  const preferred = PREFERRED_REGIONS.filter((code) => withFigures.includes(code));
  const countries = withFigures.filter((code) => /^[A-Z]{2}$/.test(code));
  const nuts1 = chosen.regions.map((r) => r.code).filter((code) => /^[A-Z]{2}[0-9A-Z]$/.test(code));
  const defaults = [preferred, countries, withFigures.length > DEFAULT_REGIONS ? nuts1 : [], withFigures].find(
    (list) => list.length > 0,
  );
  const regions = asked.length > 0 ? asked : (defaults ?? []).slice(0, DEFAULT_REGIONS);
  const byGroup = chosen.sectors.length === 0 || (params.get('rows') === 'groups' && chosen.groups.length > 0);
  const rows = byGroup ? chosen.groups : chosen.sectors;
  const set = (change: Record<string, string>) =>
    navigate('/', { ...paramsOf(params), source: chosen.source.id, period, regions: regions.join(','), ...change });
  return (
    <section>
      <h1>Overview</h1>
      <p class="lead">
        How much of each {byGroup ? 'occupation group’s' : 'sector’s'} skill demand no quality-assured offer reaching
        the region teaches (<Term id="gap-index">gap index</Term>), from {chosen.source.name}.
      </p>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        {choices.length > 1 && (
          <label>
            Source
            <select value={chosen.source.id} onChange={(e) => navigate('/', { source: e.currentTarget.value })}>
              {choices.map((c) => (
                <option key={c.source.id} value={c.source.id}>
                  {c.source.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {chosen.sectors.length > 0 && chosen.groups.length > 0 && (
          <label>
            Rows
            <select value={byGroup ? 'groups' : 'sectors'} onChange={(e) => set({ rows: e.currentTarget.value })}>
              <option value="sectors">sectors</option>
              <option value="groups">occupation groups</option>
            </select>
          </label>
        )}
        <label>
          Period
          <select value={period} onChange={(e) => set({ period: e.currentTarget.value })}>
            {chosen.periods.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label>
          Add a region
          <select
            value=""
            onChange={(e) => e.currentTarget.value && set({ regions: [...regions, e.currentTarget.value].join(',') })}
          >
            <option value="">choose…</option>
            {chosen.regions
              .filter((r) => !regions.includes(r.code))
              .map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name} ({r.code})
                </option>
              ))}
          </select>
        </label>
        <ul class="chips" aria-label="Regions shown">
          {regions.map((code) => (
            <li key={code}>
              {code}
              {regions.length > 1 && (
                <button
                  type="button"
                  aria-label={`Remove ${code}`}
                  onClick={() => set({ regions: regions.filter((r) => r !== code).join(',') })}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      </form>
      <Heatmap
        dimension={byGroup ? 'occupationGroups' : 'sectors'}
        rows={rows}
        regions={regions}
        period={period}
        retrieved={chosen.source.retrievedOn ?? null}
        citation={chosen.source.citation}
      />
    </section>
  );
}

/** The heat map's rows: what a cell is of, its URL parameter and its words. */
const DIMENSIONS = {
  sectors: { param: 'sector', word: 'sector', caption: 'sector (NACE Rev.2 section)' },
  occupationGroups: { param: 'occupationGroup', word: 'occupation group', caption: 'occupation group' },
} as const;

function Heatmap(props: {
  dimension: keyof typeof DIMENSIONS;
  rows: Array<{ code: string; name: string }>;
  regions: string[];
  period: string;
  retrieved: string | null;
  citation: string;
}) {
  const dimension = DIMENSIONS[props.dimension];
  const codes = props.rows.map((r) => r.code);
  const rows = useQueriesInTurn(
    DashboardRowDocument,
    props.regions.map((region) => ({ [props.dimension]: codes, region, period: props.period })),
  );
  const failed = rows.find((r) => r.status === 'error');
  if (failed?.status === 'error') return <Failure error={failed.error} />;
  const done = rows.filter((r) => r.status === 'done').length;
  // cells[region][row code], empty while the region is loading
  const keyOf = (c: Cell) => (props.dimension === 'sectors' ? c.sector : c.occupationGroup) ?? '';
  const cells = rows.map(
    (r) =>
      new Map(
        r.status === 'done'
          ? r.data.skillsDashboard.filter((c): c is Cell => c !== null).map((c) => [keyOf(c), c])
          : [],
      ),
  );
  const rowName = (code: string) => props.rows.find((r) => r.code === code)?.name ?? code;
  const regionName = (i: number) => [...cells[i].values()][0]?.regionName ?? props.regions[i];
  const first = [...cells[0].values()];
  const csv = () =>
    download(
      `gap-index-${props.period}.csv`,
      toCsv(
        {
          source: `${first[0]?.source ?? ''} (${props.citation})`,
          retrieved: props.retrieved,
          query: `${location.href} · skillsDashboard(${props.dimension}, region, period: "${props.period}") per region`,
        },
        [
          dimension.word,
          `${dimension.word} name`,
          'region',
          'region name',
          'period',
          'gap index',
          'slice total',
          'unit',
          'offers',
        ],
        props.regions.flatMap((region, i) =>
          codes
            .map((code) => cells[i].get(code))
            .filter((c): c is Cell => c !== undefined)
            .map((c) => [
              keyOf(c),
              rowName(keyOf(c)),
              region,
              c.regionName,
              c.period,
              c.gapIndex,
              c.sliceTotal,
              c.unit,
              c.offers,
            ]),
        ),
      ),
    );
  return (
    <>
      <div class="table-wrap">
        <table class="heatmap">
          <caption>
            Gap index by {dimension.caption} and region, {props.period}. Open a cell for its skills.
          </caption>
          <thead>
            <tr>
              <th scope="col">{props.dimension === 'sectors' ? 'Sector' : 'Occupation group'}</th>
              {props.regions.map((r, i) => (
                <th scope="col" key={r}>
                  {regionName(i)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {codes.map((s) => (
              <tr key={s}>
                <th scope="row">
                  {s} · {rowName(s)}
                </th>
                {props.regions.map((r, i) => {
                  const c = cells[i].get(s);
                  const slice = new URLSearchParams({ [dimension.param]: s, region: r, period: props.period });
                  return c ? (
                    <td key={r} class={c.gapIndex == null ? 'none' : heat(c.gapIndex)}>
                      <a href={`/gaps?${slice}`} title={c.explanation}>
                        {c.gapIndex == null ? 'no index' : c.gapIndex.toFixed(2)}
                      </a>
                    </td>
                  ) : (
                    <td key={r} class="none">
                      {rows[i].status === 'loading' ? '…' : '–'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {done < rows.length ? (
        <p class="loading" role="status">
          Computing region {done + 1} of {rows.length} ({codes.length} {dimension.word}s each); the first view after the
          hub starts takes longest.
        </p>
      ) : (
        <DownloadCsv onClick={csv} />
      )}
      <h2>Green and digital, {regionName(0)}</h2>
      <div class="table-wrap">
        <table>
          <caption>
            Share of the {dimension.word}’s <Term id="demand-share">skill demand</Term> that is green or digital,
            against the share in what its offers teach; offers reaching the region and their mean Annex I completeness.
          </caption>
          <thead>
            <tr>
              <th scope="col">{props.dimension === 'sectors' ? 'Sector' : 'Occupation group'}</th>
              <th scope="col">Green demand</th>
              <th scope="col">Green supply</th>
              <th scope="col">Digital demand</th>
              <th scope="col">Digital supply</th>
              <th scope="col">
                <Term id="coverage">Covered</Term>
              </th>
              <th scope="col">Offers</th>
              <th scope="col">Completeness</th>
            </tr>
          </thead>
          <tbody>
            {first.map((c) => (
              <tr key={keyOf(c)}>
                <th scope="row">{rowName(keyOf(c))}</th>
                <td>{pct(c.green.demandShare)}</td>
                <td>{pct(c.green.supplyShare)}</td>
                <td>{pct(c.digital.demandShare)}</td>
                <td>{pct(c.digital.supplyShare)}</td>
                <td>{pct(c.coveredShareOfDemand)}</td>
                <td>{num(c.offers)}</td>
                <td>{c.averageCompleteness == null ? '–' : pct(c.averageCompleteness, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
