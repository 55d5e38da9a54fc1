import { useState } from 'preact/hooks';
import { request } from '../api';
import {
  RecordPlanDocument,
  type RecordPlanMutation,
  SaveJobseekerDocument,
  type SaveJobseekerMutation,
} from '../gql/graphql';
import { run, type Step } from '../use-query';
import { Failure, Loading } from './states';

/**
 * Saving the counsellor's work (a counsellor key): a pseudonymous jobseeker profile with the confirmed skills,
 * the region and the hour limit (createJobseeker), then the plan proposed for the target occupation
 * (recordPlan). The counsellor's reference is kept by the API only as a keyed pseudonym; the paragraph is not
 * sent. None of this prints: the printed plan carries no reference.
 */

interface Saved {
  profile: SaveJobseekerMutation['createJobseeker'];
  plan: RecordPlanMutation['recordPlan'] | null;
  planError: string | null;
}

export function SaveToProfile(props: {
  skills: string[];
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
      const profile = (
        await request(SaveJobseekerDocument, {
          input: { reference: reference.trim(), skills: props.skills, constraints },
        })
      ).createJobseeker;
      // The profile stands once created; a plan the API refuses is said beside it, not hidden.
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
      <h2>Save to a jobseeker profile</h2>
      <p class="muted">
        Needs a counsellor key (top of the page). The profile keeps the {props.skills.length} confirmed skills, the
        region and the hour limit, and the plan’s {props.proposed.length} course(s); your reference is stored only as a
        pseudonym, and the paragraph is not sent.
      </p>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          Your reference for the person (never a name or national number)
          <input
            name="reference"
            autoComplete="off"
            value={reference}
            onInput={(e) => setReference(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={reference.trim() === '' || saved.status === 'loading'}>
          Save profile and plan
        </button>
      </form>
      {saved.status === 'loading' && <Loading what="the profile" />}
      {saved.status === 'error' && <Failure error={saved.error} />}
      {saved.status === 'done' && (
        <p class="saved" role="status">
          Saved as profile {saved.data.profile.id} with {saved.data.profile.skills.length} skill(s)
          {saved.data.plan
            ? `; plan recorded ${saved.data.plan.recordedAt} with ${saved.data.plan.proposed.length} course(s).`
            : `; the plan was not recorded: ${saved.data.planError}`}
        </p>
      )}
    </section>
  );
}
