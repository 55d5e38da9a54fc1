import { MicroCredentialRef } from '../../catalogue/schema/micro-credential.js';
import { UserInputError } from '../../errors.js';
import { builder } from '../../graphql/builder.js';
import { type HubContext, loadExisting } from '../../graphql/context.js';
import { referenceLists } from '../../demand/reference.js';
import { offerReachesRegion } from '../../intelligence/gaps.js';
import { resolveRegion } from '../../intelligence/slice.js';
import { occupationIndex } from '../../intelligence/store.js';
import { planOffers } from '../plan-offers.js';
import { Occupation, Skill } from '../../taxonomy/schema/concepts.js';
import { automationExposure, occupationDemandIn } from '../demand.js';
import {
  type OccupationMatch,
  type ScoredDemand,
  explainMatch,
  fitOccupation,
  matchOf,
  rankOccupations,
  scoreDemand,
  skillsExplained,
} from '../occupation-fit.js';
import { type MatchKind, type SkillMatch, heldCredits } from '../held-credits.js';
import { VIABLE_FIT, personLevel } from '../viability.js';
import { TOWARDS_DESCRIPTION, targetFilter } from './towards.js';
import { type HeldSkill, neighboursOf, personSkills } from '../person.js';
import { regulationCaveat } from '../../taxonomy/regulation.js';

/** Matching for employment services: occupations within reach of a person, and the gap to one occupation. */

const MAX_MATCHES = 100;

const MatchKindEnum = builder.enumType('SkillMatchKind', {
  description: 'How a required skill is met by what the person has.',
  values: {
    EXACT: { description: 'The person has this skill (credit 1).' },
    NARROWER_HELD: { description: 'The person has a more specific skill under it (credit 0.7, never a full match).' },
    BROADER_HELD: { description: 'The person has a more general skill above it (credit 0.5).' },
    RELATED_HELD: { description: 'The person has a skill ESCO relates to it (credit 0.4).' },
    ORIGIN_OPTIONAL: {
      description:
        'Transitions: an optional skill of the origin occupation, which people in it often have (credit 0.5).',
    },
    SIMILAR_HELD: {
      description:
        'The person has a skill whose labels and description say nearly the same (similarity ≥ 0.45: credit 0.3; from 0.7: 0.5).',
    },
  } as const,
});

export const MatchTierEnum = builder.enumType('MatchTier', {
  description: 'Whether a match or transition is within reach now or a stretch (src/matching/viability.ts).',
  values: {
    VIABLE: { description: `The person has at least ${VIABLE_FIT} of what the occupation needs (skill fit).` },
    STRETCH: { description: 'Less than that: shown after every viable one, and demand does not lift it.' },
  } as const,
});

const HeldSkillRef = builder.objectRef<HeldSkill>('HeldSkill').implement({
  description: 'A skill the person has, and where it came from.',
  fields: (t) => ({
    skill: t.field({
      type: Skill,
      nullable: true,
      description: 'The skill.',
      resolve: (h, _a, context) => context.loaders.taxonomy.skill.load(h.uri),
    }),
    origin: t.string({
      description:
        'GIVEN (an explicit URI), TEXT (the skill linker found it in the text) or WORK_HISTORY (essential for an occupation the text names).',
      resolve: (h) => h.origin,
    }),
    detail: t.string({ description: 'The words or occupation it came from.', resolve: (h) => h.detail }),
  }),
});

export const SkillMatchRef = builder.objectRef<SkillMatch>('SkillMatch').implement({
  description: 'A required skill the person has or nearly has.',
  fields: (t) => ({
    skill: t.field({
      type: Skill,
      nullable: true,
      description: 'The required skill.',
      resolve: (m, _a, context) => context.loaders.taxonomy.skill.load(m.uri),
    }),
    kind: t.field({ type: MatchKindEnum, description: 'How it is met.', resolve: (m) => m.kind as MatchKind }),
    credit: t.float({ description: 'Its credit towards coverage (1 for EXACT only).', resolve: (m) => m.credit }),
    similarity: t.float({
      nullable: true,
      description:
        'For SIMILAR_HELD: the cosine similarity of the two skills’ words (0–1; src/linking/similar-skills.ts).',
      resolve: (m) => m.similarity ?? null,
    }),
    via: t.field({
      type: Skill,
      nullable: true,
      description: 'The held skill that meets it.',
      resolve: (m, _a, context) => context.loaders.taxonomy.skill.load(m.via),
    }),
  }),
});

export const OccupationDemandRef = builder.objectRef<ScoredDemand>('OccupationDemand').implement({
  description:
    'Demand for an occupation in the person’s region, from the imported demand figures (see skills intelligence).',
  fields: (t) => ({
    value: t.float({
      description: 'Demand for the occupation (persons, vacancies, job ads, … in `unit`).',
      resolve: (d) => d.value,
    }),
    unit: t.string({ description: 'The unit of the figures.', resolve: (d) => d.unit }),
    derivation: t.string({
      nullable: true,
      description:
        'The value in words: the share of which source figure it is (e.g. 2.97 of the 1,234 vacancies of a KldB group) and how that figure was split.',
      resolve: (d) => d.derivation ?? null,
    }),
    vacanciesPerUnemployed: t.float({
      nullable: true,
      description:
        'For vacancies: vacancies per registered unemployed person in the figure’s group, where the source publishes both.',
      resolve: (d) => d.vacanciesPerUnemployed ?? null,
    }),
    trend: t.float({
      nullable: true,
      description: 'Relative change against the previous period, when comparable.',
      resolve: (d) => d.trend,
    }),
    percentile: t.float({
      description: 'Share of the region’s occupations with less demand (0–1).',
      resolve: (d) => d.percentile,
    }),
    score: t.float({
      description:
        'Demand score used in the match: the percentile, +0.1 if demand grew, −0.1 if it fell by more than 5% (0–1).',
      resolve: (d) => d.score,
    }),
    region: t.string({ description: 'The region of the figures.', resolve: (d) => d.region }),
    period: t.string({ description: 'Their period.', resolve: (d) => d.period }),
    source: t.string({ description: 'Their source.', resolve: (d) => d.source }),
  }),
});

export const AutomationRef = builder.objectRef<{ value: number; high: boolean }>('AutomationExposure').implement({
  description: 'Automation exposure of an occupation (Nesta, Mapping Career Causeways).',
  fields: (t) => ({
    value: t.float({ description: 'The exposure score.', resolve: (a) => a.value }),
    high: t.boolean({ description: 'In the study’s high-risk category.', resolve: (a) => a.high }),
  }),
});

const OccupationMatchRef = builder.objectRef<OccupationMatch & { explanation: string }>('OccupationMatch').implement({
  description:
    'An occupation within reach of a person: how much of it they have, what is missing, demand and exposure, and the score explained (docs/matching.md).',
  fields: (t) => ({
    occupation: t.field({
      type: Occupation,
      nullable: true,
      description: 'The occupation.',
      resolve: (m, _a, context) => context.loaders.taxonomy.occupation.load(m.uri),
    }),
    regulationCaveat: t.string({
      nullable: true,
      description:
        'For a regulated profession (ESCO’s note): what it means for this person, in words; null when ESCO marks it unregulated or gives no note.',
      resolve: async (m, _a, context) =>
        regulationCaveat((await context.loaders.taxonomy.occupation.load(m.uri))?.regulatedProfessionNote),
    }),
    coverage: t.float({
      description: 'Essential coverage: Σ credits of its essential skills / their number (near matches count in part).',
      resolve: (m) => m.essentialCoverage,
    }),
    optionalCoverage: t.float({ description: 'The same for its optional skills.', resolve: (m) => m.optionalCoverage }),
    skillFit: t.float({ description: '0.8 × essential + 0.2 × optional coverage.', resolve: (m) => m.skillFit }),
    matchedEssential: t.field({
      type: [SkillMatchRef],
      description: 'Essential skills held or nearly held.',
      resolve: (m) => m.matchedEssential,
    }),
    missingEssential: t.field({
      type: [Skill],
      description: 'Essential skills not fully held (near-held ones included).',
      resolve: (m, _a, context) => loadExisting(context.loaders.taxonomy.skill, m.missingEssential),
    }),
    nearEssential: t.field({
      type: [SkillMatchRef],
      description: 'Essential skills nearly held, through the skill hierarchy or relations.',
      resolve: (m) => m.nearEssential,
    }),
    demand: t.field({
      type: OccupationDemandRef,
      nullable: true,
      description: 'Demand in the region, when a region was given and has figures reaching the occupation.',
      resolve: (m) => m.demand,
    }),
    automationExposure: t.field({
      type: AutomationRef,
      nullable: true,
      description: 'Automation exposure, where known.',
      resolve: (m) => m.automation,
    }),
    score: t.float({
      description: '0.75 × skill fit + 0.25 × demand score with a region, the skill fit alone without.',
      resolve: (m) => m.score,
    }),
    tier: t.field({
      type: MatchTierEnum,
      description: `VIABLE (skill fit at least ${VIABLE_FIT}) or STRETCH; every viable match ranks above every stretch.`,
      resolve: (m) => (m.viable ? 'VIABLE' : 'STRETCH'),
    }),
    skillLevel: t.int({
      nullable: true,
      description: 'The ILO skill level (1–4) of the occupation’s ISCO-08 major group; null without an ISCO group.',
      resolve: (m) => m.skillLevel,
    }),
    stepDown: t.boolean({
      description:
        'Below the skill level of the person’s own occupations (false when either is unknown); a viable one ranks after the other viable matches unless allowStepDown; among stretches it is only flagged.',
      resolve: (m) => m.stepDown,
    }),
    grounded: t.boolean({
      description:
        'Whether the person holds or nearly holds (credit ≥ 0.5) one of its sector- or occupation-specific essential skills, or it lists none; ungrounded matches rest on cross-sector skills alone and rank after the grounded ones of their tier.',
      resolve: (m) => m.grounded,
    }),
    explanation: t.string({
      description: 'The match in sentences a counsellor can read aloud.',
      resolve: (m) => m.explanation,
    }),
  }),
});

const OccupationMatchesRef = builder
  .objectRef<{
    held: HeldSkill[];
    matches: Array<OccupationMatch & { explanation: string }>;
    current: Array<OccupationMatch & { explanation: string }>;
    demandNote: string;
  }>('OccupationMatches')
  .implement({
    description: 'Occupations ranked for a person, with the skills read from the input.',
    fields: (t) => ({
      heldSkills: t.field({
        type: [HeldSkillRef],
        description: 'The skills taken as held, each with where it came from.',
        resolve: (r) => r.held,
      }),
      matches: t.field({
        type: [OccupationMatchRef],
        description:
          'Best first: viable matches by score, then stretch matches by skill fit; viable step-downs after the other viable matches unless allowStepDown. The person’s own occupations are not among them.',
        resolve: (r) => r.matches,
      }),
      currentOccupations: t.field({
        type: [OccupationMatchRef],
        description:
          'The person’s own occupations (named in the text or in the profile’s work history), with their fit: marked current, not offered as matches.',
        resolve: (r) => r.current,
      }),
      demandNote: t.string({
        description: 'Which demand figures were weighed, or why none were.',
        resolve: (r) => r.demandNote,
      }),
    }),
  });

/** The person's skills with their near-match credits, and the region's demand, for matching and gaps. */
async function matchInputs(
  context: HubContext,
  args: {
    text?: string | null;
    skills?: readonly string[] | null;
    jobseekerId?: string | number | null;
    region?: string | null;
  },
) {
  // What does not depend on the person is read while the profile is.
  const [{ held, profile, own }, index, automation] = await Promise.all([
    personSkills(context, args),
    occupationIndex(context),
    automationExposure(context),
  ]);
  const uris = held.map((h) => h.uri);
  // The region asked, else the profile's.
  const region = args.region ?? profile?.constraints.region ?? null;
  const [neighbours, demand] = await Promise.all([neighboursOf(context, uris), occupationDemandIn(context, region)]);
  const level = personLevel(own.map((uri) => index.byUri.get(uri)?.iscoGroup));
  return { held, own, level, credits: heldCredits(uris, neighbours), index, demand, automation, region };
}

/** Labels of every skill and occupation the explanations name, read in one batch. */
async function labelsFor(context: HubContext, matches: OccupationMatch[]): Promise<(uri: string) => string> {
  const skillUris = [...new Set(matches.flatMap(skillsExplained))];
  const skills = await loadExisting(context.loaders.taxonomy.skill, skillUris);
  const labels = new Map(skills.map((s) => [s.uri, s.preferredLabel]));
  return (uri) => labels.get(uri) ?? uri;
}

builder.queryFields((t) => ({
  matchOccupations: t.field({
    type: OccupationMatchesRef,
    description:
      'Occupations within reach of a person, from a free-text work history, a list of ESCO skills, or both: ranked by how much of their essential (then optional) skills the person has, ' +
      'near matches through the skill hierarchy and relations counted in part, and by demand and its trend in the region. Each with what is missing and the score in sentences.',
    args: {
      text: t.arg.string({
        description:
          'What the person did or can do, in their or the counsellor’s words (e.g. "I drove a forklift in a warehouse for six years").',
      }),
      skills: t.arg.stringList({ description: 'ESCO skill URIs the person has.' }),
      jobseekerId: t.arg.id({
        description:
          'A jobseeker profile: its confirmed skills and work history count, its region is the default (counsellor or admin; audited).',
      }),
      region: t.arg.string({
        description:
          'Where the person looks for work: country, NUTS code, German district or Land; demand there is weighed.',
      }),
      first: t.arg.int({ defaultValue: 10, description: `How many occupations (1–${MAX_MATCHES}, default 10).` }),
      allowStepDown: t.arg.boolean({
        defaultValue: false,
        description:
          'Rank occupations below the skill level of the person’s own among the others, instead of after them (still flagged stepDown).',
      }),
      towards: t.arg.string({ description: TOWARDS_DESCRIPTION }),
    },
    resolve: async (_root, args, context) => {
      const first = args.first ?? 10;
      if (first < 1 || first > MAX_MATCHES)
        throw new UserInputError('first', `must be between 1 and ${MAX_MATCHES} (got ${first})`);
      const { held, own, level, credits, index, demand, automation, region } = await matchInputs(context, args);
      const only = await targetFilter(context, args.towards);
      const matchContext = {
        only,
        demand: demand?.byOccupation ?? null,
        automation: (uri: string) => automation.get(uri) ?? null,
        own: new Set(own),
        level,
        allowStepDown: args.allowStepDown ?? false,
      };
      const ranked = rankOccupations(index, credits, matchContext, first);
      const current = own.flatMap((uri) => {
        const needs = index.byUri.get(uri);
        return needs ? [matchOf(needs, credits, matchContext)] : [];
      });
      const label = await labelsFor(context, [...ranked, ...current]);
      return {
        held,
        matches: ranked.map((m) => ({ ...m, explanation: explainMatch(m, label) })),
        current: current.map((m) => ({ ...m, explanation: explainMatch(m, label) })),
        demandNote: !region
          ? 'No region given: demand is not weighed.'
          : demand
            ? demand.note
            : `No demand figures for ${region}: demand is not weighed.`,
      };
    },
  }),
}));

// ---- skillGap ----

interface MissingSkill {
  uri: string;
  essential: boolean;
  near: SkillMatch | null;
  offers: string[];
}

const MissingSkillRef = builder.objectRef<MissingSkill>('MissingSkill').implement({
  description: 'A skill an occupation needs that the person does not fully have, with the offers that teach it.',
  fields: (t) => ({
    skill: t.field({
      type: Skill,
      nullable: true,
      description: 'The skill (ask greenRelevance and digitalRelevance on it for the twin-transition flags).',
      resolve: (m, _a, context) => context.loaders.taxonomy.skill.load(m.uri),
    }),
    essential: t.boolean({
      description: 'Essential (true) or optional for the occupation.',
      resolve: (m) => m.essential,
    }),
    nearMatch: t.field({
      type: SkillMatchRef,
      nullable: true,
      description: 'How near the person already is, if at all.',
      resolve: (m) => m.near,
    }),
    offers: t.field({
      type: [MicroCredentialRef],
      description: 'Published offers that teach it and reach the region (all published offers without a region).',
      resolve: (m, _a, context) => loadExisting(context.loaders.catalogue.microCredential, m.offers),
    }),
  }),
});

const SkillGapToOccupationRef = builder
  .objectRef<{
    uri: string;
    coverage: number;
    optionalCoverage: number;
    missing: MissingSkill[];
    demand: OccupationMatch['demand'];
  }>('SkillGapToOccupation')
  .implement({
    description: 'What a person misses for one occupation.',
    fields: (t) => ({
      occupation: t.field({
        type: Occupation,
        nullable: true,
        description: 'The target occupation.',
        resolve: (g, _a, context) => context.loaders.taxonomy.occupation.load(g.uri),
      }),
      coverage: t.float({
        description: 'Essential coverage (near matches count in part).',
        resolve: (g) => g.coverage,
      }),
      optionalCoverage: t.float({ description: 'Optional coverage.', resolve: (g) => g.optionalCoverage }),
      missingEssential: t.field({
        type: [Skill],
        description: 'Essential skills not fully held.',
        resolve: (g, _a, context) =>
          loadExisting(
            context.loaders.taxonomy.skill,
            g.missing.filter((m) => m.essential).map((m) => m.uri),
          ),
      }),
      missingOptional: t.field({
        type: [Skill],
        description: 'Optional skills not fully held.',
        resolve: (g, _a, context) =>
          loadExisting(
            context.loaders.taxonomy.skill,
            g.missing.filter((m) => !m.essential).map((m) => m.uri),
          ),
      }),
      missing: t.field({
        type: [MissingSkillRef],
        description: 'Every missing skill, essential first, with how near the person is and the offers that teach it.',
        resolve: (g) => g.missing,
      }),
      demand: t.field({
        type: OccupationDemandRef,
        nullable: true,
        description: 'Demand for the occupation in the region, when given.',
        resolve: (g) => g.demand,
      }),
    }),
  });

builder.queryFields((t) => ({
  skillGap: t.field({
    type: SkillGapToOccupationRef,
    description:
      'The skills a person misses for a target occupation, essential and optional, each with how near they are and the offers that teach it.',
    args: {
      occupationUri: t.arg.string({ required: true, description: 'The target ESCO occupation.' }),
      skills: t.arg.stringList({ description: 'ESCO skill URIs the person has.' }),
      text: t.arg.string({ description: 'What the person did or can do, in words.' }),
      jobseekerId: t.arg.id({
        description:
          'A jobseeker profile: its confirmed skills and work history count, its region is the default (audited).',
      }),
      region: t.arg.string({
        description: 'Where the person looks for work: offers must reach it, and demand there is shown.',
      }),
    },
    resolve: async (_root, args, context) => {
      const { credits, index, demand, region: regionAsked } = await matchInputs(context, args);
      const needs = index.byUri.get(args.occupationUri);
      if (!needs) throw new UserInputError('occupationUri', `not a current ESCO occupation: '${args.occupationUri}'`);
      const fit = fitOccupation(needs, credits);
      const region = resolveRegion(regionAsked, referenceLists(context.referenceDir));
      if (!region.ok) throw new UserInputError('region', region.reason);
      const offers = (await planOffers(context)).offers.filter((offer) => offerReachesRegion(offer, region.code));
      const teaching = (uri: string) => offers.filter((offer) => offer.skills.includes(uri)).map((offer) => offer.id);
      const near = new Map(fit.matchedEssential.concat(fit.matchedOptional).map((m) => [m.uri, m]));
      const missing: MissingSkill[] = [
        ...fit.missingEssential.map((uri) => ({
          uri,
          essential: true,
          near: near.get(uri) ?? null,
          offers: teaching(uri),
        })),
        ...fit.missingOptional.map((uri) => ({
          uri,
          essential: false,
          near: near.get(uri) ?? null,
          offers: teaching(uri),
        })),
      ];
      const facts = demand ? (scoreDemand(demand.byOccupation).get(args.occupationUri) ?? null) : null;
      return {
        uri: args.occupationUri,
        coverage: fit.essentialCoverage,
        optionalCoverage: fit.optionalCoverage,
        missing,
        demand: facts,
      };
    },
  }),
}));
