import { useState } from 'preact/hooks';
import {
  AddLinkDocument,
  type LinkFragment,
  OfferDocument,
  OfferElmDocument,
  type OfferQuery,
  ReviewLinkDocument,
  type SkillLinkDecision,
  SkillChoicesDocument,
} from '../gql/graphql';
import { type ApiError, asApiError, request } from '../api';
import { useQuery } from '../use-query';
import { Term } from '../glossary';
import { download } from '../csv';
import { pct, words } from '../format';
import { Failure, Loading, ScrollingTable } from './states';

/**
 * One offer (microCredential): its Annex I elements and principle checks, each learning outcome with its skill
 * links and their evidence, a curator's accept / reject / add (reviewSkillLink, addSkillLink: the API refuses
 * them without a curator key, and the page shows its words), and the ELM export checked against the
 * Commission's shapes on request.
 */

type Outcome = NonNullable<OfferQuery['microCredential']>['learningOutcomes'][number];
const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}${text.endsWith('.') ? '' : '.'}`;
const linkKey = (l: { outcomeId: string; skill: { uri: string } }) => `${l.outcomeId} ${l.skill.uri}`;

export function OfferDetail(props: { id: string; back: string }) {
  const offer = useQuery(OfferDocument, { id: props.id });
  return (
    <article class="offer">
      <p>
        <a href={props.back}>← All offers</a>
      </p>
      {offer.status === 'loading' && <Loading what="the offer" />}
      {offer.status === 'error' && <Failure error={offer.error} />}
      {offer.status === 'done' && !offer.data.microCredential && <p class="empty">No offer has this id.</p>}
      {offer.status === 'done' && offer.data.microCredential && <Offer offer={offer.data.microCredential} />}
    </article>
  );
}

function Offer(props: { offer: NonNullable<OfferQuery['microCredential']> }) {
  const o = props.offer;
  const c = o.completeness;
  return (
    <>
      <h2>{o.title}</h2>
      <p class="muted">
        {o.provider ? `${o.provider.name} (${words(o.provider.accreditationStatus)})` : 'No provider recorded'} ·{' '}
        {words(o.status)}
        {o.eqfLevel ? ` · EQF ${o.eqfLevel}` : ''}
        {o.workload ? ` · ${o.workload.value} ${words(o.workload.unit)} (${o.workload.conversion})` : ''}
        {o.sourceName ? ` · from ${o.sourceName}${o.sourceReference ? `, ${o.sourceReference}` : ''}` : ''}
      </p>
      {o.description && <p>{o.description}</p>}
      <h3>Annex I elements</h3>
      <p>
        States {c.mandatoryPresent} of {c.mandatoryTotal} mandatory elements (
        <Term id="completeness">completeness</Term> {pct(c.score, 0)}). {sentence(c.method)}
      </p>
      <ul class="elements">
        {c.elements.map((e) => (
          <li key={e.element} class={`state-${e.state.toLowerCase()}`}>
            {words(e.element)}
            {e.mandatory ? '' : ' (optional)'}: {words(e.state)}
          </li>
        ))}
      </ul>
      <h3>Principle checks (Annex II)</h3>
      <ScrollingTable label="Principle checks">
        <table class="checks">
          <thead>
            <tr>
              <th scope="col">Check</th>
              <th scope="col">Principle</th>
              <th scope="col">Result</th>
              <th scope="col">What was found</th>
            </tr>
          </thead>
          <tbody>
            {c.checks.map((k) => (
              <tr key={k.check}>
                <th scope="row">{words(k.check)}</th>
                <td>{k.principle}</td>
                <td class={`outcome-${k.outcome.toLowerCase()}`}>{k.outcome}</td>
                <td>{k.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
      <h3>Learning outcomes and their skills</h3>
      <p class="muted">
        Suggested links come from the skill linker; a curator accepts or rejects them, or adds one (this needs a
        curator’s API key, entered at the top). Only accepted and added links go into the ELM export.
      </p>
      <ol class="outcomes">
        {o.learningOutcomes.map((outcome) => (
          <OutcomeLinks key={outcome.id} outcome={outcome} />
        ))}
      </ol>
      <Elm id={o.id} title={o.title} />
    </>
  );
}

function OutcomeLinks(props: { outcome: Outcome }) {
  const outcome = props.outcome;
  const [links, setLinks] = useState<LinkFragment[]>(outcome.skillLinks);
  const [error, setError] = useState<ApiError | null>(null);
  const keep = (link: LinkFragment) =>
    setLinks((now) =>
      now.some((l) => linkKey(l) === linkKey(link))
        ? now.map((l) => (linkKey(l) === linkKey(link) ? link : l))
        : [...now, link],
    );
  const write = async (run: () => Promise<LinkFragment>) => {
    setError(null);
    try {
      keep(await run());
    } catch (e) {
      setError(asApiError(e));
    }
  };
  const review = (link: LinkFragment, decision: SkillLinkDecision) =>
    write(
      async () =>
        (await request(ReviewLinkDocument, { outcomeId: outcome.id, skillUri: link.skill.uri, decision }))
          .reviewSkillLink,
    );
  return (
    <li data-outcome={outcome.id}>
      <p>
        {outcome.text}
        {!outcome.stated && <span class="muted"> (no outcomes stated: the offer’s title, linked for review)</span>}
      </p>
      {error && (
        <p class="error" role="alert">
          {error.message}
        </p>
      )}
      {links.length === 0 ? (
        <p class="empty">No skill linked.</p>
      ) : (
        <div class="table-wrap">
          <table class="links">
            <thead>
              <tr>
                <th scope="col">Skill</th>
                <th scope="col">State</th>
                <th scope="col">Evidence</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              {links.map((l) => (
                <tr key={linkKey(l)} data-skill={l.skill.uri}>
                  <th scope="row">{l.skill.preferredLabel}</th>
                  <td class={`link-${l.state.toLowerCase()}`}>{words(l.state)}</td>
                  <td>
                    {l.score != null ? `score ${l.score.toFixed(2)}` : ''}
                    {l.matchedText ? ` · “${l.matchedText}” matched “${l.matchedLabel}”` : ''}
                    {' · '}
                    {l.method}
                    {l.reviewedBy ? ` · reviewed by ${l.reviewedBy}` : ''}
                    {l.note ? ` · “${l.note}”` : ''}
                  </td>
                  <td class="decide">
                    {l.state !== 'ACCEPTED' && l.state !== 'ADDED' && (
                      <button type="button" onClick={() => review(l, 'ACCEPT')}>
                        Accept<span class="visually-hidden"> {l.skill.preferredLabel}</span>
                      </button>
                    )}
                    {l.state !== 'REJECTED' && (
                      <button type="button" onClick={() => review(l, 'REJECT')}>
                        Reject<span class="visually-hidden"> {l.skill.preferredLabel}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddLink
        onAdd={(skillUri) =>
          write(async () => (await request(AddLinkDocument, { outcomeId: outcome.id, skillUri })).addSkillLink)
        }
      />
    </li>
  );
}

/** Find a skill by name and link it by hand. */
function AddLink(props: { onAdd: (skillUri: string) => void }) {
  const [text, setText] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [choice, setChoice] = useState('');
  const found = useQuery(SkillChoicesDocument, asked ? { text: asked } : null);
  const choices = found.status === 'done' ? found.data.searchSkills : [];
  return (
    <details class="add-link">
      <summary>Add a skill by hand</summary>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(text.trim() || null);
          setChoice('');
        }}
      >
        <label>
          Skill name
          <input name="skill" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit">Find</button>
      </form>
      {asked && found.status === 'loading' && <Loading what="skills" />}
      {asked && found.status === 'error' && <Failure error={found.error} />}
      {asked && found.status === 'done' && choices.length === 0 && <p class="empty">No skill matches.</p>}
      {choices.length > 0 && (
        <form
          class="filters"
          onSubmit={(e) => {
            e.preventDefault();
            if (choice) props.onAdd(choice);
          }}
        >
          <label>
            ESCO skill
            <select name="skillUri" value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
              <option value="">choose one</option>
              {choices.map((h) => (
                <option key={h.skill.uri} value={h.skill.uri}>
                  {h.skill.preferredLabel}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={!choice}>
            Add link
          </button>
        </form>
      )}
    </details>
  );
}

/** The ELM export, checked against the Commission's shapes only when asked (it takes a moment). */
function Elm(props: { id: string; title: string }) {
  const [asked, setAsked] = useState(false);
  const elm = useQuery(OfferElmDocument, asked ? { id: props.id } : null);
  const doc = elm.status === 'done' ? elm.data.microCredential?.elm : null;
  return (
    <section class="elm">
      <h3>European Learning Model export</h3>
      {!asked && (
        <button type="button" onClick={() => setAsked(true)}>
          Export and check against the Commission’s shapes
        </button>
      )}
      {asked && elm.status === 'loading' && <Loading what="the export and its validation" />}
      {asked && elm.status === 'error' && <Failure error={elm.error} />}
      {doc && (
        <>
          <p class={doc.validation.conforms ? 'pass' : 'error'}>
            {doc.validation.conforms
              ? `Conforms to the ${doc.validation.profile} shapes.`
              : `${doc.validation.violations.length} results against the ${doc.validation.profile} shapes.`}
          </p>
          {doc.unmapped.length > 0 && (
            <>
              <p>Held but not carried by the document:</p>
              <ul>
                {doc.unmapped.map((u) => (
                  <li key={u}>{u}</li>
                ))}
              </ul>
            </>
          )}
          {doc.validation.violations.length > 0 && (
            <ScrollingTable label="Validation results">
              <table class="violations">
                <thead>
                  <tr>
                    <th scope="col">Severity</th>
                    <th scope="col">Node</th>
                    <th scope="col">Property</th>
                    <th scope="col">Message</th>
                  </tr>
                </thead>
                <tbody>
                  {doc.validation.violations.map((v, i) => (
                    <tr key={i}>
                      <td>{v.severity}</td>
                      <td>{v.focusNode}</td>
                      <td>{v.path ?? '–'}</td>
                      <td>{v.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollingTable>
          )}
          <p class="actions">
            <button type="button" onClick={() => download(`${props.id}.elm.jsonld`, doc.json, 'application/ld+json')}>
              Download JSON-LD
            </button>
          </p>
        </>
      )}
    </section>
  );
}
