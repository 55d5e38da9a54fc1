import { useState } from 'preact/hooks';
import { OccupationOffersDocument, SearchTaxonomyDocument } from '../gql/graphql';
import { useQuery } from '../use-query';
import { navigate, paramsOf } from '../route';
import { Term } from '../glossary';
import { pct } from '../format';
import { Failure, Loading } from './states';
import { ConceptBrowser, conceptHref, ConceptLinks, TopConcepts } from './browse';

/**
 * Taxonomy: search ESCO skills and occupations by what people type (searchSkills, searchOccupations); an
 * occupation opens with its place in the hierarchy, its regulation note, and each essential skill with the
 * published offers that teach it (occupationCoverage); the hierarchies browse from the top (browse.tsx). Filters
 * in the URL: q, occupation, concept.
 */

export function TaxonomyView(props: { params: URLSearchParams }) {
  const params = props.params;
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const occupation = params.get('occupation');
  const concept = params.get('concept');
  const search = useQuery(SearchTaxonomyDocument, q ? { text: q } : null);
  return (
    <section>
      <h1>Taxonomy</h1>
      <p class="lead">ESCO v1.1.1 occupations and skills, and which published offers teach an occupation’s skills.</p>
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          navigate('/taxonomy', { q: text.trim() });
        }}
      >
        <label>
          Search skills and occupations
          <input name="q" value={text} onInput={(e) => setText(e.currentTarget.value)} placeholder="welder, forklift" />
        </label>
        <button type="submit">Search</button>
      </form>
      {q && search.status === 'loading' && <Loading what="the matches" />}
      {q && search.status === 'error' && <Failure error={search.error} />}
      {q && search.status === 'done' && (
        <div class="columns">
          <div>
            <h2>Occupations</h2>
            {search.data.searchOccupations.length === 0 && <p class="empty">No occupation matches.</p>}
            <ul class="hits">
              {search.data.searchOccupations.map((h) => (
                <li key={h.occupation.uri}>
                  <a
                    href={`/taxonomy?${new URLSearchParams({ ...paramsOf(params), occupation: h.occupation.uri })}`}
                    aria-current={h.occupation.uri === occupation ? 'true' : undefined}
                  >
                    {h.occupation.preferredLabel}
                  </a>{' '}
                  <span class="muted">
                    {h.occupation.code}
                    {h.matchedLabel !== h.occupation.preferredLabel ? ` · "${h.matchedLabel}"` : ''}
                  </span>
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h2>Skills</h2>
            {search.data.searchSkills.length === 0 && <p class="empty">No skill matches.</p>}
            <ul class="hits">
              {search.data.searchSkills.map((h) => (
                <li key={h.skill.uri}>
                  <a href={conceptHref(h.skill.uri)}>{h.skill.preferredLabel}</a>{' '}
                  <span class="muted">{h.skill.reuseLevel ?? ''}</span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {occupation && <OccupationDetail uri={occupation} />}
      {concept && <ConceptBrowser uri={concept} />}
      {!q && !occupation && !concept && <TopConcepts />}
    </section>
  );
}

function OccupationDetail(props: { uri: string }) {
  const detail = useQuery(OccupationOffersDocument, { uri: props.uri });
  if (detail.status === 'loading') return <Loading what="the occupation" />;
  if (detail.status === 'error') return <Failure error={detail.error} />;
  const c = detail.data.occupationCoverage;
  if (!c) return <p class="empty">This occupation is not in the loaded release.</p>;
  const o = c.occupation;
  return (
    <article class="occupation">
      <h2>
        {o.preferredLabel} <span class="muted">{o.code}</span>
      </h2>
      {o.broader.length > 0 && (
        <p class="muted">
          Under: <ConceptLinks concepts={o.broader} />
        </p>
      )}
      {o.description && <p>{o.description}</p>}
      {o.regulationNote && <p class="caution">{o.regulationNote}</p>}
      <p>
        Published offers teach {c.coveredSkillCount} of its {c.essentialSkillCount} essential skills (
        <Term id="coverage">coverage</Term> {pct(c.coverage, 0)}). {c.method}
      </p>
      <div class="table-wrap">
        <table>
          <caption>Its essential skills and the published offers with an outcome linked to each.</caption>
          <thead>
            <tr>
              <th scope="col">Essential skill</th>
              <th scope="col">Taught by</th>
            </tr>
          </thead>
          <tbody>
            {c.skills.map((s) => (
              <tr key={s.skill.uri}>
                <th scope="row">{s.skill.preferredLabel}</th>
                <td>
                  {s.offers.length === 0 ? (
                    <span class="muted">no published offer</span>
                  ) : (
                    s.offers.map((m) => m.title).join('; ')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}
