import { BrowseConceptDocument, type ConceptLinkFragment, TopConceptsDocument } from '../gql/graphql';
import { useQuery } from '../use-query';
import { Failure, Loading } from './states';

/**
 * Browsing ESCO's hierarchies in the taxonomy view: from the top (taxonomy.topConcepts: the ISCO-08 major
 * groups and the skills pillar) down through narrower concepts to occupations and skills, and back up
 * through broader ones. A concept is a permalink: /taxonomy?concept=<uri>.
 */

/** Narrower concepts shown at once (the API's page; the rest are counted). */
const PAGE = 100;

const KIND: Record<string, string> = {
  IscoGroup: 'ISCO-08 group',
  SkillGroup: 'skill group',
  Occupation: 'occupation',
  Skill: 'skill',
};

const codeOf = (c: ConceptLinkFragment) =>
  ('iscoCode' in c && c.iscoCode) ||
  ('groupCode' in c && c.groupCode) ||
  ('occupationCode' in c && c.occupationCode) ||
  null;

export const conceptHref = (uri: string) => `/taxonomy?${new URLSearchParams({ concept: uri })}`;

/** A concept's kind and code in words ("ISCO-08 group 7212"). */
const KindAndCode = (props: { concept: ConceptLinkFragment }) => {
  const code = codeOf(props.concept);
  return (
    <span class="muted">
      {KIND[props.concept.kind] ?? props.concept.kind}
      {code ? ` ${code}` : ''}
    </span>
  );
};

export const ConceptLink = (props: { concept: ConceptLinkFragment }) => (
  <>
    <a href={conceptHref(props.concept.uri)}>{props.concept.preferredLabel}</a> <KindAndCode concept={props.concept} />
  </>
);

/** Links to concepts, separated by semicolons ("Under: a; b"). */
export const ConceptLinks = (props: { concepts: Array<{ uri: string; preferredLabel: string }> }) => (
  <>
    {props.concepts.map((b, i) => (
      <span key={b.uri}>
        {i > 0 && '; '}
        <a href={conceptHref(b.uri)}>{b.preferredLabel}</a>
      </span>
    ))}
  </>
);

export function TopConcepts() {
  const top = useQuery(TopConceptsDocument, {});
  if (top.status === 'loading') return <Loading what="the hierarchies" />;
  if (top.status === 'error') return <Failure error={top.error} />;
  const concepts = top.data.taxonomy.topConcepts;
  const part = (kind: string) => concepts.filter((c) => c.kind === kind);
  return (
    <div class="columns">
      {[
        ['Occupations by ISCO-08 group', part('IscoGroup')],
        ['Skills by the ESCO skills pillar', part('SkillGroup')],
      ].map(([title, list]) => (
        <div key={title as string}>
          <h2>{title as string}</h2>
          <ul class="tree">
            {(list as ConceptLinkFragment[]).map((c) => (
              <li key={c.uri}>
                <ConceptLink concept={c} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

export function ConceptBrowser(props: { uri: string }) {
  const answer = useQuery(BrowseConceptDocument, { uri: props.uri, first: PAGE });
  if (answer.status === 'loading') return <Loading what="the concept" />;
  if (answer.status === 'error') return <Failure error={answer.error} />;
  const c = answer.data.concept;
  if (!c) return <p class="empty">No concept with this URI is in the loaded release.</p>;
  const narrower = c.narrower.edges.map((e) => e.node);
  return (
    <article class="concept">
      <nav aria-label="Broader concepts" class="muted">
        <a href="/taxonomy?browse=top">Top</a>
        {c.pathFromTop.map((b) => (
          <span key={b.uri}>
            {' › '}
            <a href={conceptHref(b.uri)}>{b.preferredLabel}</a>
          </span>
        ))}
      </nav>
      {c.broader.length > 1 && (
        <p class="muted">
          Also under: <ConceptLinks concepts={c.broader.slice(1)} />
        </p>
      )}
      <h2>
        {c.preferredLabel} <KindAndCode concept={c} />
      </h2>
      {c.description && <p>{c.description}</p>}
      {c.kind === 'Occupation' && (
        <p>
          <a href={`/taxonomy?${new URLSearchParams({ occupation: c.uri })}`}>
            Its essential skills and the offers teaching them
          </a>
        </p>
      )}
      {'essentialForOccupations' in c && (
        <>
          <h3>Essential for {c.essentialForOccupations.totalCount} occupations</h3>
          <ul class="tree">
            {c.essentialForOccupations.edges.map(({ node }) => (
              <li key={node.uri}>
                <ConceptLink concept={node} />
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Narrower ({c.narrower.totalCount})</h3>
      {narrower.length === 0 ? (
        <p class="empty">Nothing narrower.</p>
      ) : (
        <ul class="tree">
          {narrower.map((n) => (
            <li key={n.uri}>
              <ConceptLink concept={n} />
            </li>
          ))}
        </ul>
      )}
      {c.narrower.totalCount > narrower.length && (
        <p class="muted">
          The first {narrower.length} of {c.narrower.totalCount}, by label; search above for the others.
        </p>
      )}
    </article>
  );
}
