import { useEffect, useState } from 'preact/hooks';
import { type SkillGapsQuery, WhatIfGapsDocument, type WhatIfGapsQuery } from '../gql/graphql';
import { useQuery } from '../use-query';
import { navigate, paramsOf } from '../route';
import { Term } from '../glossary';
import { compareRankings, factorError, listOf, WHAT_IF_PARAMS, whatIfOf } from '../what-if';
import { Failure, Loading, ScrollingTable } from './states';

/**
 * The gap view's what-if panel: choose skills a new offer would teach, published offers to take out of
 * supply, or a change in an ISCO group's demand; the slice is re-scored by the API (nothing written) and the
 * ranking shown before and after. The choice lives in the URL (what-if.ts), so a comparison is a permalink.
 */

type Gap = SkillGapsQuery['sectorSkillGaps'][number];
type Variables = Record<string, unknown> & { region: string | null };

export function WhatIfPanel(props: { gaps: Gap[]; variables: Variables; params: URLSearchParams }) {
  const params = props.params;
  const whatIf = whatIfOf(params, props.variables.region);
  const badFactor = factorError(whatIf);
  const after = useQuery(WhatIfGapsDocument, whatIf && !badFactor ? { ...props.variables, whatIf } : null);
  const offers = [
    ...new Map(
      props.gaps.flatMap((g) => g.coverageDetail.flatMap((c) => (c.offer ? [[c.offer.id, c.offer.title]] : []))),
    ).entries(),
  ] as Array<[string, string]>;
  const [teach, setTeach] = useState(new Set(listOf(params.get('teach'))));
  const [retire, setRetire] = useState(new Set(listOf(params.get('retire'))));
  const [isco, setIsco] = useState(params.get('shiftIsco') ?? '');
  const [factor, setFactor] = useState(params.get('factor') ?? '1.2');
  // The form follows the URL when it changes under it (back, forward, a permalink opened in place).
  const inUrl = WHAT_IF_PARAMS.map((p) => params.get(p) ?? '').join('\n');
  useEffect(() => {
    setTeach(new Set(listOf(params.get('teach'))));
    setRetire(new Set(listOf(params.get('retire'))));
    setIsco(params.get('shiftIsco') ?? '');
    setFactor(params.get('factor') ?? '1.2');
  }, [inUrl]);
  const toggle = (set: Set<string>, value: string, update: (s: Set<string>) => void) => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    update(next);
  };
  const compare = (e: Event) => {
    e.preventDefault();
    navigate('/gaps', {
      ...paramsOf(params),
      teach: [...teach].join(' '),
      retire: [...retire].join(' '),
      shiftIsco: isco.trim(),
      factor: isco.trim() ? factor : null,
    });
  };
  const clear = () => {
    setTeach(new Set());
    setRetire(new Set());
    setIsco('');
    navigate('/gaps', { ...paramsOf(params), ...Object.fromEntries(WHAT_IF_PARAMS.map((p) => [p, null])) });
  };
  return (
    <details class="what-if" open={whatIf !== null}>
      <summary>What if…</summary>
      <form onSubmit={compare}>
        <fieldset class="checklist">
          <legend>A new offer in the region would teach</legend>
          {props.gaps.flatMap((g) =>
            g.skill
              ? [
                  <label key={g.skill.uri}>
                    <input
                      type="checkbox"
                      name="teach"
                      checked={teach.has(g.skill.uri)}
                      onChange={() => toggle(teach, g.skill!.uri, setTeach)}
                    />
                    {g.skill.preferredLabel}
                  </label>,
                ]
              : [],
          )}
        </fieldset>
        {offers.length > 0 && (
          <fieldset class="checklist">
            <legend>Take out of supply</legend>
            {offers.map(([id, title]) => (
              <label key={id}>
                <input
                  type="checkbox"
                  name="retire"
                  checked={retire.has(id)}
                  onChange={() => toggle(retire, id, setRetire)}
                />
                {title}
              </label>
            ))}
          </fieldset>
        )}
        <fieldset class="checklist shift">
          <legend>Demand of an occupation group changes</legend>
          <label>
            ISCO-08 group (1–4 digits)
            <input name="shiftIsco" value={isco} placeholder="7212" onInput={(e) => setIsco(e.currentTarget.value)} />
          </label>
          <label>
            by a factor of
            <input
              name="factor"
              type="number"
              min="0"
              step="0.05"
              value={factor}
              onInput={(e) => setFactor(e.currentTarget.value)}
            />
          </label>
        </fieldset>
        <p class="actions">
          <button type="submit">Compare</button>{' '}
          <button type="button" onClick={clear}>
            Clear
          </button>
        </p>
      </form>
      {badFactor && (
        <p class="error" role="alert">
          <strong>factor: </strong>
          {badFactor}
        </p>
      )}
      {/* Only for the what-if the URL states now: a cleared one leaves no comparison behind. */}
      {whatIf && !badFactor && after.status === 'loading' && <Loading what="the ranking under the change" />}
      {whatIf && !badFactor && after.status === 'error' && <Failure error={after.error} />}
      {whatIf && !badFactor && after.status === 'done' && (
        <Comparison before={props.gaps} after={after.data.sectorSkillGaps} />
      )}
    </details>
  );
}

function Comparison(props: { before: Gap[]; after: WhatIfGapsQuery['sectorSkillGaps'] }) {
  const ranked = (
    rows: Array<{ rank?: number | null; skill?: { uri: string; preferredLabel: string } | null; gapScore: number }>,
  ) =>
    rows.flatMap((r) =>
      r.skill ? [{ rank: r.rank ?? null, uri: r.skill.uri, label: r.skill.preferredLabel, gapScore: r.gapScore }] : [],
    );
  const rows = compareRankings(ranked(props.before), ranked(props.after));
  const changes = props.after[0]?.slice.whatIf ?? [];
  const moved = (m: number | null) =>
    m === null ? 'new in the list' : m > 0 ? `▲ up ${m}` : m < 0 ? `▼ down ${-m}` : 'same place';
  return (
    <>
      <p class="what-if-changes" role="status">
        Under: {changes.join('; ')} (nothing written).
      </p>
      <ScrollingTable label="Ranking before and after">
        <table class="what-if">
          <caption>
            The ranking before and after; <Term id="gap-score">gap score</Term> before → after.
          </caption>
          <thead>
            <tr>
              <th scope="col">Skill</th>
              <th scope="col">Rank before</th>
              <th scope="col">Rank after</th>
              <th scope="col">Moved</th>
              <th scope="col">Gap score</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.uri}>
                <th scope="row">{r.label}</th>
                <td>{r.before?.rank ?? '–'}</td>
                <td>{r.after?.rank ?? 'out of the list'}</td>
                <td>{r.after === null ? '' : moved(r.moved)}</td>
                <td>
                  {r.before ? r.before.gapScore.toFixed(3) : '–'} → {r.after ? r.after.gapScore.toFixed(3) : '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
    </>
  );
}
