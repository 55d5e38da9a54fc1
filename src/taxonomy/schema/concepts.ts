import { builder } from '../../graphql/builder.js';
import { pageOf } from '../../graphql/connections.js';
import type { AnyConceptRow, IscoGroupRow, OccupationRow, RelatedSkillRow, SkillGroupRow, SkillRow } from '../store.js';
import { regulationOf } from '../regulation.js';

/** ESCO concepts: skills, skill groups, occupations and ISCO groups, and the relations between them. */

export const ConceptKindEnum = builder.enumType('ConceptKind', {
  description: 'The kind of an ESCO concept (its label in the graph).',
  values: {
    Skill: { description: 'A skill/competence or knowledge concept.' },
    SkillGroup: { description: 'A group of the ESCO skills hierarchy.' },
    Occupation: { description: 'An ESCO occupation.' },
    IscoGroup: { description: 'An ISCO-08 group (major group to unit group) of the occupations pillar.' },
  } as const,
});

export const Concept = builder.interfaceRef<AnyConceptRow>('Concept');

Concept.implement({
  description:
    'Any ESCO concept. Deprecated concepts are kept (links from elsewhere depend on them) and say when they left the taxonomy.',
  resolveType: (concept) => concept.kind,
  fields: (t) => ({
    uri: t.exposeString('uri', { description: 'The ESCO concept URI, its identifier.' }),
    kind: t.field({
      type: ConceptKindEnum,
      description: 'Which kind of concept this is.',
      resolve: (concept) => concept.kind,
    }),
    preferredLabel: t.exposeString('preferredLabel', {
      description: 'The preferred label, in the language of the imported release.',
    }),
    altLabels: t.stringList({
      description: 'Alternative labels (synonyms, variants); empty when there are none.',
      resolve: (concept) => concept.altLabels ?? [],
    }),
    description: t.string({
      nullable: true,
      description: 'The ESCO description; null when the release gives none.',
      resolve: (concept) => concept.description ?? null,
    }),
    status: t.string({
      nullable: true,
      description: 'Publication status as the ESCO release gives it (e.g. released); null when not given.',
      resolve: (concept) => concept.status ?? null,
    }),
    deprecated: t.exposeBoolean('deprecated', {
      description: 'True when the latest imported release no longer contains this concept.',
    }),
    lastSeenVersion: t.exposeString('lastSeenVersion', {
      description: 'The newest taxonomy release that contained this concept.',
    }),
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
    pathFromTop: t.field({
      type: [Concept],
      description:
        'The way down from the top of its hierarchy to its direct parent, along each level’s first broader concept (by label); empty at the top.',
      resolve: async (concept, _args, context) => {
        const path: AnyConceptRow[] = [];
        const seen = new Set([concept.uri]);
        let parent = (await context.loaders.taxonomy.broader.load(concept.uri))[0];
        while (parent && !seen.has(parent.uri) && path.length < MAX_HIERARCHY_DEPTH) {
          path.unshift(parent);
          seen.add(parent.uri);
          parent = (await context.loaders.taxonomy.broader.load(parent.uri))[0];
        }
        return path;
      },
    }),
  }),
});

/** Deeper than any ESCO hierarchy (ISCO's four levels, then occupations or skills nested a few deep): a guard. */
const MAX_HIERARCHY_DEPTH = 20;

const ConceptConnection = builder.connectionObject(
  { type: Concept, name: 'ConceptConnection', description: 'A page of ESCO concepts.' },
  { name: 'ConceptEdge', description: 'An ESCO concept on a page, with its cursor.' },
);

export const Skill = builder.objectRef<SkillRow>('Skill');
export const Occupation = builder.objectRef<OccupationRow>('Occupation');
export const IscoGroup = builder.objectRef<IscoGroupRow>('IscoGroup');
export const SkillGroup = builder.objectRef<SkillGroupRow>('SkillGroup');

const TOTAL_COUNT_DESCRIPTION = 'How many items the whole list holds, across every page.';
const totalCountField = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- shared by two connections whose field builders Pothos types apart
  fields: (t: any) => ({
    totalCount: t.int({
      description: TOTAL_COUNT_DESCRIPTION,
      resolve: (parent: { totalCount: number }) => parent.totalCount,
    }),
  }),
};

export const SkillConnection = builder.connectionObject(
  { type: Skill, name: 'SkillConnection', description: 'A page of ESCO skills.', ...totalCountField },
  { name: 'SkillEdge', description: 'An ESCO skill on a page, with its cursor.' },
);
export const OccupationConnection = builder.connectionObject(
  { type: Occupation, name: 'OccupationConnection', description: 'A page of ESCO occupations.', ...totalCountField },
  { name: 'OccupationEdge', description: 'An ESCO occupation on a page, with its cursor.' },
);
builder.objectFields(ConceptConnection, (t) => ({
  totalCount: t.int({
    description: TOTAL_COUNT_DESCRIPTION,
    resolve: (parent) => (parent as unknown as { totalCount: number }).totalCount,
  }),
}));

const narrowerField = builder.interfaceField(Concept, 'narrower', (t) =>
  t.connection(
    {
      type: Concept,
      description: 'Direct children in the hierarchy, by preferred label.',
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
    GREEN: { value: 'green', description: 'Green skills (ESCO green skills collection).' },
    DIGITAL: { value: 'digital', description: 'Digital skills (ESCO digital skills collection).' },
    DIGCOMP: {
      value: 'digcomp',
      description: 'Skills of the DigComp digital competence framework, as ESCO maps them.',
    },
    TRANSVERSAL: { value: 'transversal', description: 'Transversal skills and competences.' },
    LANGUAGE: { value: 'language', description: 'Language skills and knowledge.' },
    RESEARCH: { value: 'research', description: 'Research skills.' },
  } as const,
});

const HIDDEN_LABELS =
  'Hidden labels: terms ESCO keeps for search (misspellings, outdated or colloquial terms) but does not display; empty when none.';
const DEFINITION = 'The ESCO definition; null when the release gives none.';
const MODIFIED_DATE = 'When ESCO last modified the concept, as the release gives it; null when not given.';

const RelatedSkill = builder.objectRef<RelatedSkillRow>('RelatedSkill').implement({
  description: 'A skill→skill relation from ESCO (essential or optional), in either direction.',
  fields: (t) => ({
    relationType: t.exposeString('relationType', {
      description: 'The relation as the ESCO release writes it (essential or optional).',
    }),
    skill: t.field({
      type: Skill,
      description: 'The skill at the other end of the relation.',
      resolve: (related) => related.skill,
    }),
  }),
});

Skill.implement({
  description:
    'An ESCO skill/competence or knowledge concept, with the occupations that need it, related skills and collections.',
  interfaces: [Concept],
  isTypeOf: (concept) => (concept as AnyConceptRow).kind === 'Skill',
  fields: (t) => ({
    hiddenLabels: t.stringList({ description: HIDDEN_LABELS, resolve: (skill) => skill.hiddenLabels ?? [] }),
    skillType: t.string({
      nullable: true,
      description: "'skill/competence' or 'knowledge'.",
      resolve: (skill) => skill.skillType ?? null,
    }),
    reuseLevel: t.string({
      nullable: true,
      description: 'transversal, cross-sector, sector-specific or occupation-specific.',
      resolve: (skill) => skill.reuseLevel ?? null,
    }),
    definition: t.string({ nullable: true, description: DEFINITION, resolve: (skill) => skill.definition ?? null }),
    scopeNote: t.string({
      nullable: true,
      description: 'The ESCO scope note: what the skill does and does not cover; null when none.',
      resolve: (skill) => skill.scopeNote ?? null,
    }),
    modifiedDate: t.string({
      nullable: true,
      description: MODIFIED_DATE,
      resolve: (skill) => skill.modifiedDate ?? null,
    }),
    collections: t.field({
      type: [SkillCollectionEnum],
      description: 'The ESCO collections the skill belongs to; empty when none.',
      resolve: (skill) => skill.collections as never,
    }),
    isGreen: t.boolean({
      description: 'In the ESCO green skills collection.',
      resolve: (skill) => skill.collections.includes('green'),
    }),
    isDigital: t.boolean({
      description: 'In the ESCO digital skills collection.',
      resolve: (skill) => skill.collections.includes('digital'),
    }),
    relatedSkills: t.field({
      type: [RelatedSkill],
      description: 'ESCO skill→skill relations in either direction, by relation type, then label.',
      resolve: (skill, _args, context) => context.loaders.taxonomy.relatedSkills.load(skill.uri),
    }),
    essentialForOccupations: t.connection(
      {
        type: Occupation,
        description: 'Occupations for which this skill is essential, by label.',
        resolve: async (skill, args, context) =>
          pageOf(args, await context.loaders.taxonomy.essentialForOccupations.load(skill.uri), context.maxPageSize),
      },
      OccupationConnection,
    ),
    optionalForOccupations: t.connection(
      {
        type: Occupation,
        description: 'Occupations for which this skill is optional, by label.',
        resolve: async (skill, args, context) =>
          pageOf(args, await context.loaders.taxonomy.optionalForOccupations.load(skill.uri), context.maxPageSize),
      },
      OccupationConnection,
    ),
  }),
});

Occupation.implement({
  description: 'An ESCO occupation, under an ISCO-08 unit group, with the skills it needs.',
  interfaces: [Concept],
  isTypeOf: (concept) => (concept as AnyConceptRow).kind === 'Occupation',
  fields: (t) => ({
    code: t.string({
      nullable: true,
      description: 'ESCO code, under the ISCO-08 unit group (e.g. 2512.4).',
      resolve: (o) => o.code ?? null,
    }),
    iscoGroupCode: t.string({
      nullable: true,
      description: 'ISCO-08 unit group code.',
      resolve: (o) => o.iscoGroup ?? null,
    }),
    iscoGroup: t.field({
      type: IscoGroup,
      nullable: true,
      description:
        'The ISCO-08 unit group it sits under; null when the release gives none or the group is not in the graph.',
      resolve: (o, _args, context) => (o.iscoGroup ? context.loaders.taxonomy.iscoGroupByCode.load(o.iscoGroup) : null),
    }),
    hiddenLabels: t.stringList({ description: HIDDEN_LABELS, resolve: (o) => o.hiddenLabels ?? [] }),
    definition: t.string({ nullable: true, description: DEFINITION, resolve: (o) => o.definition ?? null }),
    regulatedProfessionNote: t.string({
      nullable: true,
      description:
        'The ESCO note on whether the occupation is a regulated profession, as ESCO writes it (a concept URI); null when none.',
      resolve: (o) => o.regulatedProfessionNote ?? null,
    }),
    regulated: t.boolean({
      nullable: true,
      description: 'Whether ESCO marks it a regulated profession (EU-wide, Directive 2005/36/EC); null: no note.',
      resolve: (o) => regulationOf(o.regulatedProfessionNote).regulated,
    }),
    regulationNote: t.string({
      nullable: true,
      description:
        'The regulated-profession note in words, with what it means for someone aiming at it; null: no note.',
      resolve: (o) => regulationOf(o.regulatedProfessionNote).text,
    }),
    modifiedDate: t.string({ nullable: true, description: MODIFIED_DATE, resolve: (o) => o.modifiedDate ?? null }),
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
  description:
    'A group of ISCO-08, the International Standard Classification of Occupations, which ESCO occupations sit under.',
  interfaces: [Concept],
  isTypeOf: (concept) => (concept as AnyConceptRow).kind === 'IscoGroup',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'ISCO-08 code: 1 digit = major group … 4 digits = unit group.' }),
  }),
});

SkillGroup.implement({
  description: 'A group of the ESCO skills hierarchy; its narrower concepts are groups or skills.',
  interfaces: [Concept],
  isTypeOf: (concept) => (concept as AnyConceptRow).kind === 'SkillGroup',
  fields: (t) => ({
    code: t.string({
      nullable: true,
      description: 'The ESCO code of the group (e.g. S1.2); null when the release gives none.',
      resolve: (group) => group.code ?? null,
    }),
    hierarchyLevel: t.int({
      nullable: true,
      description: 'Depth in the ESCO skills hierarchy (0 = top).',
      resolve: (group) => group.hierarchyLevel ?? null,
    }),
  }),
});
