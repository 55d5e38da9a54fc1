import { UserInputError } from '../../errors.js';
import { builder } from '../../graphql/builder.js';
import type { HubContext } from '../../graphql/context.js';
import { pageOf } from '../../graphql/connections.js';
import { type LabelType, bestMatchingLabel, toLuceneQuery } from '../search.js';
import {
  type OccupationRow,
  type SkillRow,
  type TaxonomySummaryRow,
  searchConcepts,
  skillsInCollection,
  taxonomySummary,
  topConcepts,
} from '../store.js';
import { Concept, IscoGroup, Occupation, Skill, SkillCollectionEnum, SkillConnection, SkillGroup } from './concepts.js';

/** Root taxonomy fields: the loaded release and its counts, look-ups by URI or code, and label search. */

const CollectionCount = builder.objectRef<{ collection: string; skills: number }>('CollectionCount').implement({
  description: 'How many current (not deprecated) skills an ESCO collection holds.',
  fields: (t) => ({
    collection: t.field({
      type: SkillCollectionEnum,
      description: 'The collection.',
      resolve: (row) => row.collection as never,
    }),
    skills: t.exposeInt('skills', { description: 'Current skills in it.' }),
  }),
});

const Taxonomy = builder.objectRef<TaxonomySummaryRow>('Taxonomy').implement({
  description: 'The ESCO release loaded in the graph and its size. Counts exclude deprecated concepts.',
  fields: (t) => ({
    version: t.string({
      nullable: true,
      description: 'Taxonomy release, recorded at import (null before any import).',
      resolve: (row) => row.version,
    }),
    versionSource: t.string({
      nullable: true,
      description: 'Where the version came from (option, folder name or file dates).',
      resolve: (row) => row.versionSource,
    }),
    language: t.string({
      nullable: true,
      description:
        'Language code of the imported labels (e.g. en, from the export’s file names); null before any import.',
      resolve: (row) => row.language,
    }),
    source: t.string({
      nullable: true,
      description: 'The export folder it was imported from.',
      resolve: (row) => row.source,
    }),
    importedAt: t.string({
      nullable: true,
      description: 'When the release was imported (ISO 8601 date-time); null before any import.',
      resolve: (row) => row.importedAt,
    }),
    skillCount: t.exposeInt('skillCount', { description: 'Current skills.' }),
    occupationCount: t.exposeInt('occupationCount', { description: 'Current occupations.' }),
    skillGroupCount: t.exposeInt('skillGroupCount', { description: 'Current skill groups.' }),
    iscoGroupCount: t.exposeInt('iscoGroupCount', { description: 'Current ISCO-08 groups.' }),
    deprecatedSkillCount: t.exposeInt('deprecatedSkillCount', {
      description: 'Skills kept from earlier releases that the loaded release no longer contains.',
    }),
    deprecatedOccupationCount: t.exposeInt('deprecatedOccupationCount', {
      description: 'Occupations kept from earlier releases that the loaded release no longer contains.',
    }),
    essentialRelationCount: t.exposeInt('essentialRelationCount', {
      description: 'Essential occupation→skill relations.',
    }),
    optionalRelationCount: t.exposeInt('optionalRelationCount', {
      description: 'Optional occupation→skill relations.',
    }),
    collections: t.field({
      type: [CollectionCount],
      description: 'Current skills per ESCO collection, by collection.',
      resolve: (row) => row.collectionCounts,
    }),
    topConcepts: t.field({
      type: [Concept],
      description:
        'Where to start browsing the hierarchies: the ISCO-08 major groups, then the skill groups with nothing broader (the skills pillar), by code.',
      resolve: (_row, _args, context) => context.taxonomy?.topConcepts() ?? topConcepts(context.graph),
    }),
  }),
});

export const LabelTypeEnum = builder.enumType('LabelType', {
  description: 'Which kind of ESCO label a search text matched.',
  values: {
    PREFERRED: { description: 'The preferred label.' },
    ALTERNATIVE: { description: 'An alternative label (a synonym or variant).' },
    HIDDEN: {
      description:
        'A hidden label: a search term ESCO does not display (a misspelling, an outdated or colloquial term).',
    },
  } as const,
});

interface Hit<T> {
  concept: T;
  score: number;
  matchedLabel: string;
  matchedLabelType: LabelType;
}

const SEARCH_METHOD =
  'Lucene BM25 full-text score over preferred, alternative and hidden labels (Neo4j full-text index); an exact phrase counts three times its words.';

function hitType<T extends SkillRow | OccupationRow>(
  name: string,
  conceptField: string,
  conceptType: typeof Skill | typeof Occupation,
  descriptions: { type: string; concept: string },
) {
  return builder.objectRef<Hit<T>>(name).implement({
    description: descriptions.type,
    fields: (t) => ({
      [conceptField]: t.field({
        type: conceptType as never,
        description: descriptions.concept,
        resolve: (hit) => hit.concept as never,
      }),
      score: t.exposeFloat('score', { description: 'Relevance; comparable within one search only.' }),
      matchedLabel: t.exposeString('matchedLabel', {
        description: 'The label of the concept that best matches the text.',
      }),
      matchedLabelType: t.field({
        type: LabelTypeEnum,
        description: 'Which kind of label matchedLabel is.',
        resolve: (hit) => hit.matchedLabelType,
      }),
      method: t.string({ description: 'How the score was computed.', resolve: () => SEARCH_METHOD }),
    }),
  });
}

const SkillSearchHit = hitType<SkillRow>('SkillSearchHit', 'skill', Skill, {
  type: 'A skill whose labels match the search text, with its score and the label that matched best.',
  concept: 'The skill.',
});

const MAX_SEARCH_RESULTS = 100;

async function search<T extends SkillRow | OccupationRow>(
  index: 'skill_labels' | 'occupation_labels',
  args: { text: string; first?: number | null; includeDeprecated?: boolean | null },
  context: HubContext,
): Promise<Array<Hit<T>>> {
  const first = args.first ?? 10;
  if (first < 1 || first > MAX_SEARCH_RESULTS)
    throw new UserInputError('first', `must be between 1 and ${MAX_SEARCH_RESULTS} (got ${first})`);
  const query = toLuceneQuery(args.text);
  if (!query) throw new UserInputError('text', 'must contain at least one word to search for');
  const rows = await searchConcepts(context.graph, index, query, first, args.includeDeprecated ?? false);
  const loader = index === 'skill_labels' ? context.loaders.taxonomy.skill : context.loaders.taxonomy.occupation;
  const concepts = (await loader.loadMany(rows.map((row) => row.uri))) as Array<T | null | Error>;
  return rows.flatMap(({ score }, position) => {
    const concept = concepts[position];
    if (concept instanceof Error) throw concept;
    // A hit the snapshot does not know yet (an import committed moments ago) is left out, not failed.
    if (!concept) return [];
    const matched = bestMatchingLabel(args.text, concept);
    return [{ concept, score, matchedLabel: matched.label, matchedLabelType: matched.labelType }];
  });
}

builder.queryFields((t) => ({
  taxonomy: t.field({
    type: Taxonomy,
    description: 'The ESCO release loaded in the graph, and its counts.',
    resolve: (_root, _args, context) => context.taxonomy?.summary ?? taxonomySummary(context.graph),
  }),
  skill: t.field({
    type: Skill,
    nullable: true,
    description: 'An ESCO skill by URI, deprecated ones too; null when the graph has none with that URI.',
    args: { uri: t.arg.string({ required: true, description: 'The ESCO skill URI.' }) },
    resolve: (_root, args, context) => context.loaders.taxonomy.skill.load(args.uri),
  }),
  occupation: t.field({
    type: Occupation,
    nullable: true,
    description: 'An ESCO occupation by URI, deprecated ones too; null when the graph has none with that URI.',
    args: { uri: t.arg.string({ required: true, description: 'The ESCO occupation URI.' }) },
    resolve: (_root, args, context) => context.loaders.taxonomy.occupation.load(args.uri),
  }),
  iscoGroup: t.field({
    type: IscoGroup,
    nullable: true,
    description: 'An ISCO-08 group by code; null when the graph has none with that code.',
    args: { code: t.arg.string({ required: true, description: 'ISCO-08 code, 1 to 4 digits.' }) },
    resolve: (_root, args, context) => context.loaders.taxonomy.iscoGroupByCode.load(args.code),
  }),
  concept: t.field({
    type: Concept,
    nullable: true,
    description:
      'Any ESCO concept by URI (a skill, occupation, ISCO-08 group or skill group); null when the graph has none with that URI.',
    args: { uri: t.arg.string({ required: true, description: 'The concept URI.' }) },
    resolve: (_root, args, context) => context.loaders.taxonomy.concept.load(args.uri),
  }),
  skillGroup: t.field({
    type: SkillGroup,
    nullable: true,
    description: 'An ESCO skill group by URI; null when the graph has none with that URI.',
    args: { uri: t.arg.string({ required: true, description: 'The ESCO skill group URI.' }) },
    resolve: (_root, args, context) => context.loaders.taxonomy.skillGroup.load(args.uri),
  }),
  searchSkills: t.field({
    type: [SkillSearchHit],
    description: `Skills whose labels match the text, best first (at most ${MAX_SEARCH_RESULTS}).`,
    args: {
      text: t.arg.string({
        required: true,
        description:
          'Words to look for in the labels (Lucene operators and special characters are ignored); needs at least one word.',
      }),
      first: t.arg.int({ defaultValue: 10, description: `How many hits (1–${MAX_SEARCH_RESULTS}, default 10).` }),
      includeDeprecated: t.arg.boolean({
        defaultValue: false,
        description: 'Also return skills the loaded release no longer contains (default false).',
      }),
    },
    resolve: (_root, args, context) => search<SkillRow>('skill_labels', args, context),
  }),
  skillsInCollection: t.connection(
    {
      type: Skill,
      description: 'Current (not deprecated) skills of an ESCO collection (green, digital, …), by label.',
      args: { collection: t.arg({ type: SkillCollectionEnum, required: true, description: 'The collection.' }) },
      resolve: async (_root, args, context) =>
        pageOf(
          args,
          context.taxonomy?.skillsInCollection(args.collection) ??
            (await skillsInCollection(context.graph, args.collection)),
          context.maxPageSize,
        ),
    },
    SkillConnection,
  ),
}));
