import { builder } from '../../graphql/builder.js';
import { Occupation } from '../../taxonomy/schema/concepts.js';
import type { Qualification } from '../model.js';
import type { QualificationDetail } from '../qualification-store.js';
import { LearningOutcomeRef } from './outcomes.js';

/** Qualifications: stack targets and, when they state what they teach, supply of their own kind. */

const DutyRef = builder.objectRef<QualificationDetail['duties'][number]>('QualificationDuty').implement({
  description:
    'A duty of the occupation a standard trains for, with the statements mapped to it: a unit a micro-credential can be carved from.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The source’s id of the duty, scoped to the qualification.' }),
    text: t.exposeString('text', { description: 'The duty as the standard states it.' }),
    core: t.exposeBoolean('core', { nullable: true, description: 'Whether it is a core duty; null: not stated.' }),
    outcomeIds: t.exposeStringList('outcomeIds', {
      description: 'Ids of the learning outcomes (statements) mapped to it, in the standard’s order.',
    }),
  }),
});

const QualificationOccupationRef = builder
  .objectRef<QualificationDetail['occupations'][number]>('QualificationOccupation')
  .implement({
    description:
      'An ESCO occupation a qualification trains for, as the register states it or occupation search found it.',
    fields: (t) => ({
      occupation: t.field({
        type: Occupation,
        nullable: true,
        description: 'The ESCO occupation.',
        resolve: (o, _a, context) => context.loaders.taxonomy.occupation.load(o.uri),
      }),
      score: t.exposeFloat('score', {
        nullable: true,
        description:
          'The match score (standard-occupations.ts: summed, normalised search scores of the texts that found it); null when the register states it.',
      }),
      foundBy: t.exposeStringList('foundBy', {
        description: 'The register’s texts that found it (title, overview, job role: …); empty when stated.',
      }),
    }),
  });

export const QualificationRef = builder.objectRef<Qualification>('Qualification').implement({
  description:
    'A full or partial qualification: a target micro-credentials can stack into and, when it states what it teaches, supply of its own kind (a qualification route).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id chosen by the publisher.' }),
    title: t.exposeString('title', { description: 'Title of the qualification.' }),
    country: t.exposeString('country', {
      nullable: true,
      description: 'Country awarding it (ISO 3166 two-letter code); null: not specified.',
    }),
    eqfLevel: t.exposeInt('eqfLevel', { nullable: true, description: 'EQF level, 1–8; null: not specified.' }),
    nationalLevel: t.exposeString('nationalLevel', {
      nullable: true,
      description: 'Level as its national framework writes it (e.g. "6", "5.1"); null: not specified.',
    }),
    nationalFramework: t.exposeString('nationalFramework', {
      nullable: true,
      description: 'The national qualifications framework of nationalLevel; null: not specified.',
    }),
    awardingBody: t.exposeString('awardingBody', {
      nullable: true,
      description: 'The body awarding it; null: not specified.',
    }),
    sourceName: t.exposeString('sourceName', {
      nullable: true,
      description: 'Where this entry comes from; null: not given.',
    }),
    sourceReference: t.exposeString('sourceReference', {
      nullable: true,
      description: 'Where in that source (document and page or line, URL); null: not given.',
    }),
    qualificationType: t.exposeString('qualificationType', {
      nullable: true,
      description: 'What kind of qualification, e.g. "apprenticeship standard"; null: not specified.',
    }),
    description: t.exposeString('description', {
      nullable: true,
      description:
        'What the qualification prepares for (an apprenticeship standard’s overview of the role); null: none.',
    }),
    issuerRegions: t.exposeStringList('issuerRegions', {
      nullable: true,
      description: 'NUTS codes of the regions where it is awarded; null: the whole country.',
    }),
    durationMonths: t.exposeFloat('durationMonths', {
      nullable: true,
      description: 'Typical duration in months; null: not specified.',
    }),
    route: t.exposeString('route', {
      nullable: true,
      description: 'The sector route or field the register files it under; null: not specified.',
    }),
    jobRoles: t.exposeStringList('jobRoles', {
      nullable: true,
      description: 'Job roles and titles the register lists for it; null: none.',
    }),
    eqfConversion: t.exposeString('eqfConversion', {
      nullable: true,
      description: 'How eqfLevel was derived from the national level, when it was; null: stated or not given.',
    }),
    workloadHours: t.exposeFloat('workloadHours', {
      nullable: true,
      description: 'Its size in hours of learning; null: not stated.',
    }),
    workloadBasis: t.exposeString('workloadBasis', {
      nullable: true,
      description: 'What workloadHours counts, e.g. "total qualification time (TQT)"; null: not stated.',
    }),
    status: t.exposeString('status', {
      description:
        'PUBLISHED, or RETIRED (e.g. closed to new starts): a retired qualification is not counted as supply.',
    }),
    learningOutcomes: t.field({
      type: [LearningOutcomeRef],
      description:
        'What it teaches, with skill links: its statements (skills, knowledge, behaviours), or its title and description standing in (stated false).',
      resolve: (q, _a, context) => context.loaders.catalogue.outcomes.load(q.id),
    }),
    duties: t.field({
      type: [DutyRef],
      description: 'Duties of the occupation, each with the statements mapped to it, in the standard’s order.',
      resolve: async (q, _a, context) => (await context.loaders.catalogue.qualificationDetail.load(q.id)).duties,
    }),
    occupations: t.field({
      type: [QualificationOccupationRef],
      description: 'The ESCO occupations it trains for, best match first.',
      resolve: async (q, _a, context) => (await context.loaders.catalogue.qualificationDetail.load(q.id)).occupations,
    }),
  }),
});
