import { useEffect, useState } from 'preact/hooks';
import { CatalogueListDocument, type CatalogueListQuery, type SummaryFragment } from '../gql/graphql';
import { useQuery } from '../use-query';
import { navigate, paramsOf } from '../route';
import { Term } from '../glossary';
import { download, toCsv } from '../csv';
import { pct, words } from '../format';
import { DownloadCsv, Failure, Loading } from './states';
import { OfferDetail } from './offer';

/**
 * Catalogue and providers (catalogueCompleteness, microCredentials): Annex I completeness and the Annex II
 * principle checks overall and per provider, the published offers with theirs, and an offer opened with its
 * outcomes, skill links and ELM export in place of the list (offer.tsx). Filters in the URL: provider, q, offer,
 * and the page: size, after or before (a cursor of the API's).
 */

type Offer = CatalogueListQuery['microCredentials']['edges'][number]['node'];
type PageInfo = CatalogueListQuery['microCredentials']['pageInfo'];
/** Offers per page the picker offers (the API allows up to its MAX_PAGE_SIZE, 100 by default). */
const PAGE_SIZES = [10, 50, 100];
const pageSize = (value: string | null) => (PAGE_SIZES.includes(Number(value)) ? Number(value) : 50);
const OUTCOMES = ['PASS', 'WARN', 'FAIL', 'UNKNOWN'] as const;

export function CatalogueView(props: { params: URLSearchParams }) {
  const params = props.params;
  const provider = params.get('provider') || null;
  const q = params.get('q') ?? '';
  const offer = params.get('offer');
  const [text, setText] = useState(q);
  const { offer: _, ...listParams } = paramsOf(params);
  const size = pageSize(params.get('size'));
  const before = params.get('before');
  const list = useQuery(CatalogueListDocument, {
    providerId: provider,
    text: q || null,
    // Paging back asks for the page before a cursor; otherwise the page after one (or the first).
    ...(before ? { last: size, before } : { first: size, after: params.get('after') || null }),
  });
  // The last answer stays on screen while the next page loads, so the pager and filters keep keyboard focus.
  const [last, setLast] = useState<CatalogueListQuery | null>(null);
  useEffect(() => {
    if (list.status === 'done') setLast(list.data);
  }, [list]);
  const data = list.status === 'done' ? list.data : list.status === 'loading' ? last : null;
  const set = (changes: Record<string, string | null>) => navigate('/catalogue', { ...paramsOf(params), ...changes });
  return (
    <section>
      <h1>Catalogue and providers</h1>
      <p class="lead">
        Published micro-credentials: what each states of the Annex I elements, the principle checks its entry allows,
        and the skills its outcomes are linked to.
      </p>
      {offer && <OfferDetail id={offer} back={`/catalogue?${new URLSearchParams(listParams)}`} />}
      {!offer && list.status === 'loading' && <Loading what="the catalogue" />}
      {!offer && list.status === 'error' && <Failure error={list.error} />}
      {!offer && data && (
        <>
          <Providers data={data} />
          <form
            class="filters"
            role="search"
            onSubmit={(e) => {
              e.preventDefault();
              set({ q: text.trim(), offer: null, after: null, before: null });
            }}
          >
            <label>
              Provider
              <select
                name="provider"
                value={provider ?? ''}
                onChange={(e) => set({ provider: e.currentTarget.value, offer: null, after: null, before: null })}
              >
                <option value="">all providers</option>
                <ProviderOptions byProvider={data.catalogueCompleteness.byProvider} />
              </select>
            </label>
            <label>
              Search offers
              <input name="q" value={text} onInput={(e) => setText(e.currentTarget.value)} placeholder="welding" />
            </label>
            <button type="submit">Search</button>
          </form>
          <Offers
            offers={data.microCredentials.edges.map((e) => e.node)}
            total={data.microCredentials.totalCount}
            params={params}
          />
          <Pager
            page={data.microCredentials.pageInfo}
            size={size}
            onSize={(value) => set({ size: value, after: null, before: null })}
            onPage={(cursor) => set(cursor)}
          />
        </>
      )}
    </section>
  );
}

function Providers(props: { data: CatalogueListQuery }) {
  const c = props.data.catalogueCompleteness;
  type Row = { name: string; id: string | null; accreditation: string; summary: SummaryFragment };
  const rows: Row[] = [
    ...c.byProvider.map((p) => ({
      name: p.provider?.name ?? 'no provider recorded',
      id: p.provider?.id ?? null,
      accreditation: p.provider ? words(p.provider.accreditationStatus) : '–',
      summary: p.summary,
    })),
    { name: 'All published offers', id: null, accreditation: '', summary: c.overall },
  ];
  const checks = [...new Set(c.overall.checks.map((k) => k.check))];
  const count = (s: SummaryFragment, check: string, outcome: string) =>
    s.checks.find((k) => k.check === check && k.outcome === outcome)?.offers ?? 0;
  const mostMissing = [...c.overall.missing].sort((a, b) => b.offers - a.offers).filter((m) => m.offers > 0);
  return (
    <>
      <p>
        {c.overall.complete} of {c.overall.offers} published offers state every mandatory Annex I element; mean{' '}
        <Term id="completeness">completeness</Term> {pct(c.overall.averageScore, 0)}.
        {mostMissing.length > 0 &&
          ` Most often not specified: ${mostMissing
            .slice(0, 4)
            .map((m) => `${words(m.element)} (${m.offers})`)
            .join(', ')}.`}
      </p>
      <div class="table-wrap">
        <table class="providers">
          <caption>
            Completeness and the Annex II principle checks by provider: offers passing / with a warning / failing / not
            assessable.
          </caption>
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Accreditation</th>
              <th scope="col">Offers</th>
              <th scope="col">Complete</th>
              <th scope="col">Mean completeness</th>
              {checks.map((k) => (
                <th key={k} scope="col">
                  {words(k)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ name, id, accreditation, summary: s }) => (
              <tr key={name}>
                <th scope="row">
                  {id ? <a href={`/catalogue?${new URLSearchParams({ provider: id })}`}>{name}</a> : name}
                </th>
                <td>{accreditation}</td>
                <td>{s.offers}</td>
                <td>{s.complete}</td>
                <td>{pct(s.averageScore, 0)}</td>
                {checks.map((k) => (
                  <td key={k}>{OUTCOMES.map((o) => count(s, k, o)).join(' / ')}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Offers(props: { offers: Offer[]; total: number; params: URLSearchParams }) {
  const failing = (o: Offer) => o.completeness.checks.filter((k) => k.outcome === 'FAIL').map((k) => words(k.check));
  const workload = (o: Offer) => (o.workload ? `${o.workload.value} ${words(o.workload.unit)}` : '');
  const csv = () =>
    download(
      'catalogue.csv',
      toCsv(
        {
          source: 'the hub’s micro-credential catalogue',
          retrieved: new Date().toISOString().slice(0, 10),
          query: `${location.href} · microCredentials(${JSON.stringify(paramsOf(props.params))})`,
        },
        [
          'id',
          'title',
          'provider',
          'eqf level',
          'workload',
          'ects',
          'completeness',
          'missing mandatory',
          'failing checks',
        ],
        props.offers.map((o) => [
          o.id,
          o.title,
          o.provider?.name,
          o.eqfLevel,
          workload(o),
          o.workload?.ects,
          o.completeness.score,
          o.completeness.missingMandatory.map(words).join('; '),
          failing(o).join('; '),
        ]),
      ),
    );
  if (props.offers.length === 0) return <p class="empty">No published offer matches.</p>;
  return (
    <>
      <div class="table-wrap">
        <table class="offers">
          <caption>
            {props.offers.length === props.total
              ? `${props.total} offers.`
              : `${props.offers.length} of ${props.total} offers.`}{' '}
            Open one for its outcomes and skill links.
          </caption>
          <thead>
            <tr>
              <th scope="col">Offer</th>
              <th scope="col">Provider</th>
              <th scope="col">EQF</th>
              <th scope="col">Workload</th>
              <th scope="col">
                <Term id="completeness">Completeness</Term>
              </th>
              <th scope="col">Not specified (mandatory)</th>
              <th scope="col">Failing checks</th>
            </tr>
          </thead>
          <tbody>
            {props.offers.map((o) => (
              <tr key={o.id} aria-current={o.id === props.params.get('offer') ? 'true' : undefined}>
                <th scope="row">
                  <a href={`/catalogue?${new URLSearchParams({ ...paramsOf(props.params), offer: o.id })}`}>
                    {o.title}
                  </a>
                </th>
                <td>{o.provider?.name ?? '–'}</td>
                <td>{o.eqfLevel ?? '–'}</td>
                <td>{workload(o) || '–'}</td>
                <td>{pct(o.completeness.score, 0)}</td>
                <td>{o.completeness.missingMandatory.map(words).join(', ') || 'none'}</td>
                <td>{failing(o).join(', ') || 'none'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <DownloadCsv onClick={csv} />
    </>
  );
}

/** One option per named provider of catalogueCompleteness.byProvider (offers without a provider have none). */
export const ProviderOptions = (props: { byProvider: Array<{ provider?: { id: string; name: string } | null }> }) => (
  <>
    {props.byProvider.flatMap((p) =>
      p.provider
        ? [
            <option key={p.provider.id} value={p.provider.id}>
              {p.provider.name}
            </option>,
          ]
        : [],
    )}
  </>
);

/** Previous and next page of offers (the API's cursors, kept in the URL), and how many a page holds. */
function Pager(props: {
  page: PageInfo;
  size: number;
  onSize: (size: string) => void;
  onPage: (cursor: { after: string | null; before: string | null }) => void;
}) {
  const p = props.page;
  return (
    <nav class="pager actions" aria-label="Pages of offers">
      <button
        type="button"
        disabled={!p.hasPreviousPage || !p.startCursor}
        onClick={() => props.onPage({ before: p.startCursor ?? null, after: null })}
      >
        Previous {props.size}
      </button>{' '}
      <button
        type="button"
        disabled={!p.hasNextPage || !p.endCursor}
        onClick={() => props.onPage({ after: p.endCursor ?? null, before: null })}
      >
        Next {props.size}
      </button>{' '}
      <label>
        Offers per page{' '}
        <select name="size" value={String(props.size)} onChange={(e) => props.onSize(e.currentTarget.value)}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={String(n)}>
              {n}
            </option>
          ))}
        </select>
      </label>
    </nav>
  );
}
