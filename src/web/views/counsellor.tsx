import { useState } from 'preact/hooks';
import { request } from '../api';
import { run, type Step } from '../use-query';
import {
  CoursePlanDocument,
  type CoursePlanQuery,
  MatchSkillsDocument,
  type MatchSkillsQuery,
  ReadSkillsDocument,
  type ReadSkillsQuery,
} from '../gql/graphql';
import { Term } from '../glossary';
import { num, pct } from '../format';
import { Failure, FieldError, Loading } from './states';
import { OpenProfile, type Profile, SaveToProfile } from './profile';
import { PlanView } from './plan';

/**
 * The counsellor's view, with a jobseeker across the desk: paste a paragraph, confirm or reject the skills it
 * suggests as one checklist, see the matches in the region (viable first) and the transitions from the person's
 * occupation with what is missing, pick one, and get the course plan under the person's hour limit, printable on
 * one page. The paragraph and skills stay in this tab's memory: nothing is put in the URL or stored.
 */

type Held = ReadSkillsQuery['matchOccupations']['heldSkills'][number];
type Matches = MatchSkillsQuery;
type Plan = CoursePlanQuery['recommendCourses'];

const ORIGIN_WORDS: Record<string, string> = {
  TEXT: 'named in the text',
  WORK_HISTORY: 'from the occupation the text names',
  GIVEN: 'given',
  PROFILE: 'in the profile',
  CREDENTIAL: 'from a credential held',
};

/** The hour limit typed, or null when the box is empty or not a number. */
const maxHours = (hours: string) => (hours.trim() !== '' && Number.isFinite(Number(hours)) ? Number(hours) : null);

export function CounsellorView() {
  const [text, setText] = useState('');
  const [region, setRegion] = useState('');
  const [hours, setHours] = useState('200');
  const [read, setRead] = useState<Step<ReadSkillsQuery['matchOccupations']>>({ status: 'idle' });
  const [rejected, setRejected] = useState<Set<string>>(new Set());
  const [matches, setMatches] = useState<Step<Matches>>({ status: 'idle' });
  const [target, setTarget] = useState<{ uri: string; label: string } | null>(null);
  const [plan, setPlan] = useState<Step<Plan>>({ status: 'idle' });
  // The profile opened (its details) and the one the work is saved into: opened, or created by the last save.
  const [profile, setProfile] = useState<Profile | null>(null);
  const [profileId, setProfileId] = useState<string | null>(null);

  const held: Held[] = read.status === 'done' ? read.data.heldSkills.filter((h) => h.skill) : [];
  const confirmed = held.filter((h) => !rejected.has(h.skill!.uri)).map((h) => h.skill!.uri);
  // The occupations the text names are the person's own; transitions start from the first.
  const own = read.status === 'done' ? read.data.currentOccupations.map((c) => c.occupation!).filter(Boolean) : [];
  const current = own[0] ?? null;
  const regionOrNull = region.trim() || null;
  const fieldError = (step: Step<unknown>, field: string) => (
    <FieldError error={step.status === 'error' ? step.error : null} field={field} />
  );

  // An opened profile fills the view as a paragraph would: its skills (not those rejected) as the checklist.
  const openProfile = (p: Profile) => {
    setProfile(p);
    setProfileId(p.id);
    setText('');
    setRegion(p.constraints.region ?? '');
    setHours(p.constraints.maxWorkloadHours == null ? '' : String(p.constraints.maxWorkloadHours));
    setRejected(new Set());
    setMatches({ status: 'idle' });
    setPlan({ status: 'idle' });
    setTarget(null);
    setRead({
      status: 'done',
      data: {
        heldSkills: p.skills
          .filter((s) => s.state !== 'REJECTED')
          .map((s) => ({ skill: s.skill, origin: s.origin, detail: s.detail })),
        currentOccupations: p.workHistory.map((w) => ({ occupation: w.occupation })),
      },
    });
  };
  // A paragraph read is a new person's: nothing of an opened or saved profile carries over.
  const readSkills = () => {
    setProfile(null);
    setProfileId(null);
    setRejected(new Set());
    setMatches({ status: 'idle' });
    setPlan({ status: 'idle' });
    setTarget(null);
    void run(setRead, async () => (await request(ReadSkillsDocument, { text, region: regionOrNull })).matchOccupations);
  };
  const match = () => {
    setPlan({ status: 'idle' });
    setTarget(null);
    void run(setMatches, () =>
      request(MatchSkillsDocument, {
        skills: confirmed,
        region: regionOrNull,
        current: current?.uri ?? '',
        withTransitions: current != null,
      }),
    );
  };
  const planFor = (uri: string, label: string) => {
    setTarget({ uri, label });
    void run(
      setPlan,
      async () =>
        (
          await request(CoursePlanDocument, {
            occupationUri: uri,
            skills: confirmed,
            constraints: {
              ...(maxHours(hours) !== null ? { maxWorkloadHours: maxHours(hours) } : {}),
              ...(regionOrNull ? { region: regionOrNull } : {}),
            },
          })
        ).recommendCourses,
    );
  };

  return (
    <section>
      <h1 class="no-print">Counsellor</h1>
      <p class="lead no-print">
        From what a person says about their work to occupations within reach and the courses that close the gap. Nothing
        typed here is stored.
      </p>
      <OpenProfile onOpen={openProfile} />
      {profile && <Opened profile={profile} />}
      <form
        class="stack no-print"
        onSubmit={(e) => {
          e.preventDefault();
          readSkills();
        }}
      >
        <label>
          What the person did
          <textarea
            name="text"
            rows={5}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
            placeholder="I worked 8 years as a warehouse forklift driver, did inventory with SAP, and trained new staff."
          />
          {fieldError(read, 'text')}
        </label>
        <div class="filters">
          <label>
            Region where they look for work
            <input
              name="region"
              value={region}
              onInput={(e) => setRegion(e.currentTarget.value)}
              placeholder="DE, FR10, 09162"
            />
            {fieldError(read, 'region')}
            {fieldError(matches, 'region')}
          </label>
          <label>
            Most hours of training
            <input name="hours" inputMode="numeric" value={hours} onInput={(e) => setHours(e.currentTarget.value)} />
            {fieldError(plan, 'constraints')}
          </label>
          <button type="submit">Read skills</button>
        </div>
      </form>
      {read.status === 'loading' && <Loading what="the skills in the text" />}
      {read.status === 'error' && !['text', 'region'].includes(read.error.field ?? '') && (
        <Failure error={read.error} />
      )}
      {read.status === 'done' && (
        <form
          class="no-print"
          onSubmit={(e) => {
            e.preventDefault();
            match();
          }}
        >
          <fieldset class="checklist">
            <legend>
              Skills found: untick the ones the person does not have ({confirmed.length} of {held.length} kept)
              {current ? `; their occupation: ${current.preferredLabel}` : ''}
            </legend>
            {held.length === 0 && <p class="empty">No skill found in the text: say more about the tasks.</p>}
            {held.map((h) => (
              <label key={h.skill!.uri}>
                <input
                  type="checkbox"
                  name="skill"
                  value={h.skill!.uri}
                  checked={!rejected.has(h.skill!.uri)}
                  onChange={(e) => {
                    const next = new Set(rejected);
                    if (e.currentTarget.checked) next.delete(h.skill!.uri);
                    else next.add(h.skill!.uri);
                    setRejected(next);
                  }}
                />
                {h.skill!.preferredLabel} <span class="muted">({ORIGIN_WORDS[h.origin] ?? h.origin})</span>
              </label>
            ))}
          </fieldset>
          <button type="submit" disabled={confirmed.length === 0}>
            Confirm skills and match
          </button>
        </form>
      )}
      {matches.status === 'loading' && <Loading what="the matches" />}
      {matches.status === 'error' && <Failure error={matches.error} />}
      {matches.status === 'done' && (
        <MatchList data={matches.data} own={own.map((o) => o.uri)} onPick={planFor} picked={target?.uri ?? null} />
      )}
      {plan.status === 'loading' && <Loading what="the course plan" />}
      {plan.status === 'error' && plan.error.field !== 'constraints' && <Failure error={plan.error} />}
      {plan.status === 'done' && target && <PlanView plan={plan.data} target={target.label} hours={hours} />}
      {plan.status === 'done' && target && (
        <SaveToProfile
          profileId={profileId}
          onSaved={setProfileId}
          skills={confirmed}
          unticked={
            profile && profile.id === profileId
              ? profile.skills
                  .filter((s) => s.origin !== 'GIVEN' && s.state !== 'REJECTED' && rejected.has(s.skill!.uri))
                  .map((s) => s.skill!.uri)
              : []
          }
          region={regionOrNull}
          maxWorkloadHours={maxHours(hours)}
          occupationUri={target.uri}
          proposed={plan.data.courses.flatMap((c) => (c.microCredential ? [c.microCredential.id] : []))}
        />
      )}
    </section>
  );
}

function MatchList(props: {
  data: Matches;
  /** The occupations the text names: the person's own, not offered (as the API does when it reads the text). */
  own: string[];
  onPick: (uri: string, label: string) => void;
  picked: string | null;
}) {
  const { demandNote } = props.data.matchOccupations;
  const matches = props.data.matchOccupations.matches.filter((m) => !props.own.includes(m.occupation?.uri ?? ''));
  const transitions = props.data.occupationTransitions ?? [];
  return (
    <div class="no-print">
      <h2>Occupations within reach</h2>
      <p class="muted">{demandNote}</p>
      {matches.length === 0 && (
        <p class="empty">
          {props.data.matchOccupations.matches.length > 0
            ? 'Only their own occupation fits these skills among the first ten: see the career moves below.'
            : 'No occupation shares an essential skill with these skills.'}
        </p>
      )}
      <ol class="matches">
        {matches.map((m) => (
          <li key={m.occupation!.uri} class={m.occupation!.uri === props.picked ? 'picked' : ''}>
            <div>
              <strong>{m.occupation!.preferredLabel}</strong>{' '}
              <span class={`tier tier-${m.tier.toLowerCase()}`}>
                <Term id="viable">{m.tier === 'VIABLE' ? 'viable' : 'stretch'}</Term>
              </span>
              {m.stepDown && <span class="flag"> step down</span>}
              {!m.grounded && <span class="flag"> generic skills only</span>}
            </div>
            <div class="muted">
              skill fit {pct(m.skillFit, 0)}
              {m.demand
                ? ` · demand ${num(m.demand.value)} ${m.demand.unit} (${m.demand.period}, ${m.demand.source})`
                : ''}
            </div>
            <div>
              Missing:{' '}
              {m.missingEssential
                .slice(0, 5)
                .map((s) => s.preferredLabel)
                .join(', ') || 'nothing essential'}
              {m.missingEssential.length > 5 ? ` and ${m.missingEssential.length - 5} more` : ''}
            </div>
            <button type="button" onClick={() => props.onPick(m.occupation!.uri, m.occupation!.preferredLabel)}>
              Plan courses for this
            </button>
          </li>
        ))}
      </ol>
      {transitions.length > 0 && (
        <>
          <h2>Career moves from their occupation</h2>
          <ol class="matches">
            {transitions.map((t) => (
              <li key={t.occupation!.uri}>
                <strong>{t.occupation!.preferredLabel}</strong>{' '}
                <span class={`tier tier-${t.tier.toLowerCase()}`}>{t.tier === 'VIABLE' ? 'viable' : 'stretch'}</span>
                {t.stepDown && <span class="flag"> step down</span>}
                <div class="muted">
                  similarity {pct(t.similarity, 0)}; to add:{' '}
                  {t.missingEssential
                    .slice(0, 4)
                    .map((s) => s.preferredLabel)
                    .join(', ') || 'nothing essential'}
                </div>
                <button type="button" onClick={() => props.onPick(t.occupation!.uri, t.occupation!.preferredLabel)}>
                  Plan courses for this
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

/** What the opened profile holds, in a line (its latest plan by the time it was recorded). */
function Opened(props: { profile: Profile }) {
  const p = props.profile;
  const latest = [...p.plans].sort((a, b) => (a.recordedAt < b.recordedAt ? 1 : -1))[0];
  return (
    <p class="opened no-print" role="status">
      Profile {p.id} opened: {p.skills.filter((s) => s.state !== 'REJECTED').length} skill(s), {p.plans.length} plan(s)
      recorded
      {latest
        ? ` (latest ${latest.recordedAt.slice(0, 10)}, towards ${latest.occupation?.preferredLabel ?? 'an occupation'})`
        : ''}
      .
    </p>
  );
}
