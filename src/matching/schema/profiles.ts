import { hasRole } from '../../access/callers.js';
import { auditSubject, profileFor } from '../profile-access.js';
import { audit } from '../../credentials/store.js';
import { referenceLists } from '../../demand/reference.js';
import { UserInputError } from '../../errors.js';
import { builder } from '../../graphql/builder.js';
import type { HubContext } from '../../graphql/context.js';
import { offerSupply } from '../../intelligence/store.js';
import { Occupation, Skill } from '../../taxonomy/schema/concepts.js';
import { findOccupations } from '../../linking/occupation-finder.js';
import { MAX_TEXT_LENGTH, skillsNamedIn } from '../person.js';
import {
  type ConstraintsInput,
  checkConstraints,
  jobseekerPseudonym,
  mergeWorkHistory,
  referenceProblem,
} from '../profile.js';
import {
  type ProfileRow,
  type ProfileSkillRow,
  type WorkHistoryRow,
  addSkills,
  createProfile,
  eraseProfile,
  profileIdsOf,
  removeSkillsOfOrigin,
  reviewSkill,
  setConstraints,
  setWorkHistory,
} from '../profile-store.js';
import { ConstraintsInputRef } from './courses.js';

/**
 * Jobseeker profiles for counsellors (src/matching/profile.ts): created, read, updated and erased by the
 * counsellor who made them (or an admin); every read and change is audited under the profile's id,
 * never the person's reference, which is stored only as a keyed pseudonym.
 */

const ProficiencyEnum = builder.enumType('Proficiency', {
  description: 'How well the person masters a skill, as the counsellor judges it.',
  values: {
    BASIC: { description: 'Can do it with guidance.' },
    INTERMEDIATE: { description: 'Can do it independently.' },
    ADVANCED: { description: 'Can do it in new situations and guide others.' },
  } as const,
});

const ProfileSkillRef = builder.objectRef<ProfileSkillRow>('JobseekerSkill').implement({
  description: 'A skill in a jobseeker’s profile.',
  fields: (t) => ({
    skill: t.field({
      type: Skill,
      nullable: true,
      description: 'The skill.',
      resolve: (s, _a, context) => context.loaders.taxonomy.skill.load(s.uri),
    }),
    origin: t.string({
      description:
        'GIVEN (by the counsellor), TEXT (suggested from notes or a CV paragraph) or CREDENTIAL (taught by a micro-credential the person holds).',
      resolve: (s) => s.origin,
    }),
    state: t.string({
      description: 'CONFIRMED (counts in matching), SUGGESTED (waits for the counsellor) or REJECTED.',
      resolve: (s) => s.state,
    }),
    detail: t.string({
      description: 'Where it came from (the matched words, the credential).',
      resolve: (s) => s.detail,
    }),
    proficiency: t.string({
      nullable: true,
      description: 'BASIC, INTERMEDIATE or ADVANCED, when the counsellor set it.',
      resolve: (s) => s.proficiency,
    }),
  }),
});

const WorkHistoryRef = builder.objectRef<WorkHistoryRow>('JobseekerWork').implement({
  description: 'An occupation the person has worked in.',
  fields: (t) => ({
    occupation: t.field({
      type: Occupation,
      nullable: true,
      description: 'The ESCO occupation.',
      resolve: (w, _a, context) => context.loaders.taxonomy.occupation.load(w.uri),
    }),
    years: t.float({ nullable: true, description: 'Years in it, if known.', resolve: (w) => w.years }),
    detail: t.string({
      description: 'How it was found (given, or the job title matched by occupation search).',
      resolve: (w) => w.detail,
    }),
  }),
});

const StoredFunding = builder.objectRef<NonNullable<ConstraintsInput['funding']>>('JobseekerFunding').implement({
  description: 'The person’s funding.',
  fields: (t) => ({
    kind: t.string({ description: 'VOUCHER, ILA or NONE.', resolve: (f) => f.kind }),
    amount: t.float({ nullable: true, description: 'The amount, if known.', resolve: (f) => f.amount ?? null }),
    currency: t.string({ nullable: true, description: 'Its currency.', resolve: (f) => f.currency ?? null }),
  }),
});

const StoredConstraints = builder.objectRef<ConstraintsInput>('JobseekerConstraints').implement({
  description: 'What a plan for the person must respect (see CourseConstraints).',
  fields: (t) => ({
    region: t.string({ nullable: true, description: 'Region.', resolve: (c) => c.region ?? null }),
    remote: t.boolean({ nullable: true, description: 'Can learn online from home.', resolve: (c) => c.remote ?? null }),
    modes: t.stringList({
      nullable: true,
      description: 'Accepted forms of participation.',
      resolve: (c) => (c.modes ? [...c.modes] : null),
    }),
    maxWorkloadHours: t.float({
      nullable: true,
      description: 'Most hours of learning.',
      resolve: (c) => c.maxWorkloadHours ?? null,
    }),
    earliestStart: t.string({
      nullable: true,
      description: 'Earliest start date.',
      resolve: (c) => c.earliestStart ?? null,
    }),
    languages: t.stringList({
      nullable: true,
      description: 'Languages.',
      resolve: (c) => (c.languages ? [...c.languages] : null),
    }),
    eqfLevel: t.int({ nullable: true, description: 'EQF level.', resolve: (c) => c.eqfLevel ?? null }),
    funding: t.field({
      type: StoredFunding,
      nullable: true,
      description: 'Funding.',
      resolve: (c) => c.funding ?? null,
    }),
  }),
});

export const JobseekerRef = builder.objectRef<ProfileRow>('Jobseeker').implement({
  description:
    'A jobseeker’s profile: pseudonymous, visible to the counsellor who made it (and admins), every read audited.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The profile id (random; pass it as jobseekerId to matching).' }),
    pseudonym: t.exposeString('pseudonym', {
      description: 'HMAC of the counsellor’s reference; the reference itself is not stored.',
    }),
    counsellor: t.exposeString('counsellor', { description: 'The API key that created the profile.' }),
    createdAt: t.exposeString('createdAt', { description: 'When it was created.' }),
    updatedAt: t.exposeString('updatedAt', { description: 'When it last changed.' }),
    skills: t.field({
      type: [ProfileSkillRef],
      description: 'Its skills, with origin and state.',
      resolve: (p) => p.skills,
    }),
    workHistory: t.field({
      type: [WorkHistoryRef],
      description: 'Occupations worked in.',
      resolve: (p) => p.workHistory,
    }),
    constraints: t.field({
      type: StoredConstraints,
      description: 'Constraints for course plans.',
      resolve: (p) => p.constraints,
    }),
  }),
});

const WorkHistoryInput = builder.inputType('WorkHistoryInput', {
  description: 'An occupation the person worked in: an ESCO URI, or a job title found through occupation search.',
  fields: (t) => ({
    occupationUri: t.string({ description: 'The ESCO occupation.' }),
    title: t.string({
      description:
        'A job title as the person says it ("forklift driver"); its best occupation search hit is kept, the title is not.',
    }),
    years: t.float({ description: 'Years in it.' }),
  }),
});

const JobseekerInput = builder.inputType('JobseekerInput', {
  description:
    'What a counsellor records about a jobseeker. On update, each part given replaces that part; parts left out stay.',
  fields: (t) => ({
    reference: t.string({
      description:
        'The counsellor’s own reference for the person (required on create); stored only as a keyed pseudonym. Never a name or national identifier.',
    }),
    skills: t.stringList({ description: 'ESCO skill URIs the counsellor confirms (origin GIVEN).' }),
    text: t.string({
      description:
        'Notes or a CV paragraph: the skills found in it become suggestions to confirm or reject. The text is not stored.',
    }),
    completedMicroCredentials: t.idList({
      description: 'Micro-credentials the person holds: their linked skills are added as CREDENTIAL skills.',
    }),
    workHistory: t.field({
      type: [WorkHistoryInput],
      description: 'Occupations worked in; one given twice is held once, with its years added.',
    }),
    constraints: t.field({
      type: ConstraintsInputRef,
      description: 'Region, modes, workload, start, languages, level and funding for course plans.',
    }),
  }),
});

/** The skills and work history an input brings, checked; text becomes suggestions. */
async function partsOf(context: HubContext, input: typeof JobseekerInput.$inferInput) {
  const { problems, region } = input.constraints
    ? checkConstraints(input.constraints, 'input.constraints', referenceLists(context.referenceDir))
    : { problems: [], region: null };
  const skills: ProfileSkillRow[] = [];
  if (input.skills) {
    const found = await context.loaders.taxonomy.skill.loadMany(input.skills);
    input.skills.forEach((uri, i) => {
      if (found[i] == null || found[i] instanceof Error)
        problems.push({
          record: 'jobseeker',
          field: `input.skills[${i}]`,
          reason: `not an ESCO skill of the current release: '${uri}'`,
        });
      else
        skills.push({ uri, origin: 'GIVEN', state: 'CONFIRMED', detail: 'given by the counsellor', proficiency: null });
    });
  }
  if (input.completedMicroCredentials) {
    const ids = input.completedMicroCredentials.map(String);
    const offers = new Map((await offerSupply(context)).map((o) => [o.id, o]));
    ids.forEach((id, i) => {
      const offer = offers.get(id);
      if (!offer)
        problems.push({
          record: 'jobseeker',
          field: `input.completedMicroCredentials[${i}]`,
          reason: `no published micro-credential '${id}'`,
        });
      else
        for (const link of offer.links)
          if (link.state !== 'REJECTED' && link.state !== 'SUGGESTED')
            skills.push({
              uri: link.skillUri,
              origin: 'CREDENTIAL',
              state: 'CONFIRMED',
              detail: `taught by ${id}`,
              proficiency: null,
            });
    });
  }
  if (input.text != null) {
    if (!input.text.trim()) problems.push({ record: 'jobseeker', field: 'input.text', reason: 'is empty' });
    else if (input.text.length > MAX_TEXT_LENGTH)
      problems.push({
        record: 'jobseeker',
        field: 'input.text',
        reason: `must be at most ${MAX_TEXT_LENGTH} characters (got ${input.text.length})`,
      });
    else
      for (const named of await skillsNamedIn(context, input.text))
        skills.push({ ...named, origin: 'TEXT', state: 'SUGGESTED', proficiency: null });
  }
  let work: WorkHistoryRow[] | null = null;
  if (input.workHistory) {
    work = [];
    const search = await context.occupationSearch();
    const release = await context.skillLinker();
    for (const [i, item] of input.workHistory.entries()) {
      if (item.years != null && !(item.years >= 0 && item.years <= 70))
        problems.push({
          record: 'jobseeker',
          field: `input.workHistory[${i}].years`,
          reason: `must be 0–70 (got ${item.years})`,
        });
      if (item.occupationUri) {
        const occupation = await context.loaders.taxonomy.occupation.load(item.occupationUri);
        if (!occupation)
          problems.push({
            record: 'jobseeker',
            field: `input.workHistory[${i}].occupationUri`,
            reason: `not an ESCO occupation of the current release: '${item.occupationUri}'`,
          });
        else work.push({ uri: item.occupationUri, years: item.years ?? null, detail: 'given by the counsellor' });
      } else if (item.title?.trim() && search) {
        const [hit] = findOccupations(search, release?.linker ?? null, item.title, { first: 1 });
        if (!hit)
          problems.push({
            record: 'jobseeker',
            field: `input.workHistory[${i}].title`,
            reason: 'no ESCO occupation matches this title; give an occupationUri',
          });
        else
          work.push({
            uri: hit.uri,
            years: item.years ?? null,
            detail: `job title matched to "${hit.preferredLabel}" (label "${hit.evidence.matchedLabel ?? hit.preferredLabel}")`,
          });
      } else
        problems.push({
          record: 'jobseeker',
          field: `input.workHistory[${i}]`,
          reason: 'give an occupationUri or a title',
        });
    }
  }
  if (problems.length > 0) throw UserInputError.fromFields(problems);
  return {
    skills,
    work: work ? mergeWorkHistory(work) : null,
    constraints: input.constraints ? { ...input.constraints, region } : null,
  };
}

builder.mutationFields((t) => ({
  createJobseeker: t.field({
    type: JobseekerRef,
    authScopes: { counsellor: true },
    description: 'Creates a pseudonymous jobseeker profile owned by the calling counsellor (audited).',
    args: { input: t.arg({ type: JobseekerInput, required: true, description: 'The profile.' }) },
    resolve: async (_root, { input }, context) => {
      const missing = referenceProblem(input.reference);
      if (missing) throw UserInputError.fromFields([{ ...missing, field: 'input.reference' }]);
      const parts = await partsOf(context, input);
      const pseudonym = jobseekerPseudonym(context.pseudonymSecret, input.reference!);
      const id = await context.graph.writeTransaction(async (tx) => {
        const created = await createProfile(tx, {
          pseudonym,
          counsellor: context.caller.name,
          constraints: parts.constraints ?? {},
        });
        await addSkills(tx, created, parts.skills);
        if (parts.work) await setWorkHistory(tx, created, parts.work);
        await audit(tx, {
          actor: context.caller.name,
          action: 'create jobseeker',
          subject: auditSubject(created),
          detail: `${parts.skills.length} skill(s)`,
        });
        return created;
      });
      return profileFor(context, id, 'read jobseeker');
    },
  }),
  updateJobseeker: t.field({
    type: JobseekerRef,
    authScopes: { counsellor: true },
    description:
      'Updates a profile: skills given replace the GIVEN skills, text adds suggestions (reviewed skills keep their state), credentials add their skills, work history and constraints replace theirs (audited).',
    args: {
      id: t.arg.id({ required: true, description: 'The profile.' }),
      input: t.arg({ type: JobseekerInput, required: true, description: 'The parts to change.' }),
    },
    resolve: async (_root, args, context) => {
      const id = String(args.id);
      await profileFor(context, id, 'read jobseeker for update');
      if (args.input.reference != null)
        throw new UserInputError('input.reference', 'cannot be changed; create a new profile instead');
      const parts = await partsOf(context, args.input);
      await context.graph.writeTransaction(async (tx) => {
        if (args.input.skills) await removeSkillsOfOrigin(tx, id, 'GIVEN');
        await addSkills(tx, id, parts.skills);
        if (parts.work) await setWorkHistory(tx, id, parts.work);
        if (parts.constraints) await setConstraints(tx, id, parts.constraints);
        await audit(tx, {
          actor: context.caller.name,
          action: 'update jobseeker',
          subject: auditSubject(id),
          detail: Object.keys(args.input)
            .filter((k) => (args.input as Record<string, unknown>)[k] != null)
            .join(', '),
        });
      });
      return profileFor(context, id, 'read jobseeker');
    },
  }),
  reviewJobseekerSkill: t.field({
    type: JobseekerRef,
    authScopes: { counsellor: true },
    description:
      'The counsellor confirms or rejects a skill of the profile (a suggestion from text, or any other), optionally with a proficiency (audited).',
    args: {
      id: t.arg.id({ required: true, description: 'The profile.' }),
      skillUri: t.arg.string({ required: true, description: 'The skill.' }),
      accept: t.arg.boolean({ required: true, description: 'true confirms, false rejects.' }),
      proficiency: t.arg({ type: ProficiencyEnum, description: 'How well the person masters it.' }),
    },
    resolve: async (_root, args, context) => {
      const id = String(args.id);
      await profileFor(context, id, 'read jobseeker for review');
      const found = await context.graph.writeTransaction(async (tx) => {
        const ok = await reviewSkill(
          tx,
          id,
          args.skillUri,
          args.accept ? 'CONFIRMED' : 'REJECTED',
          args.proficiency ?? null,
        );
        if (ok)
          await audit(tx, {
            actor: context.caller.name,
            action: args.accept ? 'confirm jobseeker skill' : 'reject jobseeker skill',
            subject: auditSubject(id),
            detail: args.skillUri,
          });
        return ok;
      });
      if (!found) throw new UserInputError('skillUri', `the profile has no skill '${args.skillUri}'`);
      return profileFor(context, id, 'read jobseeker');
    },
  }),
  eraseJobseeker: t.field({
    type: 'Boolean',
    authScopes: { counsellor: true },
    description:
      'Erases a profile and every trace of it: its skills, work history and constraints, and its id in earlier audit events (right to erasure). The erasure itself is audited without the id.',
    args: { id: t.arg.id({ required: true, description: 'The profile.' }) },
    resolve: async (_root, args, context) => {
      const id = String(args.id);
      await profileFor(context, id, 'read jobseeker for erasure');
      return context.graph.writeTransaction(async (tx) => {
        const erased = await eraseProfile(tx, id);
        await audit(tx, {
          actor: context.caller.name,
          action: 'erase jobseeker',
          subject: 'erased jobseeker profile',
          detail: 'profile, skills, work history and constraints erased',
        });
        return erased;
      });
    },
  }),
}));

builder.queryFields((t) => ({
  jobseeker: t.field({
    type: JobseekerRef,
    authScopes: { counsellor: true },
    description: 'A profile by id, for the counsellor who made it or an admin (audited).',
    args: { id: t.arg.id({ required: true, description: 'The profile id.' }) },
    resolve: (_root, args, context) => profileFor(context, String(args.id), 'read jobseeker'),
  }),
  jobseekersByReference: t.field({
    type: ['ID'],
    authScopes: { counsellor: true },
    description:
      'The ids of the calling counsellor’s profiles with this reference (admins: anyone’s), found through the pseudonym (audited).',
    args: { reference: t.arg.string({ required: true, description: 'The counsellor’s reference for the person.' }) },
    resolve: async (_root, args, context) => {
      const pseudonym = jobseekerPseudonym(context.pseudonymSecret, args.reference);
      return context.graph.writeTransaction(async (tx) => {
        const ids = await profileIdsOf(tx, pseudonym, hasRole(context.caller, 'admin') ? null : context.caller.name);
        await audit(tx, {
          actor: context.caller.name,
          action: 'find jobseeker by reference',
          subject: ids.length === 1 ? auditSubject(ids[0]) : 'jobseeker reference',
          detail: `${ids.length} profile(s)`,
        });
        return ids;
      });
    },
  }),
}));
