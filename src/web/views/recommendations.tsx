import { useState } from 'preact/hooks';
import { ProvidersDocument, RecommendationsDocument, type RecommendationsQuery, type Transition } from '../gql/graphql';
import { useQuery } from '../use-query';
import { navigate, paramsOf } from '../route';
import { Term } from '../glossary';
import { download, toCsv } from '../csv';
import { num, pct, signed, words } from '../format';
import { DownloadCsv, Failure, FieldError, Loading } from './states';
import { retrievedDates, SLICE_FIELDS, SliceFilters, SliceLine, sliceOf } from './slice-filters';
import { ProviderOptions } from './catalogue';

/**
 * Recommendations of a slice (credentialRecommendations): the micro-credentials to develop, each an outline
 * (skills, level and size with their reasons, the occupations it serves, draft outcomes, the offers covering
 * part of it, the qualification units it could be carved from), and the published offers to update with their
 * reasons. Filters in the URL: the slice, transition (GREEN, DIGITAL) and provider (the update list).
 */

type Answer = RecommendationsQuery['credentialRecommendations'];
type Outline = Answer['develop'][number];
type Update = Answer['update'][number];
const TRANSITIONS: Array<{ value: Transition | ''; label: string }> = [
  { value: '', label: 'any skill' },
  { value: 'GREEN', label: 'green skills' },
  { value: 'DIGITAL', label: 'digital skills' },
];
const FIRST = 10;
const FIELDS = [...SLICE_FIELDS, 'transition', 'providerId'];

export function RecommendationsView(props: { params: URLSearchParams }) {
  const params = props.params;
  const variables = {
    ...sliceOf(params),
    transition: (params.get('transition') as Transition | null) || null,
    providerId: params.get('provider') || null,
    first: FIRST,
  };
  const answer = useQuery(RecommendationsDocument, variables);
  const providers = useQuery(ProvidersDocument, {});
  const error = answer.status === 'error' ? answer.error : null;
  const set = (key: string, value: string) => navigate('/recommendations', { ...paramsOf(params), [key]: value });
  return (
    <section>
      <h1>Recommendations</h1>
      <p class="lead">
        What to commission for a slice’s skill gaps, as outlines to be written up by people, and which published offers
        need revising, each with its reasons.
      </p>
      <SliceFilters path="/recommendations" params={params} error={error}>
        <label>
          Transition
          <select
            name="transition"
            value={params.get('transition') ?? ''}
            onChange={(e) => set('transition', e.currentTarget.value)}
          >
            {TRANSITIONS.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
          <FieldError error={error} field="transition" />
        </label>
        <label>
          Provider (offers to update)
          <select
            name="provider"
            value={params.get('provider') ?? ''}
            onChange={(e) => set('provider', e.currentTarget.value)}
          >
            <option value="">all providers</option>
            {providers.status === 'done' && (
              <ProviderOptions byProvider={providers.data.catalogueCompleteness.byProvider} />
            )}
          </select>
          <FieldError error={error} field="providerId" />
        </label>
      </SliceFilters>
      {answer.status === 'loading' && <Loading what="the recommendations" />}
      {error && !FIELDS.includes(error.field ?? '') && <Failure error={error} />}
      {answer.status === 'done' && (
        <>
          {answer.data.slice[0] && <SliceLine slice={answer.data.slice[0].slice} />}
          <Scope items={answer.data.credentialRecommendations.scope.filter((s) => !s.startsWith('update:'))} />
          <Develop
            outlines={answer.data.credentialRecommendations.develop}
            slice={answer.data.slice}
            variables={variables}
          />
          <Updates
            updates={answer.data.credentialRecommendations.update}
            scope={answer.data.credentialRecommendations.scope.filter((s) => s.startsWith('update:'))}
            slice={answer.data.slice}
            variables={variables}
          />
        </>
      )}
    </section>
  );
}

type Slice = RecommendationsQuery['slice'];

/** The CSV's provenance: the slice's demand source and the dates its figures were retrieved, and the query. */
const provenance = (slice: Slice, variables: Record<string, unknown>) => ({
  source: `credentialRecommendations over ${slice[0]?.slice.source ?? 'the demand sources'} and the published catalogue`,
  retrieved: retrievedDates(slice),
  query: `${location.href} · credentialRecommendations(${JSON.stringify(variables)})`,
});

/** What a list was narrowed to, in the API's words. */
const Scope = (props: { items: string[] }) =>
  props.items.length === 0 ? null : (
    <ul class="scope">
      {props.items.map((s) => (
        <li key={s}>{s}</li>
      ))}
    </ul>
  );

function Develop(props: { outlines: Outline[]; slice: Slice; variables: Record<string, unknown> }) {
  const [open, setOpen] = useState<number | null>(null);
  const csv = () =>
    download(
      'develop.csv',
      toCsv(
        provenance(props.slice, props.variables),
        ['rank', 'skills', 'skill uris', 'serves', 'EQF level', 'ECTS', 'score', 'demand', 'unit', 'cohesion', 'trend'],
        props.outlines.map((o, i) => [
          i + 1,
          o.skills.map((s) => s.preferredLabel).join('; '),
          o.skills.map((s) => s.uri).join(' '),
          o.occupations.map((s) => s.preferredLabel).join('; '),
          o.suggestedEqfLevel,
          o.suggestedEcts,
          o.score,
          o.demand,
          props.slice[0]?.slice.unit,
          o.cohesion,
          o.trend,
        ]),
      ),
    );
  return (
    <>
      <h2>Micro-credentials to develop</h2>
      {props.outlines.length === 0 ? (
        <p class="empty">No in-demand skill in this slice is left uncovered enough to outline a new offer.</p>
      ) : (
        <>
          <div class="table-wrap">
            <table class="develop">
              <caption>
                Outlines grown from the largest <Term id="gap-score">gaps</Term>; score = the sum of their skills’ gap
                scores. Open one for its reasons.
              </caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Outline (its skills)</th>
                  <th scope="col">Serves</th>
                  <th scope="col">EQF</th>
                  <th scope="col">ECTS</th>
                  <th scope="col">Score</th>
                  <th scope="col">Trend</th>
                </tr>
              </thead>
              <tbody>
                {props.outlines.map((o, i) => {
                  const isOpen = open === i;
                  return [
                    <tr key={i} class={isOpen ? 'open' : ''}>
                      <td>{i + 1}</td>
                      <th scope="row">
                        <button
                          type="button"
                          class="link"
                          aria-expanded={isOpen}
                          onClick={() => setOpen(isOpen ? null : i)}
                        >
                          {o.skills[0]?.preferredLabel ?? 'outline'}
                        </button>
                        {o.skills.length > 1 && ` and ${o.skills.length - 1} more`}
                      </th>
                      <td>{served(o)}</td>
                      <td>{o.suggestedEqfLevel}</td>
                      <td>{o.suggestedEcts}</td>
                      <td>{o.score.toFixed(3)}</td>
                      <td>{signed(o.trend)}</td>
                    </tr>,
                    isOpen && (
                      <tr key={`${i}-detail`} class="detail">
                        <td colSpan={7}>
                          <OutlineDetail outline={o} unit={props.slice[0]?.slice.unit ?? ''} />
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
      )}
    </>
  );
}

const served = (o: Outline) => {
  const [anchor, ...rest] = o.occupations;
  if (!anchor) return '–';
  return rest.length === 0 ? anchor.preferredLabel : `${anchor.preferredLabel} and ${rest.length} more`;
};

const list = (items: Array<{ preferredLabel: string }>, limit = 12) =>
  items.length <= limit
    ? items.map((i) => i.preferredLabel).join(', ')
    : `${items
        .slice(0, limit)
        .map((i) => i.preferredLabel)
        .join(', ')} and ${items.length - limit} more`;

function OutlineDetail(props: { outline: Outline; unit: string }) {
  const o = props.outline;
  return (
    <div class="evidence">
      <p>{o.explanation}</p>
      <h3>Skills</h3>
      <ol>
        {o.skills.map((s) => (
          <li key={s.uri}>
            <a href={`/taxonomy?q=${encodeURIComponent(s.preferredLabel)}`}>{s.preferredLabel}</a>
          </li>
        ))}
      </ol>
      <p>
        EQF {o.suggestedEqfLevel}: {o.eqfReason}
      </p>
      <p>
        {o.suggestedEcts} ECTS: {o.ectsReason}
      </p>
      <p>
        Largest demand among its skills {num(o.demand)} {props.unit}; cohesion {o.cohesion.toFixed(2)}.
      </p>
      <h3>Draft learning outcomes (to be rewritten)</h3>
      <ul>
        {o.draftLearningOutcomes.map((d) => (
          <li key={d}>{d}</li>
        ))}
      </ul>
      <h3>Occupations it serves</h3>
      <p>{list(o.occupations)}</p>
      {o.otherLevelOccupations.length > 0 && <p>At another EQF level: {list(o.otherLevelOccupations)}.</p>}
      {o.sameAudienceAs && (
        <p>
          {pct(o.sameAudienceShare, 0)} of the demand it serves is served by the outline anchored on{' '}
          {o.sameAudienceAs.preferredLabel} too: the two read as modules of one programme.
        </p>
      )}
      <h3>Offers already covering part of it</h3>
      {o.partlyCoveredBy.length === 0 ? (
        <p class="empty">None.</p>
      ) : (
        <ul>
          {o.partlyCoveredBy.map((p, i) => (
            <li key={i}>
              {p.microCredential ? (
                <a href={`/catalogue?offer=${encodeURIComponent(p.microCredential.id)}`}>{p.microCredential.title}</a>
              ) : (
                'an offer'
              )}
              : {p.skills} of its {o.skills.length} skills
            </li>
          ))}
        </ul>
      )}
      <h3>Could be carved from</h3>
      {o.carvedFrom.length === 0 ? (
        <p class="empty">No qualification route reaching the region teaches its skills.</p>
      ) : (
        <ul>
          {o.carvedFrom.map((c, i) => (
            <li key={i}>
              {c.qualification?.title ?? 'a qualification'} ({c.skills.length} of its skills):{' '}
              {c.duties.map((d) => d.text).join('; ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Updates(props: { updates: Update[]; scope: string[]; slice: Slice; variables: Record<string, unknown> }) {
  const csv = () =>
    download(
      'update.csv',
      toCsv(
        provenance(props.slice, props.variables),
        ['rank', 'offer', 'offer id', 'provider', 'score', 'reasons', 'explanation'],
        props.updates.map((u, i) => [
          i + 1,
          u.microCredential?.title,
          u.microCredential?.id,
          u.microCredential?.provider?.name,
          u.score,
          u.reasons.map((r) => r.code).join(' '),
          u.explanation,
        ]),
      ),
    );
  return (
    <>
      <h2>Offers to update</h2>
      <Scope items={props.scope} />
      {props.updates.length === 0 ? (
        <p class="empty">No published offer in scope needs revising.</p>
      ) : (
        <>
          <div class="table-wrap">
            <table class="update">
              <caption>Published offers to revise; score = the sum of the reasons’ weights.</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Offer</th>
                  <th scope="col">Provider</th>
                  <th scope="col">Score</th>
                  <th scope="col">Reasons</th>
                </tr>
              </thead>
              <tbody>
                {props.updates.map((u, i) => (
                  <tr key={u.microCredential?.id ?? i}>
                    <td>{i + 1}</td>
                    <th scope="row">
                      {u.microCredential ? (
                        <a href={`/catalogue?offer=${encodeURIComponent(u.microCredential.id)}`}>
                          {u.microCredential.title}
                        </a>
                      ) : (
                        'an offer'
                      )}
                    </th>
                    <td>{u.microCredential?.provider?.name ?? '–'}</td>
                    <td>{u.score.toFixed(2)}</td>
                    <td>
                      <ul class="reasons">
                        {u.reasons.map((r) => (
                          <li key={r.code}>
                            <strong>
                              {words(r.code)} ({r.weight.toFixed(2)})
                            </strong>
                            : {r.detail}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <DownloadCsv onClick={csv} />
        </>
      )}
    </>
  );
}
