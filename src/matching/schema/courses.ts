import { MicroCredentialRef } from '../../catalogue/schema/micro-credential.js';
import { PARTICIPATION_FORMS } from '../../catalogue/model.js';
import { referenceLists } from '../../demand/reference.js';
import { UserInputError } from '../../errors.js';
import { builder } from '../../graphql/builder.js';
import { loadExisting } from '../../graphql/context.js';
import { occupationIndex } from '../../intelligence/store.js';
import { planOffers } from '../plan-offers.js';
import { Skill } from '../../taxonomy/schema/concepts.js';
import { type CoursePlanResult, type Plan, type RejectedOffer, planCourses, rejectionReason } from '../course-plan.js';
import { checkConstraints, mergeConstraints, toPlanConstraints } from '../profile.js';
import { fitOccupation } from '../occupation-fit.js';
import { heldCredits } from '../held-credits.js';
import { neighboursOf, personSkills } from '../person.js';

/** `recommendCourses`: the smallest set of quality-assured offers that closes a person's gap to an occupation (src/matching/course-plan.ts). */

const FundingKind = builder.enumType('FundingKind', {
  description: 'How the person’s training is paid for.',
  values: {
    VOUCHER: { description: 'A training voucher: only voucher-eligible offers.' },
    ILA: { description: 'An individual learning account: only ILA-eligible offers.' },
    NONE: { description: 'No public funding scheme: any offer.' },
  } as const,
});

const FundingInput = builder.inputType('FundingInput', {
  description: 'The person’s funding.',
  fields: (t) => ({
    kind: t.field({ type: FundingKind, required: true, description: 'The scheme.' }),
    amount: t.float({
      description: 'The amount available, if known: each offer and the plan’s total must stay within it.',
    }),
    currency: t.string({ description: 'ISO 4217 currency of the amount (EUR).' }),
  }),
});

export const ConstraintsInputRef = builder.inputType('CourseConstraints', {
  description: 'What a course plan must respect. Every field is optional; a left-out one does not constrain.',
  fields: (t) => ({
    region: t.string({
      description:
        'Where the person lives: country, NUTS code, German district or Land. Offers must be issued there (or nationally) unless online.',
    }),
    remote: t.boolean({ description: 'The person can learn online from home (default true).' }),
    modes: t.stringList({ description: `Accepted forms of participation: ${PARTICIPATION_FORMS.join(', ')}.` }),
    maxWorkloadHours: t.float({ description: 'The most hours of learning the person can take on in total.' }),
    earliestStart: t.string({
      description: 'ISO date the person can start: offers no longer offered by then are left out.',
    }),
    languages: t.stringList({ description: 'Languages the person can learn in (ISO 639-1: en, hr).' }),
    eqfLevel: t.int({ description: 'The person’s EQF level: offers at most one level above it.' }),
    funding: t.field({
      type: FundingInput,
      description: 'Voucher or individual learning account, with the amount if known.',
    }),
  }),
});

type PlanWithIds = Plan & { missing: number };

const PlannedCourseRef = builder.objectRef<Plan['courses'][number] & { missing: number }>('PlannedCourse').implement({
  description: 'One course of a plan and what it contributes.',
  fields: (t) => ({
    microCredential: t.field({
      type: MicroCredentialRef,
      nullable: true,
      description: 'The offer.',
      resolve: (c, _a, context) => context.loaders.catalogue.microCredential.load(c.id),
    }),
    covers: t.field({
      type: [Skill],
      description: 'The missing skills it teaches.',
      resolve: (c, _a, context) => loadExisting(context.loaders.taxonomy.skill, c.covers),
    }),
    workloadHours: t.float({ description: 'Its workload in hours.', resolve: (c) => c.workloadHours }),
    costAmount: t.float({ description: 'Its cost (0 when free or not stated).', resolve: (c) => c.costAmount }),
    contribution: t.string({
      description: 'Its part in words, e.g. "covers 3 of the 7 missing skills".',
      resolve: (c) => `covers ${c.covers.length} of the ${c.missing} missing skills`,
    }),
  }),
});

const PlanRef = builder.objectRef<PlanWithIds>('CoursePlanOption').implement({
  description: 'A set of offers and what it leaves uncovered.',
  fields: (t) => ({
    courses: t.field({
      type: [PlannedCourseRef],
      description: 'The offers, the one covering most first.',
      resolve: (p) => p.courses.map((c) => ({ ...c, missing: p.missing })),
    }),
    uncovered: t.field({
      type: [Skill],
      description: 'Missing skills the plan does not cover.',
      resolve: (p, _a, context) => loadExisting(context.loaders.taxonomy.skill, p.uncovered),
    }),
    totalHours: t.float({ description: 'Total workload in hours.', resolve: (p) => p.totalHours }),
    totalEcts: t.float({ description: 'Total ECTS (stated ECTS, else hours / 27.5).', resolve: (p) => p.totalEcts }),
    totalCost: t.float({ description: 'Total cost.', resolve: (p) => p.totalCost }),
    currency: t.string({
      nullable: true,
      description: 'Currency of the total (several joined by + when the offers differ).',
      resolve: (p) => p.currency,
    }),
  }),
});

/** An offer left out of a plan, and why: ruled out by a constraint, or not assessable. */
const offerWithReason = (name: string, description: string, reason: string) =>
  builder.objectRef<RejectedOffer>(name).implement({
    description,
    fields: (t) => ({
      microCredential: t.field({
        type: MicroCredentialRef,
        nullable: true,
        description: 'The offer.',
        resolve: (r, _a, context) => context.loaders.catalogue.microCredential.load(r.id),
      }),
      reason: t.string({ description: reason, resolve: (r) => r.reason }),
    }),
  });

const RejectedRef = offerWithReason(
  'RejectedOffer',
  'An offer that teaches a missing skill but breaks a constraint.',
  'The constraint it breaks.',
);
const NotAssessableRef = offerWithReason(
  'NotAssessableOffer',
  'A published offer that meets the person’s constraints but cannot be weighed in a plan: it has no usable skill links.',
  'Why it cannot be assessed.',
);

const CoursePlanRef = builder
  .objectRef<CoursePlanResult & { missing: string[]; notAssessable: RejectedOffer[]; explanation: string }>(
    'CoursePlan',
  )
  .implement({
    description:
      'The smallest set of quality-assured offers that covers a person’s missing essential skills for an occupation within their constraints, with up to three alternatives.',
    fields: (t) => ({
      missingEssential: t.field({
        type: [Skill],
        description: 'The missing essential skills the plan is for.',
        resolve: (r, _a, context) => loadExisting(context.loaders.taxonomy.skill, r.missing),
      }),
      courses: t.field({
        type: [PlannedCourseRef],
        description: 'The chosen offers.',
        resolve: (r) => r.plan.courses.map((c) => ({ ...c, missing: r.missing.length })),
      }),
      uncovered: t.field({
        type: [Skill],
        description: 'Missing skills the plan leaves uncovered.',
        resolve: (r, _a, context) => loadExisting(context.loaders.taxonomy.skill, r.plan.uncovered),
      }),
      totalHours: t.float({ description: 'Total workload in hours.', resolve: (r) => r.plan.totalHours }),
      totalEcts: t.float({
        description: 'Total ECTS (stated ECTS, else hours / 27.5).',
        resolve: (r) => r.plan.totalEcts,
      }),
      totalCost: t.float({ description: 'Total cost.', resolve: (r) => r.plan.totalCost }),
      currency: t.string({ nullable: true, description: 'Currency of the total.', resolve: (r) => r.plan.currency }),
      alternatives: t.field({
        type: [PlanRef],
        description: 'Up to three next-best plans, sharing no course with the chosen one or each other.',
        resolve: (r) => r.alternatives.map((p) => ({ ...p, missing: r.missing.length })),
      }),
      rejected: t.field({
        type: [RejectedRef],
        description: 'Offers teaching a missing skill that a constraint rules out, with the reason.',
        resolve: (r) => r.rejected,
      }),
      notAssessable: t.field({
        type: [NotAssessableRef],
        description:
          'Published offers within the constraints that the plan could not weigh, for want of skill links, with the reason: a counsellor may still look at them.',
        resolve: (r) => r.notAssessable,
      }),
      method: t.string({
        description:
          'EXACT (branch and bound: optimal) or GREEDY (beyond 40 candidates: within 1 + ln k of the optimal workload).',
        resolve: (r) => r.method,
      }),
      explanation: t.string({ description: 'The plan in sentences.', resolve: (r) => r.explanation }),
    }),
  });

builder.queryFields((t) => ({
  recommendCourses: t.field({
    type: CoursePlanRef,
    description:
      'The course plan for a person and a target occupation: the fewest hours (then cost, then courses) of published offers that teach the essential skills the person misses, within every constraint given; ' +
      'the best partial plan when nothing covers everything, saying what stays uncovered and why.',
    args: {
      occupationUri: t.arg.string({ required: true, description: 'The target ESCO occupation.' }),
      skills: t.arg.stringList({ description: 'ESCO skill URIs the person has.' }),
      text: t.arg.string({ description: 'What the person did or can do, in words.' }),
      jobseekerId: t.arg.id({
        description:
          'A jobseeker profile: its confirmed skills and work history count, and its constraints apply (those given here take precedence field by field; audited).',
      }),
      constraints: t.arg({
        type: ConstraintsInputRef,
        description: 'Region, modes, workload, start, languages, level and funding.',
      }),
    },
    resolve: async (_root, args, context) => {
      const { held, profile } = await personSkills(context, {
        text: args.text,
        skills: args.skills ?? (args.jobseekerId == null ? [] : null),
        jobseekerId: args.jobseekerId,
      });
      const c = mergeConstraints(profile?.constraints ?? {}, args.constraints);
      const { problems, region } = checkConstraints(c, 'constraints', referenceLists(context.referenceDir));
      if (problems.length > 0) throw UserInputError.fromFields(problems);

      const index = await occupationIndex(context);
      const needs = index.byUri.get(args.occupationUri);
      if (!needs) throw new UserInputError('occupationUri', `not a current ESCO occupation: '${args.occupationUri}'`);
      const credits = heldCredits(
        held.map((h) => h.uri),
        await neighboursOf(
          context,
          held.map((h) => h.uri),
        ),
      );
      const missing = fitOccupation(needs, credits).missingEssential;

      const { offers, notAssessable: unlinked, details } = await planOffers(context);
      const constraints = toPlanConstraints(c, region);
      const result = planCourses(missing, offers, constraints);
      // Offers the constraints allow but no plan can weigh: listed, never planned.
      const notAssessable = unlinked
        .filter(({ offer }) => rejectionReason(offer, constraints) === null)
        .map(({ offer, reason }) => ({ id: offer.id, reason }));
      const titles = new Map([...details.values()].map((m) => [m.id, m.title]));
      const labels = new Map(
        (await loadExisting(context.loaders.taxonomy.skill, missing)).map((s) => [s.uri, s.preferredLabel]),
      );
      return {
        ...result,
        missing,
        notAssessable,
        explanation: explainPlan(
          result,
          missing,
          notAssessable.length,
          (id) => titles.get(id) ?? id,
          (uri) => labels.get(uri) ?? uri,
        ),
      };
    },
  }),
}));

function explainPlan(
  result: CoursePlanResult,
  missing: string[],
  notAssessable: number,
  title: (id: string) => string,
  label: (uri: string) => string,
): string {
  const { plan } = result;
  if (missing.length === 0) return 'Nothing to learn: the person already has every essential skill of the occupation.';
  const parts = [
    plan.courses.length === 0
      ? `No offer can be planned for the ${missing.length} missing essential skills.`
      : `${plan.courses.length} course(s), ${plan.totalHours} hours${plan.totalCost > 0 ? `, ${plan.totalCost} ${plan.currency ?? ''}`.trimEnd() : ''}, cover ${missing.length - plan.uncovered.length} of the ${missing.length} missing essential skills: ` +
        plan.courses.map((c) => `"${title(c.id)}" covers ${c.covers.length} (${c.workloadHours} h)`).join('; ') +
        '.',
  ];
  if (result.untaught.length > 0)
    parts.push(
      `No published offer teaches ${result.untaught.length}: ${result.untaught
        .slice(0, 5)
        .map((uri) => `"${label(uri)}"`)
        .join(', ')}.`,
    );
  const blocked = plan.uncovered.filter((uri) => !result.untaught.includes(uri));
  if (blocked.length > 0)
    parts.push(
      `${blocked.length} more stay uncovered within the constraints (${result.rejected.length} offer(s) ruled out, see rejected): ${blocked
        .slice(0, 5)
        .map((uri) => `"${label(uri)}"`)
        .join(', ')}.`,
    );
  if (notAssessable > 0)
    parts.push(
      `${notAssessable} more published offer(s) within the constraints could not be assessed: they have no usable skill links (see notAssessable).`,
    );
  parts.push(
    result.method === 'EXACT'
      ? `Optimal among ${result.candidates} candidate offer(s) (branch and bound).`
      : `Greedy cover of ${result.candidates} candidates: within 1 + ln k of the optimal workload.`,
  );
  return parts.join(' ');
}
