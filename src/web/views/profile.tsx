import { useState } from 'preact/hooks';
import { request } from '../api';
import {
  FindJobseekerDocument,
  OpenJobseekerDocument,
  type OpenJobseekerQuery,
  RecordPlanDocument,
  type RecordPlanMutation,
  RejectJobseekerSkillDocument,
  SaveJobseekerDocument,
  type SavedProfileFragment,
  UpdateJobseekerDocument,
} from '../gql/graphql';
import { run, type Step } from '../use-query';
import { Failure, Loading } from './states';

/**
 * The counsellor's saved work (a counsellor key). Opening: the profiles under the counsellor's reference
 * (jobseekersByReference, through its pseudonym) and the one picked, whose skills, occupation and constraints
 * fill the counsellor view. Saving: a new pseudonymous profile (createJobseeker) or the opened one
 * (updateJobseeker) with the confirmed skills, the region and the hour limit, then the plan proposed for the
 * target occupation (recordPlan). The given skills are replaced by the confirmed ones; a skill of the opened
 * profile from elsewhere (a confirmed suggestion, a credential's) that the counsellor unticked is rejected
 * (reviewJobseekerSkill), so it no longer counts. The reference is kept by the API only as a keyed pseudonym; the paragraph is
 * not sent. None of this prints: the printed plan carries no reference.
 */

export type Profile = NonNullable<OpenJobseekerQuery['jobseeker']>;

export function OpenProfile(props: { onOpen: (profile: Profile) => void }) {
  const [reference, setReference] = useState('');
  const [found, setFound] = useState<Step<string[]>>({ status: 'idle' });
  const [opening, setOpening] = useState<Step<Profile>>({ status: 'idle' });
  const open = (id: string) =>
    run(setOpening, async () => {
      const profile = (await request(OpenJobseekerDocument, { id })).jobseeker;
      props.onOpen(profile);
      return profile;
    });
  const find = () =>
    run(setFound, async () => {
      const ids = (await request(FindJobseekerDocument, { reference: reference.trim() })).jobseekersByReference;
      if (ids.length === 1) void open(ids[0]);
      return ids;
    });
  return (
    <details class="open-profile no-print">
      <summary>Open a saved profile</summary>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void find();
        }}
      >
        <label>
          Your reference for the person
          <input
            name="openReference"
            autoComplete="off"
            value={reference}
            onInput={(e) => setReference(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={reference.trim() === ''}>
          Open
        </button>
      </form>
      {found.status === 'loading' && <Loading what="the profiles" />}
      {found.status === 'error' && <Failure error={found.error} />}
      {found.status === 'done' && found.data.length === 0 && (
        <p class="empty">None of your profiles has this reference.</p>
      )}
      {found.status === 'done' && found.data.length > 1 && (
        <ul>
          {found.data.map((id) => (
            <li key={id}>
              <button type="button" class="link" onClick={() => void open(id)}>
                Profile {id}
              </button>
            </li>
          ))}
        </ul>
      )}
      {opening.status === 'loading' && <Loading what="the profile" />}
      {opening.status === 'error' && <Failure error={opening.error} />}
    </details>
  );
}

interface Saved {
  profile: SavedProfileFragment;
  plan: RecordPlanMutation['recordPlan'] | null;
  planError: string | null;
}

export function SaveToProfile(props: {
  /** The profile to save into (opened, or made by an earlier save); null makes a new one. */
  profileId: string | null;
  /** Told the profile's id once written, so the next save goes into it. */
  onSaved: (id: string) => void;
  skills: string[];
  /** Skills of the opened profile not given by the counsellor (suggestions confirmed, credentials') now unticked. */
  unticked: string[];
  region: string | null;
  maxWorkloadHours: number | null;
  occupationUri: string;
  proposed: string[];
}) {
  const [reference, setReference] = useState('');
  const [saved, setSaved] = useState<Step<Saved>>({ status: 'idle' });
  const save = () =>
    run(setSaved, async () => {
      const constraints = {
        ...(props.region ? { region: props.region } : {}),
        ...(props.maxWorkloadHours !== null ? { maxWorkloadHours: props.maxWorkloadHours } : {}),
      };
      let profile = props.profileId
        ? (
            await request(UpdateJobseekerDocument, {
              id: props.profileId,
              input: { skills: props.skills, constraints },
            })
          ).updateJobseeker
        : (
            await request(SaveJobseekerDocument, {
              input: { reference: reference.trim(), skills: props.skills, constraints },
            })
          ).createJobseeker;
      for (const skillUri of props.profileId ? props.unticked : [])
        profile = (await request(RejectJobseekerSkillDocument, { id: profile.id, skillUri })).reviewJobseekerSkill;
      props.onSaved(profile.id);
      // The profile stands once written; a plan the API refuses is said beside it, not hidden.
      try {
        const plan = (
          await request(RecordPlanDocument, {
            jobseekerId: profile.id,
            occupationUri: props.occupationUri,
            proposed: props.proposed,
          })
        ).recordPlan;
        return { profile, plan, planError: null };
      } catch (error) {
        return { profile, plan: null, planError: error instanceof Error ? error.message : String(error) };
      }
    });
  return (
    <section class="save-profile no-print">
      <h2>{props.profileId ? `Save to profile ${props.profileId}` : 'Save to a jobseeker profile'}</h2>
      <p class="muted">
        Needs a counsellor key (top of the page). The profile keeps the {props.skills.length} confirmed skills, the
        region and the hour limit, and the plan’s {props.proposed.length} course(s)
        {props.profileId ? '' : '; your reference is stored only as a pseudonym'}, and the paragraph is not sent.
      </p>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {!props.profileId && (
          <label>
            Your reference for the person (never a name or national number)
            <input
              name="reference"
              autoComplete="off"
              value={reference}
              onInput={(e) => setReference(e.currentTarget.value)}
            />
          </label>
        )}
        <button type="submit" disabled={(!props.profileId && reference.trim() === '') || saved.status === 'loading'}>
          Save profile and plan
        </button>
      </form>
      {saved.status === 'loading' && <Loading what="the profile" />}
      {saved.status === 'error' && <Failure error={saved.error} />}
      {saved.status === 'done' && (
        <p class="saved" role="status">
          Saved as profile {saved.data.profile.id} with{' '}
          {saved.data.profile.skills.filter((s) => s.state !== 'REJECTED').length} skill(s)
          {saved.data.plan
            ? `; plan recorded ${saved.data.plan.recordedAt} with ${saved.data.plan.proposed.length} course(s).`
            : `; the plan was not recorded: ${saved.data.planError}`}
        </p>
      )}
    </section>
  );
}
