import { pushTo } from '../../collections.js';
import { builder } from '../../graphql/builder.js';
import { loadExisting } from '../../graphql/context.js';
import { pageOfWindow, pageWindow, selectedNodeFields } from '../../graphql/connections.js';
import { Occupation, Skill, SkillCollectionEnum } from '../../taxonomy/schema/concepts.js';
import { toLuceneQuery } from '../../taxonomy/search.js';
import type { SkillRow } from '../../taxonomy/store.js';
import { assessCompleteness } from '../completeness.js';
import { elmExportOf } from '../elm-offers.js';
import type { StoredMicroCredential } from '../loaders.js';
import {
  OFFER_STATUSES,
  PARTICIPATION_FORMS,
  QF_EHEA_CYCLES,
  type Recognition,
  STACKABILITY_VALUES,
  SUPERVISION_VALUES,
  WORKLOAD_UNIT_CODES,
} from '../model.js';
import { type CatalogueSort, type SkillLinkRow, catalogueSlice, confirmedByCurator } from '../store.js';
import { HOURS_PER_ECTS } from '../units.js';
import { AnnexElementEnum, CompletenessRef } from './completeness.js';
import { ElmExportRef } from './elm.js';
import { OutcomeSkillLinkRef, LearningOutcomeRef } from './outcomes.js';
import { ProviderRef } from './provider.js';
import { QualificationRef } from './qualification.js';

/** Micro-credential offers: every Annex I element, completeness, learning outcomes and their skill links. */

interface OfferSkill {
  skillUri: string;
  links: SkillLinkRow[];
}

const OfferSkillRef = builder.objectRef<OfferSkill>('MicroCredentialSkill').implement({
  description: 'A skill the offer develops, through one or more of its learning outcomes.',
  fields: (t) => ({
    skill: t.field({
      type: Skill,
      description: 'The ESCO skill.',
      resolve: async (s, _args, context) => (await context.loaders.taxonomy.skill.load(s.skillUri)) as SkillRow,
    }),
    confirmed: t.boolean({
      description: 'At least one link was accepted or added by a curator.',
      resolve: (s) => s.links.some(confirmedByCurator),
    }),
    bestScore: t.float({
      nullable: true,
      description: 'The highest linker score among the links; null when none has one (links added by hand).',
      resolve: (s) => Math.max(...s.links.map((l) => l.score ?? 0)) || null,
    }),
    links: t.field({
      type: [OutcomeSkillLinkRef],
      description: "The links from the offer's learning outcomes to the skill (rejected ones left out).",
      resolve: (s) => s.links,
    }),
  }),
});

const WorkloadRef = builder.objectRef<StoredMicroCredential>('Workload').implement({
  description:
    'Notional workload: the value and unit as stated, and normalised hours and ECTS with the conversion used.',
  fields: (t) => ({
    value: t.float({ description: 'The workload as stated, in unit.', resolve: (m) => m.workloadValue! }),
    unit: t.string({
      description: `The stated unit: ${WORKLOAD_UNIT_CODES.join(', ')}.`,
      resolve: (m) => m.workloadUnit!,
    }),
    hours: t.float({ description: 'Normalised to hours (2 decimals).', resolve: (m) => m.workloadHours! }),
    ects: t.float({
      description: `Normalised to ECTS at ${HOURS_PER_ECTS} h per credit (the stated value when the unit is ECTS).`,
      resolve: (m) => m.workloadEcts!,
    }),
    conversion: t.string({
      description: 'How hours and ECTS were computed from the stated value, in words.',
      resolve: (m) => m.workloadConversion!,
    }),
  }),
});

export const MicroCredentialRef = builder.objectRef<StoredMicroCredential>('MicroCredential');

const RecognitionRef = builder.objectRef<Recognition>('Recognition').implement({
  description:
    'Who recognises a micro-credential, and for what (credit towards a qualification, admission, a licence, hiring…).',
  fields: (t) => ({
    recognisedBy: t.exposeString('recognisedBy', {
      description: 'Who recognises it: an employer, a sector body, an institution, a qualifications authority.',
    }),
    purpose: t.exposeString('purpose', { description: 'For what it is recognised.' }),
    date: t.exposeString('date', {
      nullable: true,
      description: 'Date of the recognition, YYYY-MM-DD; null: not specified.',
    }),
  }),
});

MicroCredentialRef.implement({
  description: 'A micro-credential offer as a provider publishes it (Annex I elements, plus what users filter on).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id chosen by the publisher.' }),
    title: t.exposeString('title', { description: 'Title of the micro-credential (Annex I).' }),
    description: t.exposeString('description', {
      nullable: true,
      description: 'Free-text description of the offer; null: not specified.',
    }),
    provider: t.field({
      type: ProviderRef,
      nullable: true,
      description: 'The provider offering it; null when none is recorded.',
      resolve: (m, _a, context) => (m.providerId ? context.loaders.catalogue.provider.load(m.providerId) : null),
    }),
    awardingBodies: t.exposeStringList('awardingBodies', { description: 'Awarding body(ies), by name (Annex I).' }),
    awardingBodyCountries: t.exposeStringList('awardingBodyCountries', {
      nullable: true,
      description:
        'Where the awarding bodies are established (ISO 3166 codes), when that is not where the offer is issued, e.g. an international body. Null: the issuer countries.',
    }),
    issuerCountries: t.exposeStringList('issuerCountries', {
      nullable: true,
      description: 'Country(ies) of the issuer (Annex I), ISO 3166 two-letter codes; null: not specified.',
    }),
    issuerRegions: t.exposeStringList('issuerRegions', {
      nullable: true,
      description: 'Region(s) of the issuer (Annex I), e.g. NUTS codes; null: not specified.',
    }),
    learningOutcomes: t.field({
      type: [LearningOutcomeRef],
      description:
        'The learning outcomes in the order stated, each with its skill links; an offer stating none has one entry standing in with its title (stated: false).',
      resolve: (m, _a, context) => context.loaders.catalogue.outcomes.load(m.id),
    }),
    workload: t.field({
      type: WorkloadRef,
      nullable: true,
      description: 'Notional workload (Annex I); null: not specified.',
      resolve: (m) => (m.workloadValue == null ? null : m),
    }),
    eqfLevel: t.exposeInt('eqfLevel', {
      nullable: true,
      description: 'EQF level, 1–8; null: not specified, or not applicable when notApplicable lists LEVEL.',
    }),
    nationalLevel: t.exposeString('nationalLevel', {
      nullable: true,
      description:
        'Level as the national framework writes it (e.g. "6" in the Irish NFQ, "5.1" in Norway); null: not specified.',
    }),
    nationalFramework: t.exposeString('nationalFramework', {
      nullable: true,
      description: 'The national qualifications framework of nationalLevel; null: not specified.',
    }),
    qfEheaCycle: t.exposeString('qfEheaCycle', {
      nullable: true,
      description: `QF-EHEA cycle: ${QF_EHEA_CYCLES.join(', ')}; null: not specified.`,
    }),
    assessmentType: t.exposeString('assessmentType', {
      nullable: true,
      description: 'Type of assessment (Annex I), free text; null: not specified.',
    }),
    participationForm: t.exposeString('participationForm', {
      nullable: true,
      description: PARTICIPATION_FORMS.join(', '),
    }),
    qualityAssurance: t.exposeString('qualityAssurance', {
      nullable: true,
      description: 'Type of quality assurance underpinning the offer (Annex I), free text; null: not specified.',
    }),
    prerequisites: t.exposeStringList('prerequisites', {
      nullable: true,
      description: 'null = not specified; [] = none.',
    }),
    supervision: t.exposeString('supervision', { nullable: true, description: SUPERVISION_VALUES.join(', ') }),
    stackability: t.exposeString('stackability', { nullable: true, description: STACKABILITY_VALUES.join(', ') }),
    stacksInto: t.exposeStringList('stacksInto', {
      nullable: true,
      description: 'Ids of the micro-credentials and qualifications it stacks into.',
    }),
    stacksIntoMicroCredentials: t.field({
      type: [MicroCredentialRef],
      description: 'The micro-credentials among stacksInto.',
      resolve: (m, _a, context) => loadExisting(context.loaders.catalogue.microCredential, m.stacksInto ?? []),
    }),
    stacksIntoQualifications: t.field({
      type: [QualificationRef],
      description: 'The qualifications among stacksInto.',
      resolve: (m, _a, context) => loadExisting(context.loaders.catalogue.qualification, m.stacksInto ?? []),
    }),
    recognitions: t.field({
      type: [RecognitionRef],
      description: 'Who recognises this micro-credential, and for what.',
      resolve: (m) => m.recognitions,
    }),
    furtherInformation: t.exposeString('furtherInformation', {
      nullable: true,
      description: 'Further information (Annex I), free text; null: not specified.',
    }),
    languages: t.exposeStringList('languages', {
      nullable: true,
      description: 'Languages the offer is given in, ISO 639-1 codes; null: not specified.',
    }),
    durationText: t.exposeString('durationText', {
      nullable: true,
      description: 'Duration as the provider words it (e.g. "13 days over half a year"); null: not specified.',
    }),
    costAmount: t.exposeFloat('costAmount', {
      nullable: true,
      description: 'Cost, in costCurrency; null: not specified.',
    }),
    costCurrency: t.exposeString('costCurrency', {
      nullable: true,
      description: 'ISO 4217 currency of costAmount (e.g. EUR); null: not specified.',
    }),
    voucherEligible: t.exposeBoolean('voucherEligible', { nullable: true, description: 'null = not specified.' }),
    ilaEligible: t.exposeBoolean('ilaEligible', {
      nullable: true,
      description: 'Individual learning account; null = not specified.',
    }),
    sectors: t.exposeStringList('sectors', { nullable: true, description: 'NACE Rev.2 codes.' }),
    targetOccupations: t.field({
      type: [Occupation],
      description: 'ESCO occupations the offer prepares for (those not in the graph are left out).',
      resolve: (m, _a, context) => loadExisting(context.loaders.taxonomy.occupation, m.targetOccupations ?? []),
    }),
    expectedRevisionDate: t.exposeString('expectedRevisionDate', {
      nullable: true,
      description: 'When the programme is next expected to be revised, YYYY-MM-DD; null: not specified.',
    }),
    validUntil: t.exposeString('validUntil', {
      nullable: true,
      description: 'Until when the offer is valid, YYYY-MM-DD; null: not specified.',
    }),
    status: t.exposeString('status', { description: `${OFFER_STATUSES.join(', ')}.` }),
    notApplicable: t.field({
      type: [AnnexElementEnum],
      description: 'Annex I elements the offer declares not applicable.',
      resolve: (m) => m.notApplicable,
    }),
    sourceName: t.exposeString('sourceName', { nullable: true, description: 'Where this entry comes from.' }),
    sourceReference: t.exposeString('sourceReference', {
      nullable: true,
      description: 'Where in that source (document and page or line, URL); null: not given.',
    }),
    createdAt: t.exposeString('createdAt', {
      description: 'When the entry was created in the hub (ISO 8601 date-time).',
    }),
    updatedAt: t.exposeString('updatedAt', {
      description:
        'When its content last changed (ISO 8601 date-time); re-submitting it unchanged leaves this as it was.',
    }),
    elm: t.field({
      type: ElmExportRef,
      description:
        'European Learning Model (ELM v3) export (importable again with `hub import catalogue`); learning outcomes carry only curator-confirmed ESCO skills.',
      resolve: (m, _a, context) => elmExportOf(context.loaders, m),
    }),
    completeness: t.field({
      type: CompletenessRef,
      description: 'Annex I completeness and the Annex II principle checks, computed from the entry and its provider.',
      resolve: async (m, _a, context) =>
        assessCompleteness(m, m.providerId ? await context.loaders.catalogue.provider.load(m.providerId) : null),
    }),
    skills: t.field({
      type: [OfferSkillRef],
      description: 'Skills developed through the learning outcomes (rejected links left out), most confident first.',
      resolve: async (m, _a, context) => {
        const bySkill = new Map<string, SkillLinkRow[]>();
        for (const outcome of await context.loaders.catalogue.outcomes.load(m.id)) {
          for (const link of outcome.links) {
            if (link.state === 'REJECTED') continue;
            pushTo(bySkill, link.skillUri, link);
          }
        }
        const confirmed = (links: SkillLinkRow[]) => links.some(confirmedByCurator);
        return [...bySkill.entries()]
          .map(([skillUri, links]) => ({ skillUri, links }))
          .sort(
            (a, b) =>
              Number(confirmed(b.links)) - Number(confirmed(a.links)) ||
              Math.max(...b.links.map((l) => l.score ?? 0)) - Math.max(...a.links.map((l) => l.score ?? 0)),
          );
      },
    }),
  }),
});

const MicroCredentialConnection = builder.connectionObject(
  {
    type: MicroCredentialRef,
    name: 'MicroCredentialConnection',
    description: 'A page of micro-credential offers.',
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many offers match, across every page.',
        resolve: (parent) => (parent as unknown as { totalCount: number }).totalCount,
      }),
    }),
  },
  { name: 'MicroCredentialEdge', description: 'A micro-credential offer on a page, with its cursor.' },
);

const CatalogueSortEnum = builder.enumType('MicroCredentialSort', {
  description: 'Order of the catalogue listing; ties go by title (case-insensitive), then id.',
  values: {
    TITLE: { description: 'By title, A to Z (case-insensitive).' },
    WORKLOAD: { description: 'By normalised workload in ECTS, smallest first; offers without a workload last.' },
    EQF_LEVEL: { description: 'By EQF level, lowest first; offers without one last.' },
    RECENTLY_UPDATED: { description: 'Most recently updated first.' },
    RELEVANCE: { description: 'By full-text score for filter.text, best first; by title when there is no text.' },
  } as const satisfies Record<CatalogueSort, { description: string }>,
});

const MicroCredentialFilter = builder.inputType('MicroCredentialFilter', {
  description:
    'Conditions on the catalogue listing: an offer must meet every one given; a condition left out lets every offer through.',
  fields: (t) => ({
    text: t.string({ description: 'Full-text search over title, description and learning outcomes.' }),
    status: t.string({ description: 'DRAFT, PUBLISHED or RETIRED (default PUBLISHED).' }),
    providerId: t.id({ description: 'Offers of this provider.' }),
    skillUri: t.string({ description: 'Offers with an outcome linked to this ESCO skill (rejected links excluded).' }),
    occupationUri: t.string({
      description: "Offers that develop at least one of this ESCO occupation's essential skills.",
    }),
    sector: t.string({ description: 'NACE Rev.2 code or prefix (C matches C25).' }),
    country: t.string({ description: 'Offers whose issuerCountries include this ISO 3166 two-letter code.' }),
    region: t.string({ description: 'Offers whose issuerRegions include exactly this region.' }),
    eqfMin: t.int({ description: 'Lowest EQF level, inclusive; offers without an EQF level are left out.' }),
    eqfMax: t.int({ description: 'Highest EQF level, inclusive; offers without an EQF level are left out.' }),
    ectsMin: t.float({ description: 'Normalised workload, ECTS.' }),
    ectsMax: t.float({
      description: 'Normalised workload, ECTS, at most (inclusive); offers without a workload are left out.',
    }),
    participationForm: t.string({ description: PARTICIPATION_FORMS.join(', ') }),
    language: t.string({ description: 'ISO 639-1 code.' }),
    accreditedOnly: t.boolean({
      description: 'true: only offers whose provider is ACCREDITED (listed in a public register).',
    }),
    voucherEligible: t.boolean({
      description: 'Offers whose voucherEligible is this value (offers that do not specify it match neither).',
    }),
    collection: t.field({
      type: SkillCollectionEnum,
      description: 'Offers developing at least one skill of this ESCO collection (green, digital, …).',
    }),
  }),
});

/**
 * The MicroCredential fields that read its outcomes and their links. A field missing here still works: its
 * outcomes come through the loader, one more round trip.
 */
const FIELDS_NEEDING_OUTCOMES = ['learningOutcomes', 'skills', 'elm'];

builder.queryFields((t) => ({
  qualification: t.field({
    type: QualificationRef,
    nullable: true,
    description: 'A qualification by id; null when there is none.',
    args: { id: t.arg.id({ required: true, description: 'The qualification id.' }) },
    resolve: (_root, args, context) => context.loaders.catalogue.qualification.load(String(args.id)),
  }),
  microCredential: t.field({
    type: MicroCredentialRef,
    nullable: true,
    description: 'A micro-credential offer by id, whatever its status; null when there is none.',
    args: { id: t.arg.id({ required: true, description: 'The offer id.' }) },
    resolve: (_root, args, context) => context.loaders.catalogue.microCredential.load(String(args.id)),
  }),
  microCredentials: t.connection(
    {
      type: MicroCredentialRef,
      description: 'The catalogue, filtered and sorted; published offers unless a status is given.',
      args: {
        filter: t.arg({
          type: MicroCredentialFilter,
          description: 'Conditions the offers must meet; status PUBLISHED unless filter.status says otherwise.',
        }),
        sort: t.arg({ type: CatalogueSortEnum, description: 'Default TITLE, or RELEVANCE when filter.text is given.' }),
      },
      resolve: async (_root, args, context, info) => {
        const filter = {
          ...args.filter,
          status: args.filter?.status ?? 'PUBLISHED',
          providerId: args.filter?.providerId ? String(args.filter.providerId) : null,
        };
        const query = filter.text ? toLuceneQuery(filter.text) : null;
        const sort: CatalogueSort = args.sort ?? (query ? 'RELEVANCE' : 'TITLE');
        // One round trip for the count and the whole page; the loaders are primed so nested fields need none.
        const selected = selectedNodeFields(info);
        const withOutcomes = FIELDS_NEEDING_OUTCOMES.some((field) => selected.has(field));
        const slice = await catalogueSlice(context.graph, filter, sort, query, pageWindow(args, context.maxPageSize), {
          withOutcomes,
        });
        const { microCredential, provider, outcomes } = context.loaders.catalogue;
        for (const row of slice.rows) {
          microCredential.prime(row.credential.id, row.credential);
          if (row.outcomes) outcomes.prime(row.credential.id, row.outcomes);
          if (row.provider) provider.prime(row.provider.id, row.provider);
        }
        return pageOfWindow(
          args,
          slice.total,
          slice.offset,
          slice.rows.map((row) => row.credential),
          context.maxPageSize,
        );
      },
    },
    MicroCredentialConnection,
  ),
}));
