import { UserInputError } from '../../errors.js';
import { builder } from '../../graphql/builder.js';
import type { HubContext } from '../../graphql/context.js';
import { pageOf } from '../../graphql/connections.js';
import { type LabelType, bestMatchingLabel, toLuceneQuery } from '../search.js';
import { type OccupationRow, type SkillRow, type TaxonomySummaryRow, searchConcepts, skillsInCollection, taxonomySummary } from '../store.js';
import { IscoGroup, Occupation, Skill, SkillCollectionEnum, SkillConnection, SkillGroup } from './concepts.js';

/** Root taxonomy fields: the loaded release and its counts, look-ups by URI or code, and label search. */

const CollectionCount = builder.objectRef<{ collection: string; skills: number }>('CollectionCount').implement({
  fields: (t) => ({
    collection: t.field({ type: SkillCollectionEnum, resolve: (row) => row.collection as never }),
    skills: t.exposeInt('skills'),
  }),
});

const Taxonomy = builder.objectRef<TaxonomySummaryRow>('Taxonomy').implement({
  description: 'The ESCO release loaded in the graph and its size. Counts exclude deprecated concepts.',
  fields: (t) => ({
    version: t.string({ nullable: true, description: 'Taxonomy release, recorded at import (null before any import).', resolve: (row) => row.version }),
    versionSource: t.string({ nullable: true, description: 'Where the version came from (option, folder name or file dates).', resolve: (row) => row.versionSource }),
    language: t.string({ nullable: true, resolve: (row) => row.language }),
    source: t.string({ nullable: true, description: 'The export folder it was imported from.', resolve: (row) => row.source }),
    importedAt: t.string({ nullable: true, resolve: (row) => row.importedAt }),
    skillCount: t.exposeInt('skillCount'),
    occupationCount: t.exposeInt('occupationCount'),
    skillGroupCount: t.exposeInt('skillGroupCount'),
    iscoGroupCount: t.exposeInt('iscoGroupCount'),
    deprecatedSkillCount: t.exposeInt('deprecatedSkillCount'),
    deprecatedOccupationCount: t.exposeInt('deprecatedOccupationCount'),
    essentialRelationCount: t.exposeInt('essentialRelationCount'),
    optionalRelationCount: t.exposeInt('optionalRelationCount'),
    collections: t.field({ type: [CollectionCount], resolve: (row) => row.collectionCounts }),
  }),
});

export const LabelTypeEnum = builder.enumType('LabelType', { values: ['PREFERRED', 'ALTERNATIVE', 'HIDDEN'] as const });

interface Hit<T> {
  concept: T;
  score: number;
  matchedLabel: string;
  matchedLabelType: LabelType;
}

const SEARCH_METHOD =
  'Lucene BM25 full-text score over preferred, alternative and hidden labels (Neo4j full-text index); an exact phrase counts three times its words.';

function hitType<T extends SkillRow | OccupationRow>(name: string, conceptField: string, conceptType: typeof Skill | typeof Occupation) {
  return builder.objectRef<Hit<T>>(name).implement({
    fields: (t) => ({
      [conceptField]: t.field({ type: conceptType as never, resolve: (hit) => hit.concept as never }),
      score: t.exposeFloat('score', { description: 'Relevance; comparable within one search only.' }),
      matchedLabel: t.exposeString('matchedLabel', { description: 'The label of the concept that best matches the text.' }),
      matchedLabelType: t.field({ type: LabelTypeEnum, resolve: (hit) => hit.matchedLabelType }),
      method: t.string({ description: 'How the score was computed.', resolve: () => SEARCH_METHOD }),
    }),
  });
}

const SkillSearchHit = hitType<SkillRow>('SkillSearchHit', 'skill', Skill);

const MAX_SEARCH_RESULTS = 100;

async function search<T extends SkillRow | OccupationRow>(
  index: 'skill_labels' | 'occupation_labels',
  args: { text: string; first?: number | null; includeDeprecated?: boolean | null },
  context: HubContext,
): Promise<Array<Hit<T>>> {
  const first = args.first ?? 10;
  if (first < 1 || first > MAX_SEARCH_RESULTS) throw new UserInputError('first', `must be between 1 and ${MAX_SEARCH_RESULTS} (got ${first})`);
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
    resolve: (_root, _args, context) => context.taxonomy?.summary ?? taxonomySummary(context.graph),
  }),
  skill: t.field({
    type: Skill,
    nullable: true,
    args: { uri: t.arg.string({ required: true }) },
    resolve: (_root, args, context) => context.loaders.taxonomy.skill.load(args.uri),
  }),
  occupation: t.field({
    type: Occupation,
    nullable: true,
    args: { uri: t.arg.string({ required: true }) },
    resolve: (_root, args, context) => context.loaders.taxonomy.occupation.load(args.uri),
  }),
  iscoGroup: t.field({
    type: IscoGroup,
    nullable: true,
    args: { code: t.arg.string({ required: true, description: 'ISCO-08 code, 1 to 4 digits.' }) },
    resolve: (_root, args, context) => context.loaders.taxonomy.iscoGroupByCode.load(args.code),
  }),
  skillGroup: t.field({
    type: SkillGroup,
    nullable: true,
    args: { uri: t.arg.string({ required: true }) },
    resolve: (_root, args, context) => context.loaders.taxonomy.skillGroup.load(args.uri),
  }),
  searchSkills: t.field({
    type: [SkillSearchHit],
    description: `Skills whose labels match the text, best first (at most ${MAX_SEARCH_RESULTS}).`,
    args: {
      text: t.arg.string({ required: true }),
      first: t.arg.int({ defaultValue: 10 }),
      includeDeprecated: t.arg.boolean({ defaultValue: false }),
    },
    resolve: (_root, args, context) => search<SkillRow>('skill_labels', args, context),
  }),
  skillsInCollection: t.connection(
    {
      type: Skill,
      description: 'Skills of an ESCO collection (green, digital, …), by label.',
      args: { collection: t.arg({ type: SkillCollectionEnum, required: true }) },
      resolve: async (_root, args, context) =>
        pageOf(
          args,
          context.taxonomy?.skillsInCollection(args.collection) ?? (await skillsInCollection(context.graph, args.collection)),
          context.maxPageSize,
        ),
    },
    SkillConnection,
  ),
}));
