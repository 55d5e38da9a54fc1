import { DashboardRowDocument, DemandSourcesDocument, type DashboardRowQuery } from '../gql/graphql';
import { useQueriesInTurn, useQuery } from '../use-query';
import { navigate, paramsOf } from '../route';
import { sliceChoices } from '../sources';
import { Term } from '../glossary';
import { download, toCsv } from '../csv';
import { num, pct } from '../format';
import { DownloadCsv, Failure, Loading } from './states';

/**
 * Overview: sectors × regions as a heat map of the gap index (skillsDashboard, one request per region), and
 * for the first region the green and digital share of demand against supply, offers and their completeness.
 * A cell opens that slice's skill gaps. Filters in the URL: source, period, regions (comma-separated).
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
          No demand source with sector figures is imported yet. Import one (npm run hub -- import demand …, see
          docs/skills-intelligence.md) and reload.
        </p>
      </section>
    );
  const params = props.params;
  const chosen = choices.find((c) => c.source.id === params.get('source')) ?? choices[0];
  const period = chosen.periods.includes(params.get('period') ?? '') ? params.get('period')! : chosen.periods[0];
  const asked = (params.get('regions') ?? '').split(',').filter((code) => chosen.regions.some((r) => r.code === code));
  const available = chosen.regions.map((r) => r.code);
  const preferred = PREFERRED_REGIONS.filter((code) => available.includes(code));
  const countries = available.filter((code) => /^[A-Z]{2}$/.test(code));
  const regions =
    asked.length > 0
      ? asked
      : (preferred.length > 0 ? preferred : countries.length > 0 ? countries : available).slice(0, DEFAULT_REGIONS);
  const set = (change: Record<string, string>) =>
    navigate('/', { ...paramsOf(params), source: chosen.source.id, period, regions: regions.join(','), ...change });
  return (
    <section>
      <h1>Overview</h1>
      <p class="lead">
        How much of each sector’s skill demand no quality-assured offer reaching the region teaches (
        <Term id="gap-index">gap index</Term>), from {chosen.source.name}.
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
        sectors={chosen.sectors.map((s) => s.code)}
        regions={regions}
        period={period}
        retrieved={chosen.source.retrievedOn ?? null}
        citation={chosen.source.citation}
      />
    </section>
  );
}

function Heatmap(props: {
  sectors: string[];
  regions: string[];
  period: string;
  retrieved: string | null;
  citation: string;
}) {
  const rows = useQueriesInTurn(
    DashboardRowDocument,
    props.regions.map((region) => ({ sectors: props.sectors, region, period: props.period })),
  );
  const failed = rows.find((r) => r.status === 'error');
  if (failed?.status === 'error') return <Failure error={failed.error} />;
  const done = rows.filter((r) => r.status === 'done').length;
  // cells[region][sector], empty while the region is loading
  const cells = rows.map(
    (r) =>
      new Map(
        r.status === 'done'
          ? r.data.skillsDashboard.filter((c): c is Cell => c !== null).map((c) => [c.sector ?? '', c])
          : [],
      ),
  );
  const sectorName = (code: string) => cells.map((m) => m.get(code)?.sectorName).find(Boolean) ?? code;
  const regionName = (i: number) => [...cells[i].values()][0]?.regionName ?? props.regions[i];
  const first = [...cells[0].values()];
  const csv = () =>
    download(
      `gap-index-${props.period}.csv`,
      toCsv(
        {
          source: `${first[0]?.source ?? ''} (${props.citation})`,
          retrieved: props.retrieved,
          query: `${location.href} · skillsDashboard(sectors, region, period: "${props.period}") per region`,
        },
        ['sector', 'sector name', 'region', 'region name', 'period', 'gap index', 'slice total', 'unit', 'offers'],
        props.regions.flatMap((region, i) =>
          props.sectors
            .map((s) => cells[i].get(s))
            .filter((c): c is Cell => c !== undefined)
            .map((c) => [
              c.sector,
              c.sectorName,
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
            Gap index by sector (NACE Rev.2 section) and region, {props.period}. Open a cell for its skills.
          </caption>
          <thead>
            <tr>
              <th scope="col">Sector</th>
              {props.regions.map((r, i) => (
                <th scope="col" key={r}>
                  {regionName(i)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.sectors.map((s) => (
              <tr key={s}>
                <th scope="row">
                  {s} · {sectorName(s)}
                </th>
                {props.regions.map((r, i) => {
                  const c = cells[i].get(s);
                  return c ? (
                    <td key={r} class={c.gapIndex == null ? 'none' : heat(c.gapIndex)}>
                      <a href={`/gaps?sector=${s}&region=${r}&period=${props.period}`} title={c.explanation}>
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
          Computing region {done + 1} of {rows.length} ({props.sectors.length} sectors each); the first view after the
          hub starts takes longest.
        </p>
      ) : (
        <DownloadCsv onClick={csv} />
      )}
      <h2>Green and digital, {regionName(0)}</h2>
      <div class="table-wrap">
        <table>
          <caption>
            Share of the sector’s <Term id="demand-share">skill demand</Term> that is green or digital, against the
            share in what its offers teach; offers reaching the region and their mean Annex I completeness.
          </caption>
          <thead>
            <tr>
              <th scope="col">Sector</th>
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
              <tr key={c.sector}>
                <th scope="row">{c.sectorName ?? c.sector}</th>
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
