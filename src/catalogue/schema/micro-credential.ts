import { pushTo } from '../../collections.js';
import { builder } from '../../graphql/builder.js';
import { loadExisting } from '../../graphql/context.js';
import { pageOfWindow, pageWindow, selectedNodeFields } from '../../graphql/connections.js';
import { Occupation, Skill, SkillCollectionEnum } from '../../taxonomy/schema/concepts.js';
import { toLuceneQuery } from '../../taxonomy/search.js';
import type { SkillRow } from '../../taxonomy/store.js';
import { type Completeness, type ElementStatus, type PrincipleCheck, assessCompleteness } from '../completeness.js';
import type { ElmExport } from '../elm-export.js';
import { elmExportOf } from '../elm-offers.js';
import type { ElmValidation, ElmValidator, ElmViolation } from '../elm-validation.js';
import type { StoredMicroCredential } from '../loaders.js';
import { MANDATORY_ELEMENTS, OPTIONAL_ELEMENTS, PARTICIPATION_FORMS, type Qualification, type Recognition, STACKABILITY_VALUES, SUPERVISION_VALUES } from '../model.js';
import { type CatalogueSort, type OutcomeWithLinks, type SkillLinkRow, catalogueSlice, confirmedByCurator } from '../store.js';
import { ProviderRef } from './provider.js';

/** Micro-credential offers: every Annex I element, completeness, learning outcomes and their skill links. */

export const AnnexElementEnum = builder.enumType('AnnexElement', {
  description: 'The elements Annex I of the 2022 Council Recommendation asks a micro-credential offer to state.',
  values: [...MANDATORY_ELEMENTS, ...OPTIONAL_ELEMENTS] as const,
});
const ElementStateEnum = builder.enumType('ElementState', { values: ['PRESENT', 'NOT_SPECIFIED', 'NOT_APPLICABLE'] as const });
const CheckOutcomeEnum = builder.enumType('CheckOutcome', { values: ['PASS', 'WARN', 'FAIL', 'UNKNOWN'] as const });
export const SkillLinkStateEnum = builder.enumType('SkillLinkState', {
  description: 'SUGGESTED by the linker; ACCEPTED or REJECTED by a curator; ADDED by hand. Only suggestions are replaced when outcomes are re-linked.',
  values: ['SUGGESTED', 'ACCEPTED', 'REJECTED', 'ADDED'] as const,
});

const ElementStatusRef = builder.objectRef<ElementStatus>('AnnexElementStatus').implement({
  fields: (t) => ({
    element: t.field({ type: AnnexElementEnum, resolve: (e) => e.element }),
    mandatory: t.exposeBoolean('mandatory'),
    state: t.field({ type: ElementStateEnum, resolve: (e) => e.state }),
  }),
});

const PrincipleCheckRef = builder.objectRef<PrincipleCheck>('PrincipleCheck').implement({
  description: 'A check of one Annex II principle that can be computed from the catalogue entry.',
  fields: (t) => ({
    check: t.exposeString('check'),
    principle: t.exposeString('principle'),
    outcome: t.field({ type: CheckOutcomeEnum, resolve: (c) => c.outcome }),
    detail: t.exposeString('detail'),
  }),
});

const CompletenessRef = builder.objectRef<Completeness>('Completeness').implement({
  fields: (t) => ({
    score: t.exposeFloat('score', { description: 'Share of the mandatory offer elements present, 0–1.' }),
    mandatoryPresent: t.exposeInt('mandatoryPresent'),
    mandatoryTotal: t.exposeInt('mandatoryTotal'),
    missingMandatory: t.field({ type: [AnnexElementEnum], resolve: (c) => c.missingMandatory }),
    missingOptional: t.field({ type: [AnnexElementEnum], resolve: (c) => c.missingOptional }),
    elements: t.field({ type: [ElementStatusRef], resolve: (c) => c.elements }),
    checks: t.field({ type: [PrincipleCheckRef], resolve: (c) => c.checks }),
    method: t.exposeString('method'),
  }),
});

export const OutcomeSkillLinkRef = builder.objectRef<SkillLinkRow>('OutcomeSkillLink').implement({
  description: 'A link from a learning outcome to an ESCO skill, with its evidence and review.',
  fields: (t) => ({
    skill: t.field({ type: Skill, resolve: async (link, _args, context) => (await context.loaders.taxonomy.skill.load(link.skillUri)) as SkillRow }),
    outcomeId: t.exposeID('outcomeId'),
    state: t.field({ type: SkillLinkStateEnum, resolve: (link) => link.state }),
    score: t.exposeFloat('score', { nullable: true, description: 'Linker score (null for links added by hand).' }),
    method: t.exposeString('method'),
    matchedText: t.exposeString('matchedText', { nullable: true }),
    matchedLabel: t.exposeString('matchedLabel', { nullable: true }),
    taxonomyVersion: t.exposeString('taxonomyVersion'),
    linkedAt: t.exposeString('linkedAt'),
    reviewedBy: t.exposeString('reviewedBy', { nullable: true }),
    reviewedAt: t.exposeString('reviewedAt', { nullable: true }),
    note: t.exposeString('note', { nullable: true }),
  }),
});

const LearningOutcomeRef = builder.objectRef<OutcomeWithLinks>('LearningOutcome').implement({
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable while the text is unchanged, so links and reviews survive re-imports.' }),
    text: t.exposeString('text'),
    position: t.exposeInt('position'),
    stated: t.exposeBoolean('stated', {
      description: 'false: the offer states no learning outcomes; this entry is its title, linked so its likely skills can be seen and reviewed.',
    }),
    skillLinks: t.field({
      type: [OutcomeSkillLinkRef],
      args: { includeRejected: t.arg.boolean({ defaultValue: false }) },
      resolve: (outcome, args) => outcome.links.filter((link) => args.includeRejected || link.state !== 'REJECTED'),
    }),
  }),
});

interface OfferSkill {
  skillUri: string;
  links: SkillLinkRow[];
}

const OfferSkillRef = builder.objectRef<OfferSkill>('MicroCredentialSkill').implement({
  description: 'A skill the offer develops, through one or more of its learning outcomes.',
  fields: (t) => ({
    skill: t.field({ type: Skill, resolve: async (s, _args, context) => (await context.loaders.taxonomy.skill.load(s.skillUri)) as SkillRow }),
    confirmed: t.boolean({ description: 'At least one link was accepted or added by a curator.', resolve: (s) => s.links.some(confirmedByCurator) }),
    bestScore: t.float({ nullable: true, resolve: (s) => Math.max(...s.links.map((l) => l.score ?? 0)) || null }),
    links: t.field({ type: [OutcomeSkillLinkRef], resolve: (s) => s.links }),
  }),
});

const ElmViolationRef = builder.objectRef<ElmViolation>('ElmViolation').implement({
  description: 'One result of checking an ELM document against the Commission\'s SHACL shapes.',
  fields: (t) => ({
    focusNode: t.exposeString('focusNode', { description: 'The node that breaks the shape: its id, or _:… for a node without one.' }),
    path: t.exposeString('path', { nullable: true, description: 'The property concerned (full IRI), when the shape names one.' }),
    message: t.exposeString('message', { description: 'What is wrong, in the shape\'s words.' }),
    severity: t.exposeString('severity', { description: 'Violation, Warning or Info, as the shape grades it.' }),
    shape: t.exposeString('shape', { nullable: true, description: 'The shape that was not met.' }),
  }),
});

const ElmValidationRef = builder.objectRef<ElmValidation>('ElmValidation').implement({
  description: 'The export checked as a registry receiving it would: the JSON-LD read with its contexts (held locally), against the shapes of the EDC-generic-full profile.',
  fields: (t) => ({
    conforms: t.exposeBoolean('conforms', { description: 'True when no shape reports a violation.' }),
    violations: t.field({ type: [ElmViolationRef], description: 'Every result, by node and property.', resolve: (v) => v.violations }),
    profile: t.exposeString('profile', { description: 'The application profile whose shapes were used.' }),
  }),
});

const ElmExportRef = builder.objectRef<ElmExport>('ElmExport').implement({
  description: 'The offer as an ELM v3 JSON-LD document (a Qualification when it has an EQF level, else a LearningAchievementSpecification), modelled as the Commission\'s sample micro-credential models its qualification.',
  fields: (t) => ({
    json: t.string({ description: 'The JSON-LD document, with its own @context.', resolve: (e) => JSON.stringify(e.specification) }),
    unmapped: t.exposeStringList('unmapped', { description: 'Elements the offer holds that the document does not carry, each with the reason; empty when nothing is left out.' }),
    validation: t.field({
      type: ElmValidationRef,
      description: 'The document checked against the Commission\'s SHACL shapes (EDC-generic-full); computed only when asked for.',
      resolve: async (e, _a, context) => (await context.elmValidator()).validate(e.specification),
    }),
  }),
});

const WorkloadRef = builder.objectRef<StoredMicroCredential>('Workload').implement({
  description: 'Notional workload: the value and unit as stated, and normalised hours and ECTS with the conversion used.',
  fields: (t) => ({
    value: t.float({ resolve: (m) => m.workloadValue! }),
    unit: t.string({ resolve: (m) => m.workloadUnit! }),
    hours: t.float({ resolve: (m) => m.workloadHours! }),
    ects: t.float({ resolve: (m) => m.workloadEcts! }),
    conversion: t.string({ resolve: (m) => m.workloadConversion! }),
  }),
});

export const MicroCredentialRef = builder.objectRef<StoredMicroCredential>('MicroCredential');

export const QualificationRef = builder.objectRef<Qualification>('Qualification').implement({
  description: 'A full or partial qualification micro-credentials can stack into.',
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    country: t.exposeString('country', { nullable: true }),
    eqfLevel: t.exposeInt('eqfLevel', { nullable: true }),
    nationalLevel: t.exposeString('nationalLevel', { nullable: true }),
    nationalFramework: t.exposeString('nationalFramework', { nullable: true }),
    awardingBody: t.exposeString('awardingBody', { nullable: true }),
    sourceName: t.exposeString('sourceName', { nullable: true }),
    sourceReference: t.exposeString('sourceReference', { nullable: true }),
  }),
});

const RecognitionRef = builder.objectRef<Recognition>('Recognition').implement({
  fields: (t) => ({
    recognisedBy: t.exposeString('recognisedBy'),
    purpose: t.exposeString('purpose'),
    date: t.exposeString('date', { nullable: true }),
  }),
});

MicroCredentialRef.implement({
  description: 'A micro-credential offer as a provider publishes it (Annex I elements, plus what users filter on).',
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
    provider: t.field({ type: ProviderRef, nullable: true, resolve: (m, _a, context) => (m.providerId ? context.loaders.catalogue.provider.load(m.providerId) : null) }),
    awardingBodies: t.exposeStringList('awardingBodies'),
    awardingBodyCountries: t.exposeStringList('awardingBodyCountries', {
      nullable: true,
      description: 'Where the awarding bodies are established (ISO 3166 codes), when that is not where the offer is issued, e.g. an international body. Null: the issuer countries.',
    }),
    issuerCountries: t.exposeStringList('issuerCountries', { nullable: true }),
    issuerRegions: t.exposeStringList('issuerRegions', { nullable: true }),
    learningOutcomes: t.field({ type: [LearningOutcomeRef], resolve: (m, _a, context) => context.loaders.catalogue.outcomes.load(m.id) }),
    workload: t.field({ type: WorkloadRef, nullable: true, resolve: (m) => (m.workloadValue == null ? null : m) }),
    eqfLevel: t.exposeInt('eqfLevel', { nullable: true }),
    nationalLevel: t.exposeString('nationalLevel', { nullable: true }),
    nationalFramework: t.exposeString('nationalFramework', { nullable: true }),
    qfEheaCycle: t.exposeString('qfEheaCycle', { nullable: true }),
    assessmentType: t.exposeString('assessmentType', { nullable: true }),
    participationForm: t.exposeString('participationForm', { nullable: true, description: PARTICIPATION_FORMS.join(', ') }),
    qualityAssurance: t.exposeString('qualityAssurance', { nullable: true }),
    prerequisites: t.exposeStringList('prerequisites', { nullable: true, description: 'null = not specified; [] = none.' }),
    supervision: t.exposeString('supervision', { nullable: true, description: SUPERVISION_VALUES.join(', ') }),
    stackability: t.exposeString('stackability', { nullable: true, description: STACKABILITY_VALUES.join(', ') }),
    stacksInto: t.exposeStringList('stacksInto', { nullable: true, description: 'Ids of the micro-credentials and qualifications it stacks into.' }),
    stacksIntoMicroCredentials: t.field({
      type: [MicroCredentialRef],
      resolve: (m, _a, context) => loadExisting(context.loaders.catalogue.microCredential, m.stacksInto ?? []),
    }),
    stacksIntoQualifications: t.field({
      type: [QualificationRef],
      resolve: (m, _a, context) => loadExisting(context.loaders.catalogue.qualification, m.stacksInto ?? []),
    }),
    recognitions: t.field({ type: [RecognitionRef], description: 'Who recognises this micro-credential, and for what.', resolve: (m) => m.recognitions }),
    furtherInformation: t.exposeString('furtherInformation', { nullable: true }),
    languages: t.exposeStringList('languages', { nullable: true }),
    durationText: t.exposeString('durationText', { nullable: true }),
    costAmount: t.exposeFloat('costAmount', { nullable: true }),
    costCurrency: t.exposeString('costCurrency', { nullable: true }),
    voucherEligible: t.exposeBoolean('voucherEligible', { nullable: true, description: 'null = not specified.' }),
    ilaEligible: t.exposeBoolean('ilaEligible', { nullable: true, description: 'Individual learning account; null = not specified.' }),
    sectors: t.exposeStringList('sectors', { nullable: true, description: 'NACE Rev.2 codes.' }),
    targetOccupations: t.field({
      type: [Occupation],
      resolve: (m, _a, context) => loadExisting(context.loaders.taxonomy.occupation, m.targetOccupations ?? []),
    }),
    expectedRevisionDate: t.exposeString('expectedRevisionDate', { nullable: true }),
    validUntil: t.exposeString('validUntil', { nullable: true }),
    status: t.exposeString('status'),
    notApplicable: t.field({ type: [AnnexElementEnum], resolve: (m) => m.notApplicable }),
    sourceName: t.exposeString('sourceName', { nullable: true, description: 'Where this entry comes from.' }),
    sourceReference: t.exposeString('sourceReference', { nullable: true }),
    createdAt: t.exposeString('createdAt'),
    updatedAt: t.exposeString('updatedAt'),
    elm: t.field({
      type: ElmExportRef,
      description: 'European Learning Model (ELM v3) export (importable again with `hub import catalogue`); learning outcomes carry only curator-confirmed ESCO skills.',
      resolve: (m, _a, context) => elmExportOf(context.loaders, m),
    }),
    completeness: t.field({
      type: CompletenessRef,
      resolve: async (m, _a, context) => assessCompleteness(m, m.providerId ? await context.loaders.catalogue.provider.load(m.providerId) : null),
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
          .sort((a, b) => Number(confirmed(b.links)) - Number(confirmed(a.links)) || Math.max(...b.links.map((l) => l.score ?? 0)) - Math.max(...a.links.map((l) => l.score ?? 0)));
      },
    }),
  }),
});

const MicroCredentialConnection = builder.connectionObject(
  {
    type: MicroCredentialRef,
    name: 'MicroCredentialConnection',
    fields: (t) => ({ totalCount: t.int({ resolve: (parent) => (parent as unknown as { totalCount: number }).totalCount }) }),
  },
  { name: 'MicroCredentialEdge' },
);

const CatalogueSortEnum = builder.enumType('MicroCredentialSort', {
  values: ['TITLE', 'WORKLOAD', 'EQF_LEVEL', 'RECENTLY_UPDATED', 'RELEVANCE'] as const satisfies readonly CatalogueSort[],
});

const MicroCredentialFilter = builder.inputType('MicroCredentialFilter', {
  fields: (t) => ({
    text: t.string({ description: 'Full-text search over title, description and learning outcomes.' }),
    status: t.string({ description: 'DRAFT, PUBLISHED or RETIRED (default PUBLISHED).' }),
    providerId: t.id(),
    skillUri: t.string({ description: 'Offers with an outcome linked to this ESCO skill (rejected links excluded).' }),
    occupationUri: t.string({ description: "Offers that develop at least one of this ESCO occupation's essential skills." }),
    sector: t.string({ description: 'NACE Rev.2 code or prefix (C matches C25).' }),
    country: t.string(),
    region: t.string(),
    eqfMin: t.int(),
    eqfMax: t.int(),
    ectsMin: t.float({ description: 'Normalised workload, ECTS.' }),
    ectsMax: t.float(),
    participationForm: t.string({ description: PARTICIPATION_FORMS.join(', ') }),
    language: t.string({ description: 'ISO 639-1 code.' }),
    accreditedOnly: t.boolean(),
    voucherEligible: t.boolean(),
    collection: t.field({ type: SkillCollectionEnum, description: 'Offers developing at least one skill of this ESCO collection (green, digital, …).' }),
  }),
});

/** The MicroCredential fields that read its outcomes and their links. A field missing here still works: its outcomes come through the loader, one more round trip. */
const FIELDS_NEEDING_OUTCOMES = ['learningOutcomes', 'skills', 'elm'];

builder.queryFields((t) => ({
  qualification: t.field({
    type: QualificationRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, context) => context.loaders.catalogue.qualification.load(String(args.id)),
  }),
  microCredential: t.field({
    type: MicroCredentialRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, context) => context.loaders.catalogue.microCredential.load(String(args.id)),
  }),
  microCredentials: t.connection(
    {
      type: MicroCredentialRef,
      description: 'The catalogue, filtered and sorted; published offers unless a status is given.',
      args: {
        filter: t.arg({ type: MicroCredentialFilter }),
        sort: t.arg({ type: CatalogueSortEnum, description: 'Default TITLE, or RELEVANCE when filter.text is given.' }),
      },
      resolve: async (_root, args, context, info) => {
        const filter = { ...args.filter, status: args.filter?.status ?? 'PUBLISHED', providerId: args.filter?.providerId ? String(args.filter.providerId) : null };
        const query = filter.text ? toLuceneQuery(filter.text) : null;
        const sort: CatalogueSort = args.sort ?? (query ? 'RELEVANCE' : 'TITLE');
        // One round trip for the count and the whole page; the loaders are primed so nested fields need none.
        const selected = selectedNodeFields(info);
        const withOutcomes = FIELDS_NEEDING_OUTCOMES.some((field) => selected.has(field));
        const slice = await catalogueSlice(context.graph, filter, sort, query, pageWindow(args, context.maxPageSize), { withOutcomes });
        const { microCredential, provider, outcomes } = context.loaders.catalogue;
        for (const row of slice.rows) {
          microCredential.prime(row.credential.id, row.credential);
          if (row.outcomes) outcomes.prime(row.credential.id, row.outcomes);
          if (row.provider) provider.prime(row.provider.id, row.provider);
        }
        return pageOfWindow(args, slice.total, slice.offset, slice.rows.map((row) => row.credential), context.maxPageSize);
      },
    },
    MicroCredentialConnection,
  ),
}));

// What ELM validation adds to every request's context (src/server/context.ts).
declare module '../../graphql/context.js' {
  interface HubContext {
    /** The SHACL validator for ELM documents, loaded once per process from ELM_DIR. */
    elmValidator(): Promise<ElmValidator>;
  }
}
