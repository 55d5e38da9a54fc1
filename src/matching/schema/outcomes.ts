import { MicroCredentialRef } from '../../catalogue/schema/micro-credential.js';
import { audit } from '../../credentials/store.js';
import { NotFoundError, UserInputError } from '../../errors.js';
import { builder } from '../../graphql/builder.js';
import { type HubContext, loadExisting } from '../../graphql/context.js';
import { Occupation } from '../../taxonomy/schema/concepts.js';
import { type PublishedOutcomes, publishOutcomes } from '../outcomes.js';
import { auditSubject, profileFor } from '../profile-access.js';
import { type PlanRecordRow, addPlan, jobseekerOfPlan, outcomeCounts, readPlan, setOutcome } from '../profile-store.js';
import { JobseekerRef } from './profiles.js';

/**
 * The counsellor's workflow after a plan: the plan proposed and the plan chosen, then what happened
 * (enrolled, completed, employed after six months). Records stay in the counsellor's scope, with the
 * profile; only aggregates per offer and provider leave it, for the analyst role, with counts below 5
 * suppressed (src/matching/outcomes.ts).
 */

const PlanRecordRef = builder.objectRef<PlanRecordRow>('PlanRecord').implement({
  description: 'A course plan proposed to a jobseeker, the courses chosen, and the outcome once known.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The record id (pass it to recordOutcome).' }),
    occupation: t.field({
      type: Occupation,
      nullable: true,
      description: 'The target occupation.',
      resolve: (p, _a, context) => context.loaders.taxonomy.occupation.load(p.occupationUri),
    }),
    proposed: t.field({
      type: [MicroCredentialRef],
      description: 'The offers proposed.',
      resolve: (p, _a, context) => loadExisting(context.loaders.catalogue.microCredential, p.proposed),
    }),
    chosen: t.field({
      type: [MicroCredentialRef],
      description: 'The offers the person chose.',
      resolve: (p, _a, context) => loadExisting(context.loaders.catalogue.microCredential, p.chosen),
    }),
    recordedAt: t.exposeString('recordedAt', { description: 'When the plan was recorded.' }),
    enrolled: t.idList({
      nullable: true,
      description: 'Offers the person enrolled in (null until an outcome is recorded).',
      resolve: (p) => p.enrolled,
    }),
    completed: t.idList({ nullable: true, description: 'Offers the person completed.', resolve: (p) => p.completed }),
    employedAfter6Months: t.boolean({
      nullable: true,
      description: 'In work six months after the plan, when known.',
      resolve: (p) => p.employedAfter6Months,
    }),
    outcomeAt: t.string({
      nullable: true,
      description: 'When the outcome was last recorded.',
      resolve: (p) => p.outcomeAt,
    }),
  }),
});

builder.objectField(JobseekerRef, 'plans', (t) =>
  t.field({
    type: [PlanRecordRef],
    description: 'Plans recorded for the person, oldest first, with their outcomes.',
    resolve: (p) => p.plans,
  }),
);

const OutcomesRef = builder.objectRef<PublishedOutcomes & { offers: number }>('OutcomeAggregate').implement({
  description:
    'How many people went through each stage after being proposed an offer (or a provider’s offers); counts from 1 to 4 are suppressed (null).',
  fields: (t) => ({
    offers: t.int({ description: 'The offers counted.', resolve: (o) => o.offers }),
    proposed: t.int({ nullable: true, description: 'People who had it proposed.', resolve: (o) => o.proposed }),
    chosen: t.int({ nullable: true, description: 'People who chose it.', resolve: (o) => o.chosen }),
    enrolled: t.int({ nullable: true, description: 'People who enrolled.', resolve: (o) => o.enrolled }),
    completed: t.int({ nullable: true, description: 'People who completed it.', resolve: (o) => o.completed }),
    employedAfter6Months: t.int({
      nullable: true,
      description: 'People who completed it and were in work six months after the plan.',
      resolve: (o) => o.employedAfter6Months,
    }),
    completionRate: t.float({
      nullable: true,
      description: 'completed / enrolled, where both are published.',
      resolve: (o) => o.completionRate,
    }),
    employmentRate: t.float({
      nullable: true,
      description: 'employedAfter6Months / completed, where both are published.',
      resolve: (o) => o.employmentRate,
    }),
    suppressed: t.stringList({ description: 'The figures withheld.', resolve: (o) => o.suppressed }),
    note: t.string({ description: 'What was suppressed and why.', resolve: (o) => o.note }),
  }),
});

async function checkOffers(context: HubContext, ids: string[], field: string): Promise<void> {
  const found = await context.loaders.catalogue.microCredential.loadMany(ids);
  const problems = ids.flatMap((id, i) =>
    found[i] == null || found[i] instanceof Error
      ? [{ record: 'plan', field: `${field}[${i}]`, reason: `no micro-credential '${id}'` }]
      : [],
  );
  if (problems.length > 0) throw UserInputError.fromFields(problems);
}

builder.mutationFields((t) => ({
  recordPlan: t.field({
    type: PlanRecordRef,
    authScopes: { counsellor: true },
    description: 'Records the plan proposed to a jobseeker and the courses chosen (audited).',
    args: {
      jobseekerId: t.arg.id({ required: true, description: 'The profile.' }),
      occupationUri: t.arg.string({ required: true, description: 'The target occupation.' }),
      proposed: t.arg.idList({ required: true, description: 'The offers proposed (e.g. recommendCourses’ courses).' }),
      chosen: t.arg.idList({ description: 'The offers the person chose (default: none yet).' }),
    },
    resolve: async (_root, args, context) => {
      const jobseekerId = String(args.jobseekerId);
      await profileFor(context, jobseekerId, 'read jobseeker for a plan');
      if (!(await context.loaders.taxonomy.occupation.load(args.occupationUri)))
        throw new UserInputError('occupationUri', `not an ESCO occupation: '${args.occupationUri}'`);
      const proposed = args.proposed.map(String);
      const chosen = (args.chosen ?? []).map(String);
      await checkOffers(context, proposed, 'proposed');
      await checkOffers(context, chosen, 'chosen');
      // The record is read back in the transaction that writes it: the access check above was the profile's one read.
      return context.graph.writeTransaction(async (tx) => {
        const id = await addPlan(tx, jobseekerId, {
          occupationUri: args.occupationUri,
          proposed,
          chosen,
          recordedBy: context.caller.name,
        });
        await audit(tx, {
          actor: context.caller.name,
          action: 'record plan',
          subject: auditSubject(jobseekerId),
          detail: `${proposed.length} proposed, ${chosen.length} chosen`,
        });
        return (await readPlan(tx, id))!;
      });
    },
  }),
  recordOutcome: t.field({
    type: PlanRecordRef,
    authScopes: { counsellor: true },
    description:
      'Records what happened after a plan: the offers enrolled in and completed, and whether the person was in work six months later (audited).',
    args: {
      planId: t.arg.id({ required: true, description: 'The plan record.' }),
      enrolled: t.arg.idList({ required: true, description: 'Offers enrolled in.' }),
      completed: t.arg.idList({ required: true, description: 'Offers completed (each must also be enrolled).' }),
      employedAfter6Months: t.arg.boolean({ description: 'In work six months after the plan; leave out until known.' }),
    },
    resolve: async (_root, args, context) => {
      const planId = String(args.planId);
      const jobseekerId = await context.graph.writeTransaction((tx) => jobseekerOfPlan(tx, planId));
      if (!jobseekerId) throw new NotFoundError(`plan record '${planId}'`);
      await profileFor(context, jobseekerId, 'read jobseeker for an outcome');
      const enrolled = args.enrolled.map(String);
      const completed = args.completed.map(String);
      const notEnrolled = completed.findIndex((id) => !enrolled.includes(id));
      if (notEnrolled >= 0)
        throw new UserInputError(
          `completed[${notEnrolled}]`,
          `'${completed[notEnrolled]}' is not among the offers enrolled in`,
        );
      await checkOffers(context, enrolled, 'enrolled');
      return context.graph.writeTransaction(async (tx) => {
        await setOutcome(tx, planId, { enrolled, completed, employedAfter6Months: args.employedAfter6Months ?? null });
        await audit(tx, {
          actor: context.caller.name,
          action: 'record outcome',
          subject: auditSubject(jobseekerId),
          detail: `${enrolled.length} enrolled, ${completed.length} completed, employed ${args.employedAfter6Months ?? 'unknown'}`,
        });
        return (await readPlan(tx, planId))!;
      });
    },
  }),
}));

builder.queryFields((t) => ({
  offerOutcomes: t.field({
    type: OutcomesRef,
    authScopes: { analyst: true },
    description:
      'Outcomes after plans that proposed an offer, over every counsellor’s profiles, with counts below 5 suppressed (analyst or admin).',
    args: { microCredentialId: t.arg.id({ required: true, description: 'The offer.' }) },
    resolve: async (_root, args, context) => {
      const id = String(args.microCredentialId);
      if (!(await context.loaders.catalogue.microCredential.load(id)))
        throw new UserInputError('microCredentialId', `no micro-credential '${id}'`);
      return { ...publishOutcomes(await outcomeCounts(context.graph, [id])), offers: 1 };
    },
  }),
  providerOutcomes: t.field({
    type: OutcomesRef,
    authScopes: { analyst: true },
    description:
      'Outcomes after plans that proposed any of a provider’s offers (a person counts once), with counts below 5 suppressed (analyst or admin).',
    args: { providerId: t.arg.id({ required: true, description: 'The provider.' }) },
    resolve: async (_root, args, context) => {
      const id = String(args.providerId);
      if (!(await context.loaders.catalogue.provider.load(id)))
        throw new UserInputError('providerId', `no provider '${id}'`);
      const offers = await context.loaders.catalogue.publishedOffersOfProvider.load(id);
      return { ...publishOutcomes(await outcomeCounts(context.graph, offers)), offers: offers.length };
    },
  }),
}));
