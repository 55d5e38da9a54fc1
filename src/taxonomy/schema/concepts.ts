import { builder } from '../../graphql/builder.js';
import { pageOf } from '../../graphql/connections.js';
import type { AnyConceptRow, IscoGroupRow, OccupationRow, RelatedSkillRow, SkillGroupRow, SkillRow } from '../store.js';

/** ESCO concepts: skills, skill groups, occupations and ISCO groups, and the relations between them. */

export const ConceptKindEnum = builder.enumType('ConceptKind', {
  values: ['Skill', 'SkillGroup', 'Occupation', 'IscoGroup'] as const,
});

export const Concept = builder.interfaceRef<AnyConceptRow>('Concept');

Concept.implement({
  description: 'Any ESCO concept. Deprecated concepts are kept (links from elsewhere depend on them) and say when they left the taxonomy.',
  resolveType: (concept) => concept.kind,
  fields: (t) => ({
    uri: t.exposeString('uri'),
    kind: t.field({ type: ConceptKindEnum, resolve: (concept) => concept.kind }),
    preferredLabel: t.exposeString('preferredLabel'),
    altLabels: t.stringList({ resolve: (concept) => concept.altLabels ?? [] }),
    description: t.string({ nullable: true, resolve: (concept) => concept.description ?? null }),
    status: t.string({ nullable: true, resolve: (concept) => concept.status ?? null }),
    deprecated: t.exposeBoolean('deprecated', {
      description: 'True when the latest imported release no longer contains this concept.',
    }),
    lastSeenVersion: t.exposeString('lastSeenVersion', { description: 'The newest taxonomy release that contained this concept.' }),
    deprecatedIn: t.string({
      nullable: true,
      description: 'The release whose import found this concept missing.',
      resolve: (concept) => concept.deprecatedIn ?? null,
    }),
    broader: t.field({
      type: [Concept],
      description: 'Direct parents in the hierarchy (skill pillar, or occupations and ISCO groups).',
      resolve: (concept, _args, context) => context.loaders.taxonomy.broader.load(concept.uri),
    }),
  }),
});

const ConceptConnection = builder.connectionObject(
  { type: Concept, name: 'ConceptConnection' },
  { name: 'ConceptEdge' },
);

export const Skill = builder.objectRef<SkillRow>('Skill');
export const Occupation = builder.objectRef<OccupationRow>('Occupation');
export const IscoGroup = builder.objectRef<IscoGroupRow>('IscoGroup');
export const SkillGroup = builder.objectRef<SkillGroupRow>('SkillGroup');

const totalCountField = { fields: (t: any) => ({ totalCount: t.int({ resolve: (parent: { totalCount: number }) => parent.totalCount }) }) };

export const SkillConnection = builder.connectionObject({ type: Skill, name: 'SkillConnection', ...totalCountField }, { name: 'SkillEdge' });
export const OccupationConnection = builder.connectionObject(
  { type: Occupation, name: 'OccupationConnection', ...totalCountField },
  { name: 'OccupationEdge' },
);
builder.objectFields(ConceptConnection, (t) => ({ totalCount: t.int({ resolve: (parent) => (parent as unknown as { totalCount: number }).totalCount }) }));

const narrowerField = builder.interfaceField(Concept, 'narrower', (t) =>
  t.connection(
    {
      type: Concept,
      description: 'Direct children in the hierarchy.',
      resolve: async (concept, args, context) =>
        pageOf(args, await context.loaders.taxonomy.narrower.load(concept.uri), context.maxPageSize),
    },
    ConceptConnection,
  ),
);
void narrowerField;

export const SkillCollectionEnum = builder.enumType('SkillCollection', {
  description: 'ESCO collections a skill can belong to.',
  values: {
    GREEN: { value: 'green' },
    DIGITAL: { value: 'digital' },
    DIGCOMP: { value: 'digcomp' },
    TRANSVERSAL: { value: 'transversal' },
    LANGUAGE: { value: 'language' },
    RESEARCH: { value: 'research' },
  } as const,
});

const RelatedSkill = builder.objectRef<RelatedSkillRow>('RelatedSkill').implement({
  description: 'A skill→skill relation from ESCO (essential or optional), in either direction.',
  fields: (t) => ({
    relationType: t.exposeString('relationType'),
    skill: t.field({ type: Skill, resolve: (related) => related.skill }),
  }),
});

Skill.implement({
  interfaces: [Concept],
  isTypeOf: (concept) => (concept as AnyConceptRow).kind === 'Skill',
  fields: (t) => ({
    hiddenLabels: t.stringList({ resolve: (skill) => skill.hiddenLabels ?? [] }),
    skillType: t.string({ nullable: true, description: "'skill/competence' or 'knowledge'.", resolve: (skill) => skill.skillType ?? null }),
    reuseLevel: t.string({
      nullable: true,
      description: 'transversal, cross-sector, sector-specific or occupation-specific.',
      resolve: (skill) => skill.reuseLevel ?? null,
    }),
    definition: t.string({ nullable: true, resolve: (skill) => skill.definition ?? null }),
    scopeNote: t.string({ nullable: true, resolve: (skill) => skill.scopeNote ?? null }),
    modifiedDate: t.string({ nullable: true, resolve: (skill) => skill.modifiedDate ?? null }),
    collections: t.field({ type: [SkillCollectionEnum], resolve: (skill) => skill.collections as never }),
    isGreen: t.boolean({ resolve: (skill) => skill.collections.includes('green') }),
    isDigital: t.boolean({ resolve: (skill) => skill.collections.includes('digital') }),
    relatedSkills: t.field({
      type: [RelatedSkill],
      resolve: (skill, _args, context) => context.loaders.taxonomy.relatedSkills.load(skill.uri),
    }),
    essentialForOccupations: t.connection(
      {
        type: Occupation,
        description: 'Occupations for which this skill is essential.',
        resolve: async (skill, args, context) =>
          pageOf(args, await context.loaders.taxonomy.essentialForOccupations.load(skill.uri), context.maxPageSize),
      },
      OccupationConnection,
    ),
    optionalForOccupations: t.connection(
      {
        type: Occupation,
        description: 'Occupations for which this skill is optional.',
        resolve: async (skill, args, context) =>
          pageOf(args, await context.loaders.taxonomy.optionalForOccupations.load(skill.uri), context.maxPageSize),
      },
      OccupationConnection,
    ),
  }),
});

Occupation.implement({
  interfaces: [Concept],
  isTypeOf: (concept) => (concept as AnyConceptRow).kind === 'Occupation',
  fields: (t) => ({
    code: t.string({ nullable: true, description: 'ESCO code, under the ISCO-08 unit group (e.g. 2512.4).', resolve: (o) => o.code ?? null }),
    iscoGroupCode: t.string({ nullable: true, description: 'ISCO-08 unit group code.', resolve: (o) => o.iscoGroup ?? null }),
    iscoGroup: t.field({
      type: IscoGroup,
      nullable: true,
      resolve: (o, _args, context) => (o.iscoGroup ? context.loaders.taxonomy.iscoGroupByCode.load(o.iscoGroup) : null),
    }),
    hiddenLabels: t.stringList({ resolve: (o) => o.hiddenLabels ?? [] }),
    definition: t.string({ nullable: true, resolve: (o) => o.definition ?? null }),
    regulatedProfessionNote: t.string({ nullable: true, resolve: (o) => o.regulatedProfessionNote ?? null }),
    modifiedDate: t.string({ nullable: true, resolve: (o) => o.modifiedDate ?? null }),
    essentialSkills: t.connection(
      {
        type: Skill,
        description: 'Skills ESCO marks essential for this occupation, by label.',
        resolve: async (o, args, context) =>
          pageOf(args, await context.loaders.taxonomy.essentialSkills.load(o.uri), context.maxPageSize),
      },
      SkillConnection,
    ),
    optionalSkills: t.connection(
      {
        type: Skill,
        description: 'Skills ESCO marks optional for this occupation, by label.',
        resolve: async (o, args, context) =>
          pageOf(args, await context.loaders.taxonomy.optionalSkills.load(o.uri), context.maxPageSize),
      },
      SkillConnection,
    ),
  }),
});

IscoGroup.implement({
  interfaces: [Concept],
  isTypeOf: (concept) => (concept as AnyConceptRow).kind === 'IscoGroup',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'ISCO-08 code: 1 digit = major group … 4 digits = unit group.' }),
  }),
});

SkillGroup.implement({
  interfaces: [Concept],
  isTypeOf: (concept) => (concept as AnyConceptRow).kind === 'SkillGroup',
  fields: (t) => ({
    code: t.string({ nullable: true, resolve: (group) => group.code ?? null }),
    hierarchyLevel: t.int({
      nullable: true,
      description: 'Depth in the ESCO skills hierarchy (0 = top).',
      resolve: (group) => group.hierarchyLevel ?? null,
    }),
  }),
});
