import { UserInputError } from '../../errors.js';
import { builder } from '../../graphql/builder.js';
import type { HubContext } from '../../graphql/context.js';
import { SkillGroup } from '../../taxonomy/schema/concepts.js';
import type { AnyConceptRow, SkillGroupRow } from '../../taxonomy/store.js';
import { type SkillGroupGap, rankSkillGroupGaps } from '../gaps.js';
import { RankByEnum, rankedGaps } from './gap-ranking.js';
import { type SliceInfo, SkillGapRef, sliceArgs } from './gaps.js';
import { skillGapsOnce } from './gap-reads.js';

/**
 * The ESCO skill group of each skill at a hierarchy level (0 the pillar's top, 3 the most specific):
 * walked up the skills pillar one level per batch of loader calls, so round trips grow with the
 * hierarchy's depth, never with the number of skills.
 */
export async function groupsAtLevel(
  context: HubContext,
  skillUris: string[],
  level: number,
): Promise<Map<string, string | null>> {
  const result = new Map<string, string | null>();
  // frontier: skill → the concepts reached so far on its way up
  let frontier = new Map<string, string[]>(skillUris.map((uri) => [uri, [uri]]));
  for (let depth = 0; depth < 12 && frontier.size > 0; depth += 1) {
    const concepts = [...new Set([...frontier.values()].flat())];
    const parents = await context.loaders.taxonomy.broader.loadMany(concepts);
    const parentsOf = new Map<string, AnyConceptRow[]>();
    concepts.forEach((uri, i) => {
      const found = parents[i];
      if (found instanceof Error) throw found;
      parentsOf.set(uri, found);
    });
    const next = new Map<string, string[]>();
    for (const [skill, reached] of frontier) {
      const above = reached.flatMap((uri) => parentsOf.get(uri) ?? []);
      const atLevel = above.find((c) => c.kind === 'SkillGroup' && (c as SkillGroupRow).hierarchyLevel === level);
      if (atLevel) {
        result.set(skill, atLevel.uri);
        continue;
      }
      // Keep climbing through skills and through groups more specific than the level asked.
      const climb = above
        .filter(
          (c) => c.kind === 'Skill' || (c.kind === 'SkillGroup' && ((c as SkillGroupRow).hierarchyLevel ?? 0) > level),
        )
        .map((c) => c.uri);
      if (climb.length > 0) next.set(skill, [...new Set(climb)]);
      else result.set(skill, null);
    }
    frontier = next;
  }
  for (const skill of frontier.keys()) result.set(skill, null);
  return result;
}

const SkillGroupGapRef = builder.objectRef<SkillGroupGap & { slice: SliceInfo }>('SkillGroupGap').implement({
  description:
    'Skill gaps rolled up into an ESCO skill group: summed demand shares and gap scores, demand-weighted coverage.',
  fields: (t) => ({
    group: t.field({
      type: SkillGroup,
      nullable: true,
      description: 'The ESCO skill group.',
      resolve: (g, _a, context) => context.loaders.taxonomy.skillGroup.load(g.groupUri),
    }),
    skillCount: t.int({
      description: 'How many of its skills have demand in the slice.',
      resolve: (g) => g.skills.length,
    }),
    demandShare: t.float({
      description: 'Σ of its skills’ demand shares (can exceed 1: occupations need many skills).',
      resolve: (g) => g.demandShare,
    }),
    coverage: t.float({ description: 'Demand-weighted mean coverage of its skills.', resolve: (g) => g.coverage }),
    gapScore: t.float({ description: 'Σ of its skills’ gap scores.', resolve: (g) => g.gapScore }),
    rankScore: t.float({
      description: 'Σ of its skills’ rank scores under the ranking asked (rankBy; the gap scores for GAP).',
      resolve: (g) => g.rankScore,
    }),
    topSkills: t.field({
      type: [SkillGapRef],
      description: 'Its skills with the largest gaps (at most 5), each with its full derivation.',
      resolve: (g) => g.skills.slice(0, 5).map((gap) => ({ ...gap, slice: g.slice })),
    }),
  }),
});

builder.queryFields((t) => ({
  sectorSkillGroupGaps: t.field({
    type: [SkillGroupGapRef],
    description:
      'The gap ranking of sectorSkillGaps rolled up into ESCO skill groups at a hierarchy level, ranked by the summed scores of the ranking asked (gap score by default). Same arguments and errors as sectorSkillGaps.',
    args: {
      ...sliceArgs,
      rankBy: t.arg({ type: RankByEnum, description: 'How the skills are ranked before rolling up (default GAP).' }),
      level: t.arg.int({
        description:
          'Skill-group level: 0 (the top, e.g. "communication, collaboration and creativity") to 3 (most specific); default 1.',
        defaultValue: 1,
      }),
      first: t.arg.int({ description: 'How many groups (default 20).', defaultValue: 20 }),
    },
    resolve: async (_root, args, context) => {
      const level = args.level ?? 1;
      if (level < 0 || level > 3) throw new UserInputError('level', `must be 0 to 3 (got ${level})`);
      const first = args.first ?? 20;
      if (first < 0 || first > context.maxPageSize)
        throw new UserInputError('first', `must be between 0 and ${context.maxPageSize} (got ${first})`);
      const { slice, gaps } = await skillGapsOnce(context, args);
      const ranked = await rankedGaps(context, args, slice, gaps, args.rankBy ?? 'GAP');
      const groups = await groupsAtLevel(
        context,
        gaps.map((g) => g.skillUri),
        level,
      );
      return rankSkillGroupGaps(ranked, (uri) => groups.get(uri) ?? null)
        .slice(0, first)
        .map((g) => ({ ...g, slice }));
    },
  }),
}));
