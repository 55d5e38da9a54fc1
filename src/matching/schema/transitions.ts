import { UserInputError } from '../../errors.js';
import { builder } from '../../graphql/builder.js';
import { loadExisting } from '../../graphql/context.js';
import { occupationIndex } from '../../intelligence/store.js';
import { Occupation, Skill } from '../../taxonomy/schema/concepts.js';
import { automationExposure, occupationDemandIn } from '../demand.js';
import { type ScoredDemand, scoreDemand } from '../occupation-fit.js';
import { neighboursOf } from '../person.js';
import { type Transition, VIABLE_SIMILARITY, explainTransition, rankTransitions } from '../transitions.js';
import { AutomationRef, MatchTierEnum, OccupationDemandRef, SkillMatchRef } from './match.js';
import { TOWARDS_DESCRIPTION, targetFilter } from './towards.js';
import { regulationCaveat } from '../../taxonomy/regulation.js';

/** `occupationTransitions`: where a person can move from an occupation with the least retraining (src/matching/transitions.ts). */

const MAX_TRANSITIONS = 100;

const TransitionRef = builder
  .objectRef<Transition<ScoredDemand> & { explanation: string }>('OccupationTransition')
  .implement({
    description: 'An occupation reachable from another, with how much of it is already there and what to add.',
    fields: (t) => ({
      occupation: t.field({
        type: Occupation,
        nullable: true,
        description: 'The occupation to move to.',
        resolve: (tr, _a, context) => context.loaders.taxonomy.occupation.load(tr.to),
      }),
      regulationCaveat: t.string({
        nullable: true,
        description:
          'For a move into a regulated profession (ESCO’s note): what it means, in words; null when ESCO marks it unregulated or gives no note.',
        resolve: async (tr, _a, context) =>
          regulationCaveat((await context.loaders.taxonomy.occupation.load(tr.to))?.regulatedProfessionNote),
      }),
      similarity: t.float({
        description:
          'Its skill fit for a person from the origin (its essential skills, its optional ones in part), plus the hierarchy bonus, at most 1 (directional).',
        resolve: (tr) => tr.similarity,
      }),
      viable: t.boolean({ description: `Similarity at least ${VIABLE_SIMILARITY}.`, resolve: (tr) => tr.viable }),
      skillFit: t.float({
        description: 'The target’s skill fit for a person from the origin, before the hierarchy bonus (0–1).',
        resolve: (tr) => tr.skillFit,
      }),
      hierarchyBonus: t.float({
        description:
          '+0.1 for a shared ISCO-08 unit group, +0.1 for neighbours in ESCO’s occupation hierarchy (src/matching/transitions.ts).',
        resolve: (tr) => tr.hierarchyBonus,
      }),
      tier: t.field({
        type: MatchTierEnum,
        description: `VIABLE (similarity at least ${VIABLE_SIMILARITY}) or STRETCH; every viable move ranks above every stretch.`,
        resolve: (tr) => (tr.viable ? 'VIABLE' : 'STRETCH'),
      }),
      skillLevel: t.int({
        nullable: true,
        description: 'The ILO skill level (1–4) of the target’s ISCO-08 major group; null without an ISCO group.',
        resolve: (tr) => tr.skillLevel,
      }),
      stepDown: t.boolean({
        description:
          'A move below the origin’s skill level; a viable one ranks after the other viable moves unless allowStepDown; among stretches it is only flagged.',
        resolve: (tr) => tr.stepDown,
      }),
      grounded: t.boolean({
        description:
          'Whether the origin’s skills reach (credit ≥ 0.5) one of the target’s sector- or occupation-specific essential skills, or it lists none; ungrounded moves rank after the grounded ones of their tier.',
        resolve: (tr) => tr.grounded,
      }),
      missingEssential: t.field({
        type: [Skill],
        description: 'Its essential skills to add (near-held ones included).',
        resolve: (tr, _a, context) => loadExisting(context.loaders.taxonomy.skill, tr.fit.missingEssential),
      }),
      nearEssential: t.field({
        type: [SkillMatchRef],
        description: 'Its essential skills nearly held through the origin’s skills.',
        resolve: (tr) => tr.fit.nearEssential,
      }),
      demand: t.field({
        type: OccupationDemandRef,
        nullable: true,
        description: 'Demand in the region, when one was given and has figures reaching the occupation.',
        resolve: (tr) => tr.demand,
      }),
      automationExposure: t.field({
        type: AutomationRef,
        nullable: true,
        description: 'Automation exposure, where known.',
        resolve: (tr) => tr.automation,
      }),
      prospects: t.float({
        description: '1, +0.1 if demand grew, −0.1 if it fell by more than 5%, −0.1 for high automation exposure.',
        resolve: (tr) => tr.prospects,
      }),
      score: t.float({ description: 'similarity × prospects.', resolve: (tr) => tr.score }),
      explanation: t.string({ description: 'The transition in sentences.', resolve: (tr) => tr.explanation }),
    }),
  });

builder.queryFields((t) => ({
  occupationTransitions: t.field({
    type: [TransitionRef],
    description:
      'From a current or past occupation, the occupations reachable with the least retraining (skill overlap, near matches counted in part, the occupation hierarchy), viable moves first and viable step-downs after the other viable moves, preferring growing demand in the region and lower automation exposure, each with the skills to add.',
    args: {
      occupationUri: t.arg.string({ required: true, description: 'The ESCO occupation the person comes from.' }),
      region: t.arg.string({ description: 'Where the person looks for work: demand trends there adjust the ranking.' }),
      first: t.arg.int({ defaultValue: 10, description: `How many (1–${MAX_TRANSITIONS}, default 10).` }),
      allowStepDown: t.arg.boolean({
        defaultValue: false,
        description:
          'Rank moves below the origin’s skill level among the others, instead of after them (still flagged stepDown).',
      }),
      towards: t.arg.string({ description: TOWARDS_DESCRIPTION }),
    },
    resolve: async (_root, args, context) => {
      const first = args.first ?? 10;
      if (first < 1 || first > MAX_TRANSITIONS)
        throw new UserInputError('first', `must be between 1 and ${MAX_TRANSITIONS} (got ${first})`);
      const [index, only] = await Promise.all([occupationIndex(context), targetFilter(context, args.towards)]);
      const origin = index.byUri.get(args.occupationUri);
      if (!origin) throw new UserInputError('occupationUri', `not a current ESCO occupation: '${args.occupationUri}'`);
      const [neighbours, demand, automation] = await Promise.all([
        neighboursOf(context, origin.essential),
        occupationDemandIn(context, args.region),
        automationExposure(context),
      ]);
      // Scored demand (with percentiles), so the demand shown is the same object a match would show.
      const ranked = rankTransitions(
        origin.uri,
        index,
        neighbours,
        {
          demand: demand ? scoreDemand(demand.byOccupation) : null,
          automation: (uri) => automation.get(uri) ?? null,
          allowStepDown: args.allowStepDown ?? false,
          only,
        },
        first,
      );
      const uris = [
        ...new Set([origin.uri, ...ranked.flatMap((tr) => [tr.to, ...tr.fit.missingEssential.slice(0, 3)])]),
      ];
      const [occupations, skills] = await Promise.all([
        loadExisting(
          context.loaders.taxonomy.occupation,
          uris.filter((uri) => uri.includes('/occupation/')),
        ),
        loadExisting(
          context.loaders.taxonomy.skill,
          uris.filter((uri) => !uri.includes('/occupation/')),
        ),
      ]);
      const labels = new Map([...occupations, ...skills].map((c) => [c.uri, c.preferredLabel]));
      return ranked.map((tr) => ({ ...tr, explanation: explainTransition(tr, (uri) => labels.get(uri) ?? uri) }));
    },
  }),
}));
