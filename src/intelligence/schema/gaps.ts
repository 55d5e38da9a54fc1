import { referenceLists } from '../../demand/reference.js';
import { round } from '../../numbers.js';
import { builder } from '../../graphql/builder.js';
import { type HubContext, loadExisting } from '../../graphql/context.js';
import { MicroCredentialRef } from '../../catalogue/schema/micro-credential.js';
import { QualificationRef } from '../../catalogue/schema/qualification.js';
import { Occupation, Skill } from '../../taxonomy/schema/concepts.js';
import { type CoveringOffer, type GapSlice, type SkillGap, explainGap } from '../gaps.js';
import type { SkillContribution } from '../skill-demand.js';
import { withEvidence } from './gap-evidence.js';
import type { DemandMargin } from '../national-split.js';
import type { SliceArgs } from '../demand-slice.js';

export interface SliceInfo extends GapSlice {
  regionNote: string | null;
  /** Vacancies over unemployed persons in the slice, where the source has both. */
  vacanciesPerUnemployed: number | null;
  /** The hypothetical changes applied, in words; empty for the real state. */
  whatIf: string[];
  selection: string;
  source: string | null;
  /** The arguments the slice answers, with its period and metric as chosen (not exposed: for demandSeries). */
  asked: SliceArgs;
}
export type GapRow = SkillGap & { slice: SliceInfo; rank?: number };

/** The official names of a slice's codes (NACE Rev.2, NUTS or country), for answers that carry codes. */
export function sectorName(context: HubContext, code: string | null): string | null {
  return code ? (referenceLists(context.referenceDir).sectors.get(code)?.name ?? null) : null;
}
export function regionName(context: HubContext, code: string | null): string | null {
  return code ? (referenceLists(context.referenceDir).regions.get(code)?.label ?? null) : null;
}
/** An occupation group's name: ISCO:7 from ESCO's ISCO-08 groups, KLDB:3 from the KldB 2010 lists. */
export function occupationGroupName(context: HubContext, group: string | null): string | null {
  const match = /^(ISCO|KLDB):(\d+)$/.exec(group ?? '');
  if (!match) return null;
  if (match[1] === 'ISCO') return context.taxonomy?.iscoGroupByCode(match[2])?.preferredLabel ?? null;
  return referenceLists(context.referenceDir).kldbNames.get(match[2]) ?? null;
}

const EvidenceOccupation = builder
  .objectRef<SkillContribution['topOccupations'][number]>('DemandEvidenceOccupation')
  .implement({
    description: 'An occupation a figure reached a skill through, with the share of the figure it carried.',
    fields: (t) => ({
      occupation: t.field({
        type: Occupation,
        nullable: true,
        description: 'The ESCO occupation.',
        resolve: (row, _a, context) => context.loaders.taxonomy.occupation.load(row.uri),
      }),
      share: t.float({
        description: 'Share of the source figure that reached this occupation (and through it the skill).',
        resolve: (row) => round(row.share, 6),
      }),
      relation: t.string({
        description:
          'ESSENTIAL or OPTIONAL: how the occupation needs the skill (optional counts at the optional weight).',
        resolve: (row) => row.relation,
      }),
    }),
  });

export const DemandMarginRef = builder.objectRef<DemandMargin>('DemandMargin').implement({
  description:
    'A national margin a coarse figure’s split was fitted to (docs/skills-intelligence.md, “National evidence before the proxy”).',
  fields: (t) => ({
    role: t.exposeString('role', { description: 'What the margin fixes, e.g. “sector × ISCO-08 major group”.' }),
    source: t.exposeString('source', { description: 'The source the margin’s figures come from.' }),
    period: t.exposeString('period', { description: 'The period of the margin’s figures.' }),
    region: t.exposeString('region', { description: 'The country the margin’s figures are for.' }),
    yearsBefore: t.exposeInt('yearsBefore', {
      description:
        'How many years the margin’s period lies before the figure’s (0: the same year; negative: after it).',
    }),
  }),
});

const DemandEvidence = builder.objectRef<SkillContribution>('DemandEvidence').implement({
  description:
    'One source figure behind a derived demand, and the share of it that reached the skill. The contributions of a row add up to its demand.',
  fields: (t) => ({
    source: t.string({
      description: 'Id of the demand source (e.g. eurostat-lfsa_eisn2).',
      resolve: (c) => c.signal.sourceId,
    }),
    sourceName: t.string({ description: 'The source as it names itself.', resolve: (c) => c.signal.sourceName }),
    retrievedOn: t.string({
      nullable: true,
      description: 'When the data was retrieved from its publisher, if known.',
      resolve: (c) => c.signal.retrievedOn,
    }),
    metric: t.string({
      description: 'What the figure measures (EMPLOYMENT, VACANCIES, JOB_ADS, …).',
      resolve: (c) => c.signal.metric,
    }),
    period: t.string({ description: 'The figure’s period.', resolve: (c) => c.signal.period }),
    region: t.string({
      description: 'The figure’s country or NUTS code (the asked region when the figure is a sum over its regions).',
      resolve: (c) => c.signal.region,
    }),
    parts: t.int({
      description:
        'How many source figures were added into this one (1: a single source row; more: e.g. every district of a Land).',
      resolve: (c) => c.signal.parts?.figures ?? 1,
    }),
    sector: t.string({
      nullable: true,
      description: 'The figure’s NACE Rev.2 code; null when it covers every sector.',
      resolve: (c) => c.signal.sector,
    }),
    isco: t.string({
      nullable: true,
      description: 'The ISCO-08 group the figure is for, when the source gives an ISCO group.',
      resolve: (c) => (c.signal.targetKind === 'ISCO' ? c.signal.targetCode : null),
    }),
    target: t.string({
      description: 'The figure’s target as the source gives it: kind and code (ISCO:7, OCCUPATION:<uri>, KLDB:434).',
      resolve: (c) => `${c.signal.targetKind}:${c.signal.targetCode}`,
    }),
    value: t.float({
      nullable: true,
      description: 'The published value, exactly as in the source row.',
      resolve: (c) => c.signal.value,
    }),
    unit: t.string({ description: 'Unit of the value.', resolve: (c) => c.signal.unit }),
    flags: t.stringList({
      description:
        'The source’s flags on the figure, one letter each (Eurostat: u low reliability, d definition differs, b break in series).',
      resolve: (c) => c.signal.flags,
    }),
    reliability: t.string({
      description: 'NORMAL, or LOW when the source flags the figure as of low reliability.',
      resolve: (c) => c.signal.reliability,
    }),
    weight: t.float({
      description: 'Share of the value that reached the skill (through the occupations below).',
      resolve: (c) => round(c.weight, 6),
    }),
    contribution: t.float({
      description: 'value × weight: this figure’s part of the skill’s demand.',
      resolve: (c) => round(c.contribution, 4),
    }),
    method: t.string({
      description: 'How the figure was spread down to occupations, and how coarse the input was.',
      resolve: (c) => c.method,
    }),
    margins: t.field({
      type: [DemandMarginRef],
      description:
        'The national margins the figure’s split was fitted to, with their age; empty when the split follows the proxy alone.',
      resolve: (c) => c.margins,
    }),
    unemployed: t.float({
      nullable: true,
      description:
        'For a vacancies figure: the same source’s registered unemployed for the same region, period and occupation group.',
      resolve: (c) => c.unemployed?.value ?? null,
    }),
    vacanciesPerUnemployed: t.float({
      nullable: true,
      description:
        'For a vacancies figure: vacancies per unemployed person in the same group and region (above 1: more open jobs than people looking; a shortage sign).',
      resolve: (c) => c.unemployed?.vacanciesPerUnemployed ?? null,
    }),
    occupationCount: t.int({
      description: 'How many occupations needing the skill the share came through.',
      resolve: (c) => c.occupationCount,
    }),
    topOccupations: t.field({
      type: [EvidenceOccupation],
      description: 'The occupations that carried the largest shares (at most 3).',
      resolve: (c) => c.topOccupations,
    }),
  }),
});

const CoveringOfferRef = builder.objectRef<CoveringOffer>('CoveringOffer').implement({
  description: 'An offer counted as supply for a skill, with the weight it counted at and why.',
  fields: (t) => ({
    offer: t.field({
      type: MicroCredentialRef,
      nullable: true,
      description: 'The micro-credential.',
      resolve: (o, _a, context) => context.loaders.catalogue.microCredential.load(o.id),
    }),
    weight: t.float({
      description: 'link state × provider accreditation × completeness factor × stated-outcome factor.',
      resolve: (o) => o.weight,
    }),
    detail: t.string({ description: 'The factors, in words.', resolve: (o) => o.detail }),
  }),
});

const QualificationRouteRef = builder.objectRef<CoveringOffer>('QualificationRoute').implement({
  description:
    'A qualification route counted as supply of its own kind for a skill, with the weight it counted at and why.',
  fields: (t) => ({
    qualification: t.field({
      type: QualificationRef,
      nullable: true,
      description: 'The qualification (e.g. an apprenticeship standard).',
      resolve: (o, _a, context) => context.loaders.catalogue.qualification.load(o.id),
    }),
    weight: t.float({
      description: 'link state × stated-outcome factor (the standard is approved: no provider or completeness factor).',
      resolve: (o) => o.weight,
    }),
    detail: t.string({ description: 'The factors, in words.', resolve: (o) => o.detail }),
  }),
});

const GapSliceRef = builder.objectRef<SliceInfo>('SkillGapSlice').implement({
  description: 'The slice a gap ranking answers: which figures were used, their total, and how coarse they were.',
  fields: (t) => ({
    sector: t.string({
      nullable: true,
      description: 'NACE Rev.2 code asked, or null for all sectors.',
      resolve: (s) => s.sector,
    }),
    region: t.string({
      nullable: true,
      description: 'Country or NUTS code asked (a German district or Land is resolved to NUTS), or null.',
      resolve: (s) => s.region,
    }),
    sectorName: t.string({
      nullable: true,
      description: 'The NACE Rev.2 name of the sector (official list); null for all sectors.',
      resolve: (s, _a, context) => sectorName(context, s.sector),
    }),
    regionName: t.string({
      nullable: true,
      description: 'The NUTS or country name of the region (official list); null for all regions.',
      resolve: (s, _a, context) => regionName(context, s.region),
    }),
    occupationGroup: t.string({
      nullable: true,
      description:
        'The occupation group asked, in words (ISCO-08 group 7 (Craft and related trades workers)); null for all.',
      resolve: (s) => s.occupationGroup,
    }),
    regionNote: t.string({
      nullable: true,
      description: 'How the asked region was resolved, when it was not a NUTS code.',
      resolve: (s) => s.regionNote,
    }),
    period: t.string({ description: 'The period.', resolve: (s) => s.period }),
    metric: t.string({ description: 'The metric used.', resolve: (s) => s.metric }),
    unit: t.string({ description: 'Unit of demand.', resolve: (s) => s.unit }),
    source: t.string({ nullable: true, description: 'The demand source used.', resolve: (s) => s.source }),
    selection: t.string({
      description: 'Which figures were chosen, and which were left out so nothing is counted twice.',
      resolve: (s) => s.selection,
    }),
    total: t.float({
      description: 'Sum of the published figures of the slice: the denominator of demand shares.',
      resolve: (s) => s.total,
    }),
    figures: t.int({ description: 'Source figures in the slice.', resolve: (s) => s.signals }),
    notPublished: t.int({
      description: 'Figures the source did not publish (demand is then a lower bound).',
      resolve: (s) => s.notPublished,
    }),
    vacanciesPerUnemployed: t.float({
      nullable: true,
      description: 'Vacancies per unemployed person over the slice, where the source publishes both (German PES).',
      resolve: (s) => s.vacanciesPerUnemployed,
    }),
    whatIf: t.stringList({
      description: 'The hypothetical changes this answer was scored under (nothing written); empty for the real state.',
      resolve: (s) => s.whatIf,
    }),
    grains: t.stringList({
      description: 'How coarse the inputs were: ISCO-1 (major group) … ISCO-4 (unit group), OCCUPATION.',
      resolve: (s) => s.grains,
    }),
    methods: t.stringList({ description: 'How figures were spread down to occupations.', resolve: (s) => s.methods }),
  }),
});

const SupplyKindRef = builder.enumType('SupplyKind', {
  description: 'What supply a skill has in a region.',
  values: {
    MICRO_CREDENTIAL: { description: 'At least one published micro-credential reaching the region teaches it.' },
    QUALIFICATION_ONLY: {
      description: 'Taught in a qualification route (an apprenticeship standard), by no micro-credential.',
    },
    NONE: { description: 'Taught by no published offer or qualification route reaching the region.' },
  } as const,
});

export const SkillGapRef = builder.objectRef<GapRow>('SkillGap').implement({
  description:
    'A skill in demand in a sector × region × period, against what quality-assured offers there teach. Ranked by gapScore (docs/skills-intelligence.md).',
  fields: (t) => ({
    rank: t.int({
      nullable: true,
      description:
        'Its position in the slice’s ranking (1 the highest gap score); null in lists that are not the ranking.',
      resolve: (g) => g.rank ?? null,
    }),
    skill: t.field({
      type: Skill,
      nullable: true,
      description: 'The ESCO skill.',
      resolve: (g, _a, context) => context.loaders.taxonomy.skill.load(g.skillUri),
    }),
    demand: t.float({
      description:
        'Derived demand: persons (vacancies, ads, …: see slice.unit) in occupations that need the skill, optional needs at half. The evidence adds up to it.',
      resolve: (g) => g.demand,
    }),
    demandShare: t.float({ description: 'demand / slice.total.', resolve: (g) => g.demandShare }),
    trend: t.float({
      nullable: true,
      description: 'Relative change of demand against trendPeriod; null when not comparable (see trendNote).',
      resolve: (g) => g.trend,
    }),
    trendPeriod: t.string({
      nullable: true,
      description: 'The earlier period compared with.',
      resolve: (g) => g.trendPeriod,
    }),
    previousDemand: t.float({
      nullable: true,
      description:
        'Demand in trendPeriod, in the slice’s unit, derived the same way (0 when the skill had none then); null without a comparable earlier period.',
      resolve: (g) => g.previousDemand,
    }),
    trendNote: t.string({
      description: 'How the trend was computed, or why there is none (e.g. a break in series).',
      resolve: (g) => g.trendNote,
    }),
    coverage: t.float({
      description:
        'Supply in 0–1: the summed weights of the offers reaching the region that teach the skill, capped at 1.',
      resolve: (g) => g.coverage,
    }),
    gapScore: t.float({ description: 'demandShare × (1 − coverage).', resolve: (g) => g.gapScore }),
    lowReliabilityShare: t.float({
      description: 'Share of the demand from figures the source flags as of low reliability.',
      resolve: (g) => g.lowReliabilityShare,
    }),
    explanation: t.string({
      description:
        'The row in words: demand and its share, trend, coverage and the offers behind it, the gap score, and caveats on the inputs.',
      resolve: async (g, _a, context) => {
        const text = explainGap(
          await withEvidence(g),
          g.slice,
          (await context.loaders.taxonomy.skill.load(g.skillUri))?.preferredLabel ?? g.skillUri,
        );
        const ratio = g.slice.vacanciesPerUnemployed;
        const withRatio =
          ratio === null
            ? text
            : `${text} Across the slice there are ${ratio.toFixed(2)} registered vacancies per registered unemployed person.`;
        return g.slice.whatIf.length === 0
          ? withRatio
          : `What-if (nothing written): ${g.slice.whatIf.join('; ')}. ${withRatio}`;
      },
    }),
    evidence: t.field({
      type: [DemandEvidence],
      description: 'The source figures behind the demand, largest contribution first.',
      resolve: async (g) => (await withEvidence(g)).contributions,
    }),
    coveringOffers: t.field({
      type: [MicroCredentialRef],
      description:
        'The offers counted as supply, heaviest first (hypothetical offers of a what-if are only in coverageDetail).',
      resolve: (g, _a, context) =>
        loadExisting(
          context.loaders.catalogue.microCredential,
          g.coveringOffers.map((o) => o.id),
        ),
    }),
    unlocatedOffers: t.field({
      type: [MicroCredentialRef],
      description:
        'Published offers teaching the skill that state no country or region of issue and are not online: they reach no region, so they are not in the coverage.',
      resolve: (g, _a, context) =>
        loadExisting(
          context.loaders.catalogue.microCredential,
          g.unlocatedOffers.map((o) => o.id),
        ),
    }),
    coverageDetail: t.field({
      type: [CoveringOfferRef],
      description: 'Each covering offer’s weight and why.',
      resolve: (g) => g.coveringOffers,
    }),
    qualificationCoverage: t.exposeFloat('qualificationCoverage', {
      description:
        'Coverage by qualification routes reaching the region (apprenticeship standards), 0–1, counted apart from the micro-credentials’ coverage and not in the gap score.',
    }),
    qualificationRoutes: t.field({
      type: [QualificationRouteRef],
      description:
        'The qualification routes teaching the skill in the region, each with its weight and why, heaviest first.',
      resolve: (g) => g.qualificationRoutes,
    }),
    supply: t.field({
      type: SupplyKindRef,
      description: 'Who teaches the skill in the region: a micro-credential, only a qualification route, or nobody.',
      resolve: (g) => g.supply,
    }),
    slice: t.field({ type: GapSliceRef, description: 'The slice this row belongs to.', resolve: (g) => g.slice }),
  }),
});

export const sliceArgs = builder.args((t) => ({
  sector: t.string({ description: 'NACE Rev.2 section (F) or division (F41); all sectors when left out.' }),
  region: t.string({
    description:
      'Country (FR), NUTS 1–3 code (FR10, DE212), German district (AGS, 09162) or Land (09); all regions when left out.',
  }),
  period: t.string({ description: 'Year (2024); the latest year with figures when left out.' }),
  metric: t.string({
    description:
      'EMPLOYMENT, VACANCIES, JOB_ADS, …; by default the first of VACANCIES, JOB_ADS, EMPLOYMENT the slice has.',
  }),
  occupationGroup: t.string({
    description:
      'Only the demand of an occupation group: ISCO:<1–4 digits> (ISCO:7, ISCO:721) or KLDB:<1–3 digits> (KLDB:32, construction occupations); all occupations when left out.',
  }),
}));

// What demand adds to every request's context (src/graphql/context.ts).
declare module '../../graphql/context.js' {
  interface HubContext {
    /** Official code lists folder (REFERENCE_DIR), for checking demand arguments. */
    referenceDir: string;
  }
}
