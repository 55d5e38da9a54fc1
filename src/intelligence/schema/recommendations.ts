import { MicroCredentialRef } from '../../catalogue/schema/micro-credential.js';
import { UserInputError } from '../../errors.js';
import { builder } from '../../graphql/builder.js';
import { type HubContext, loadExisting } from '../../graphql/context.js';
import { Occupation, Skill } from '../../taxonomy/schema/concepts.js';
import type { SkillRow } from '../../taxonomy/store.js';
import { TRANSITION_FLOOR, type Transition } from '../relevance.js';
import { readDemandSlice } from '../demand-slice.js';
import { deriveOccupationDemand } from '../skill-demand.js';
import type { WhatIf } from '../what-if.js';
import {
  type DevelopOutline,
  type SkillFacts,
  type UpdateReason,
  type UpdateRecommendation,
  developOutlines,
  offerInScope,
  updateRecommendation,
} from '../recommendations.js';
import { automationByOccupation, demandSources, demandStamp, occupationIndex, qualificationDuties } from '../store.js';
import type { CarvedUnit } from '../standard-units.js';
import { QualificationRef } from '../../catalogue/schema/qualification.js';
import { RankByEnum, rankedGaps } from './gap-ranking.js';
import { sliceArgs } from './gaps.js';
import { cachedDerivation, skillGapsFor, skillGapsOnce } from './gap-reads.js';
import type { RankBy } from '../ranking.js';
import { WhatIfInput, readWhatIf } from './what-if.js';
import { skillRelevances } from './relevance.js';
import { groupsAtLevel } from './skill-groups.js';

const TransitionEnum = builder.enumType('Transition', {
  description:
    'A twin-transition lens: keep only skills (and offers teaching them) at green or digital relevance ≥ 0.5.',
  values: {
    GREEN: { value: 'green', description: 'Green transition (ESCO green skills collection).' },
    DIGITAL: { value: 'digital', description: 'Digital transition (ESCO digital skills collection).' },
  },
});

const PartialCover = builder.objectRef<{ id: string; skills: number }>('OutlinePartialCover').implement({
  description: 'An existing offer that already teaches some skills of an outline.',
  fields: (t) => ({
    microCredential: t.field({
      type: MicroCredentialRef,
      nullable: true,
      description: 'The offer.',
      resolve: (c, _a, context) => context.loaders.catalogue.microCredential.load(c.id),
    }),
    skills: t.int({ description: 'How many of the outline’s skills it teaches.', resolve: (c) => c.skills }),
  }),
});

const CarvedDutyRef = builder.objectRef<CarvedUnit['duties'][number]>('CarvedDuty').implement({
  description: 'A duty of a qualification route and the outline’s skills it teaches.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The duty’s id.' }),
    text: t.exposeString('text', { description: 'The duty as the standard states it.' }),
    skills: t.field({
      type: [Skill],
      description: 'The outline’s skills its mapped statements teach, not already taught by a duty before it.',
      resolve: (d, _a, context) => loadExisting(context.loaders.taxonomy.skill, d.skills),
    }),
  }),
});

const CarvedUnitRef = builder.objectRef<CarvedUnit>('CarvedUnit').implement({
  description:
    'The stackable path: a qualification route whose duties teach an outline’s skills, and which duties (standard-units.ts).',
  fields: (t) => ({
    qualification: t.field({
      type: QualificationRef,
      nullable: true,
      description: 'The qualification (an apprenticeship standard).',
      resolve: (u, _a, context) => context.loaders.catalogue.qualification.load(u.qualificationId),
    }),
    skills: t.field({
      type: [Skill],
      description: 'The outline’s skills its duties teach, in the outline’s order.',
      resolve: (u, _a, context) => loadExisting(context.loaders.taxonomy.skill, u.skills),
    }),
    duties: t.field({
      type: [CarvedDutyRef],
      description: 'The duties to carve from, the one teaching most of the outline first.',
      resolve: (u) => u.duties,
    }),
  }),
});

const DevelopRef = builder.objectRef<DevelopOutline>('DevelopRecommendation').implement({
  description:
    'A micro-credential to commission: a group of in-demand, under-covered skills taught together (needed together by the slice’s occupations, or in one ESCO skill group), as an outline (docs/skills-intelligence.md).',
  fields: (t) => ({
    skills: t.field({
      type: [Skill],
      description: 'The skills, highest gap first.',
      resolve: (o, _a, context) =>
        loadExisting(
          context.loaders.taxonomy.skill,
          o.skills.map((s) => s.uri),
        ),
    }),
    occupations: t.field({
      type: [Occupation],
      description:
        'The occupations it serves: with demand in the slice, needing (essential or optional) at least two thirds of its skills, at its EQF level; the anchor first, then by demand.',
      resolve: (o, _a, context) => loadExisting(context.loaders.taxonomy.occupation, o.occupations),
    }),
    sameAudienceAs: t.field({
      type: Occupation,
      nullable: true,
      description:
        'When at least two thirds of the demand it serves is served by an earlier outline too: that outline’s anchor (the two read as modules of one programme); null otherwise.',
      resolve: (o, _a, context) =>
        o.sameAudienceAs ? context.loaders.taxonomy.occupation.load(o.sameAudienceAs.anchor) : null,
    }),
    sameAudienceShare: t.float({
      nullable: true,
      description: 'The share of the demand it serves that the outline named in sameAudienceAs serves too.',
      resolve: (o) => o.sameAudienceAs?.share ?? null,
    }),
    otherLevelOccupations: t.field({
      type: [Occupation],
      description:
        'Occupations that need most of it too but at another EQF level (a version at their level would serve them), by demand.',
      resolve: (o, _a, context) => loadExisting(context.loaders.taxonomy.occupation, o.otherLevelOccupations),
    }),
    suggestedEcts: t.float({
      description: 'Suggested size: 1 ECTS per skill or competence, 0.5 per knowledge item, between 1 and 10.',
      resolve: (o) => o.suggestedEcts,
    }),
    ectsReason: t.string({ description: 'How the size was derived, in a sentence.', resolve: (o) => o.ectsReason }),
    suggestedEqfLevel: t.int({
      description:
        'EQF level: the demand-weighted median of the levels of the occupations needing most of it (each from the ISCO-08 skill level of its major group).',
      resolve: (o) => o.suggestedEqfLevel,
    }),
    eqfReason: t.string({
      description: 'How the level was derived, and whom a version at another level would serve.',
      resolve: (o) => o.eqfReason,
    }),
    demand: t.float({
      description: 'The largest demand among its skills (same unit as the gap ranking).',
      resolve: (o) => o.demand,
    }),
    trend: t.float({
      nullable: true,
      description: 'Mean trend of its skills’ demand, where known.',
      resolve: (o) => o.trend,
    }),
    partlyCoveredBy: t.field({
      type: [PartialCover],
      description: 'Existing offers that already cover part of it.',
      resolve: (o) => o.partlyCoveredBy,
    }),
    carvedFrom: t.field({
      type: [CarvedUnitRef],
      description:
        'Existing qualification routes reaching the region whose duties teach its skills: the units it could be carved from (at most 2, most of its skills first).',
      resolve: (o) => o.carvedFrom,
    }),
    draftLearningOutcomes: t.stringList({
      description:
        'Learning-outcome statements drafted from the ESCO labels, marked as drafts, to be rewritten by people.',
      resolve: (o) => o.draftLearningOutcomes,
    }),
    cohesion: t.float({
      description:
        'How much its skills belong together: the mean over its pairs of skills of the share of the slice’s demand needing either that needs both (at least 0.5 for a pair sharing an ESCO skill group or related in ESCO).',
      resolve: (o) => o.cohesion,
    }),
    score: t.float({ description: 'Sum of its skills’ gap scores.', resolve: (o) => o.score }),
    explanation: t.string({ description: 'The outline in words.', resolve: (o) => o.explanation }),
  }),
});

const ReasonRef = builder.objectRef<UpdateReason>('UpdateReason').implement({
  description: 'One reason an offer needs revising.',
  fields: (t) => ({
    code: t.string({
      description:
        'DEPRECATED_SKILL, REVISION_OVERDUE, LINKS_NEVER_REVIEWED, LOSING_DEMAND, MISSING_IN_DEMAND_SKILLS or HIGH_AUTOMATION_EXPOSURE.',
      resolve: (r) => r.code,
    }),
    detail: t.string({ description: 'The reason in a sentence, with its evidence.', resolve: (r) => r.detail }),
    weight: t.float({ description: 'Its part of the score.', resolve: (r) => r.weight }),
  }),
});

const UpdateRef = builder.objectRef<UpdateRecommendation>('UpdateRecommendation').implement({
  description: 'An existing offer that needs revising, with its reasons and their evidence.',
  fields: (t) => ({
    microCredential: t.field({
      type: MicroCredentialRef,
      nullable: true,
      description: 'The offer.',
      resolve: (u, _a, context) => context.loaders.catalogue.microCredential.load(u.offerId),
    }),
    reasons: t.field({
      type: [ReasonRef],
      description: 'Why, each with a code and a sentence.',
      resolve: (u) => u.reasons,
    }),
    score: t.float({ description: 'Sum of the reasons’ weights.', resolve: (u) => u.score }),
    explanation: t.string({ description: 'The score and its reasons in words.', resolve: (u) => u.explanation }),
  }),
});

const RecommendationsRef = builder
  .objectRef<{ develop: DevelopOutline[]; update: UpdateRecommendation[]; scope: string[] }>(
    'CredentialRecommendations',
  )
  .implement({
    description: 'What to develop and what to update, for a sector × region × period.',
    fields: (t) => ({
      develop: t.field({
        type: [DevelopRef],
        description: 'Micro-credentials to commission, highest score first.',
        resolve: (r) => r.develop,
      }),
      update: t.field({
        type: [UpdateRef],
        description: 'Existing published offers to revise, highest score first.',
        resolve: (r) => r.update,
      }),
      scope: t.stringList({
        description:
          'What the lists were narrowed to (the transition floor, which offers the update list considers), in words.',
        resolve: (r) => r.scope,
      }),
    }),
  });

builder.queryFields((t) => ({
  credentialRecommendations: t.field({
    type: RecommendationsRef,
    description:
      'For a sector × region × period: micro-credentials to develop (outlines of in-demand, under-covered skills that belong together) and published offers to update (with coded reasons). Same arguments and errors as sectorSkillGaps.',
    args: {
      ...sliceArgs,
      providerId: t.arg.id({ description: 'Only this provider’s offers in `update`.' }),
      rankBy: t.arg({
        type: RankByEnum,
        description: 'How the skills are ranked before outlines are grown from them (default GAP).',
      }),
      transition: t.arg({
        type: TransitionEnum,
        description:
          'Only skills (develop) and offers (update teaching one) at relevance ≥ 0.5 to this transition: in its ESCO collection, or a specialisation of a skill in it.',
      }),
      whatIf: t.arg({
        type: WhatIfInput,
        description:
          'Re-score under hypothetical changes (new or retired offers, demand shifts) without writing anything.',
      }),
      first: t.arg.int({ description: 'How many of each (default 10).', defaultValue: 10 }),
    },
    resolve: async (_root, args, context) => {
      const first = args.first ?? 10;
      if (first < 0 || first > context.maxPageSize)
        throw new UserInputError('first', `must be between 0 and ${context.maxPageSize} (got ${first})`);
      const whatIf = await readWhatIf(context, args.whatIf);
      // Held like the gap rankings (per demand import, catalogue state and release); a what-if is computed each time.
      const key = [
        args.sector ?? null,
        args.region ?? null,
        args.period ?? null,
        args.metric ?? null,
        args.occupationGroup ?? null,
        args.rankBy ?? null,
        args.providerId ?? null,
        args.transition ?? null,
        first,
      ];
      return whatIf
        ? recommend(context, args, whatIf, first)
        : cachedDerivation(context, 'recommendations', key, () => recommend(context, args, null, first));
    },
  }),
}));

async function recommend(
  context: HubContext,
  args: {
    sector?: string | null;
    region?: string | null;
    period?: string | null;
    metric?: string | null;
    occupationGroup?: string | null;
    rankBy?: RankBy | null;
    providerId?: string | number | null;
    transition?: Transition | null;
  },
  whatIf: WhatIf | null,
  first: number,
): Promise<{ develop: DevelopOutline[]; update: UpdateRecommendation[]; scope: string[] }> {
  const { slice, gaps } = whatIf ? await skillGapsFor(context, args, whatIf) : await skillGapsOnce(context, args);
  const [index, sources] = await Promise.all([occupationIndex(context), demandSources(context.graph)]);
  const automation = await automationByOccupation(context.graph, demandStamp(sources));

  const ids = (
    await context.graph.read<{ id: string }>(
      "MATCH (m:MicroCredential {status: 'PUBLISHED'}) RETURN m.id AS id ORDER BY id",
    )
  ).map((r) => r.id);
  const retired = new Set(whatIf?.retireOffers ?? []);
  const offers = (await loadExisting(context.loaders.catalogue.microCredential, ids)).filter(
    (m) => !retired.has(m.id) && (!args.providerId || m.providerId === String(args.providerId)),
  );
  const outcomes = await Promise.all(offers.map((m) => context.loaders.catalogue.outcomes.load(m.id)));
  const offerLinks = outcomes.map((list) =>
    list.flatMap((outcome) => outcome.links.map((link) => ({ skillUri: link.skillUri, state: link.state }))),
  );

  // Every skill the answer may name, read once.
  // Ranked as asked (ranking.ts): develop seeds follow the ranking; update reasons read the gap rows as they are.
  const ranked =
    args.rankBy && args.rankBy !== 'GAP' ? await rankedGaps(context, args, slice, gaps, args.rankBy) : gaps;
  const candidateGaps = ranked.slice(0, 300);
  const uris = [...new Set([...candidateGaps.map((g) => g.skillUri), ...offerLinks.flat().map((l) => l.skillUri)])];
  const skills = await loadExisting(context.loaders.taxonomy.skill, uris);
  const byUri = new Map<string, SkillRow>(skills.map((s) => [s.uri, s]));
  const facts = (uri: string): SkillFacts | null => {
    const skill = byUri.get(uri);
    return skill
      ? {
          label: skill.preferredLabel,
          skillType: skill.skillType ?? null,
          deprecated: skill.deprecated,
          deprecatedIn: skill.deprecatedIn ?? null,
        }
      : null;
  };
  const relevance = args.transition ? await skillRelevances(context, skills, args.transition) : null;
  const relevant = (uri: string) => relevance === null || (relevance.get(uri) ?? 0) >= TRANSITION_FLOOR;
  const occupations = new Map(
    (await loadExisting(context.loaders.taxonomy.occupation, [...index.byUri.keys()])).map((o) => [
      o.uri,
      o.preferredLabel,
    ]),
  );
  const occupationLabel = (uri: string) => occupations.get(uri) ?? uri;

  // Develop groups skills by the demand of the slice's occupations, their ESCO skill groups and ESCO's
  // skill–skill relations (outline-grouping.ts).
  const demandSlice = await readDemandSlice(context, { ...args, period: slice.period }, whatIf);
  const occupationDemand = new Map(
    [...deriveOccupationDemand(demandSlice.hypothetical.signals, index, demandSlice.derivation)]
      .filter(([, o]) => o.demand > 0)
      .map(([uri, o]) => [uri, o.demand]),
  );
  const developGaps = candidateGaps.filter((g) => relevant(g.skillUri));
  const developUris = developGaps.map((g) => g.skillUri);
  const [groups, relatedRows] = await Promise.all([
    groupsAtLevel(context, developUris, 3),
    context.loaders.taxonomy.relatedSkills.loadMany(developUris),
  ]);
  const relatedTo = new Map<string, Set<string>>();
  developUris.forEach((uri, i) => {
    const rows = relatedRows[i];
    if (rows instanceof Error) throw rows;
    relatedTo.set(uri, new Set(rows.map((r) => r.skill.uri)));
  });
  const routeDuties = await qualificationDuties(context.graph);
  const develop = developOutlines(developGaps, index, facts, {
    routeDuties,
    region: slice.region,
    ...(args.rankBy && args.rankBy !== 'GAP' ? { rankBy: args.rankBy } : {}),
    maxOutlines: first,
    maxSkills: 6,
    occupationLabel,
    occupationDemand,
    groupOf: (uri) => groups.get(uri) ?? null,
    related: (a, b) => (relatedTo.get(a)?.has(b) ?? false) || (relatedTo.get(b)?.has(a) ?? false),
  });
  const gapBySkill = new Map(gaps.map((g) => [g.skillUri, g]));
  const inDemand = new Set(
    gaps
      .slice(0, 100)
      .filter((g) => g.gapScore > 0)
      .map((g) => g.skillUri),
  );
  // The update list considers the offers of this slice: reaching its region, teaching a skill in demand
  // there or targeting an occupation with demand there (every offer of a provider, when one is asked).
  const occupationsInDemand = new Set(occupationDemand.keys());
  const skillsInDemand = new Set(gaps.filter((g) => g.demand > 0).map((g) => g.skillUri));
  const update = offers
    .map((offer, i) => ({ offer, links: offerLinks[i] }))
    .filter(({ offer, links }) =>
      offerInScope(
        {
          participationForm: offer.participationForm ?? null,
          issuerCountries: offer.issuerCountries ?? [],
          issuerRegions: offer.issuerRegions ?? [],
          skills: links.filter((l) => l.state !== 'REJECTED').map((l) => l.skillUri),
          targetOccupations: offer.targetOccupations ?? [],
        },
        { region: slice.region, skillsInDemand, occupationsInDemand, provider: args.providerId != null },
      ),
    )
    .filter(({ links }) => relevance === null || links.some((l) => l.state !== 'REJECTED' && relevant(l.skillUri)))
    .map(({ offer, links }) =>
      updateRecommendation(
        {
          id: offer.id,
          expectedRevisionDate: offer.expectedRevisionDate ?? null,
          links,
          targetOccupations: offer.targetOccupations ?? [],
        },
        {
          today: new Date().toISOString().slice(0, 10),
          facts,
          gapBySkill,
          inDemand,
          index,
          automation: (uri) => automation.get(uri) ?? null,
          occupationLabel,
        },
      ),
    )
    .filter((u): u is UpdateRecommendation => u !== null)
    .sort((a, b) => b.score - a.score || (a.offerId < b.offerId ? -1 : 1))
    .slice(0, first);
  const where = slice.region ?? 'any region';
  const scope = [
    ...(args.transition
      ? [
          `${args.transition.toUpperCase()}: skills at ${args.transition} relevance ≥ ${TRANSITION_FLOOR} (in ESCO's ${args.transition} skills collection, or a specialisation of a skill in it)`,
        ]
      : []),
    args.providerId != null
      ? `update: every published offer of provider ${args.providerId}`
      : `update: published offers reaching ${where} (issued there, nationally, or online) that teach a skill with demand in the slice or target an occupation with demand there`,
  ];
  return { develop, update, scope };
}
