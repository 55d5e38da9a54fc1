import { PromiseMemo } from '../../cache.js';
import { UserInputError } from '../../errors.js';
import { builder } from '../../graphql/builder.js';
import type { HubContext } from '../../graphql/context.js';
import type { SliceArgs } from '../demand-slice.js';
import type { SkillGap } from '../gaps.js';
import {
  type RankBy,
  type RankedGap,
  type Shortage,
  type Specificity,
  rankByGap,
  rankNote,
  rankByShortage,
  rankBySpecificity,
} from '../ranking.js';
import { type GapRow, type SliceInfo, SkillGapRef, sliceArgs } from './gaps.js';
import { skillGapsFor, demandSharesOnce, skillGapsOnce } from './gap-reads.js';
import { WhatIfInput, readWhatIf } from './what-if.js';

/**
 * `sectorSkillGaps`: a slice's gap ranking, ranked by gap score, shortage or specificity (src/intelligence/ranking.ts),
 * paged, or one skill's row wherever it ranks.
 */

export const RankByEnum = builder.enumType('GapRanking', {
  description: 'How a slice’s skills are ranked (src/intelligence/ranking.ts states each formula).',
  values: {
    GAP: { value: 'GAP', description: 'By gap score: demand share × (1 − coverage).' },
    SHORTAGE: {
      value: 'SHORTAGE',
      description:
        'By gap score × shortage, shortage = vacancies / (vacancies + registered unemployed) of the groups needing the skill; needs a source publishing both.',
    },
    SPECIFICITY: {
      value: 'SPECIFICITY',
      description:
        'By the demand share above the skill’s share in the parent slice (without the occupation group, else the sector, else for the country), × (1 − coverage).',
    },
  } as const,
});

/** The parent of a slice for SPECIFICITY, in arguments and in words; null when the slice is already everything. */
function parentOf(args: SliceArgs, slice: SliceInfo): { args: SliceArgs; label: string } | null {
  const same = { period: slice.period, metric: slice.metric };
  const where = slice.region ?? 'all regions';
  if (args.occupationGroup)
    return {
      args: { ...args, ...same, occupationGroup: null },
      label: `all occupations in ${slice.sector ? `sector ${slice.sector} × ` : ''}${where}`,
    };
  if (args.sector) return { args: { ...args, ...same, sector: null }, label: `all sectors in ${where}` };
  if (slice.region && slice.region.length > 2)
    return {
      args: { ...args, ...same, region: slice.region.slice(0, 2) },
      label: `${slice.region.slice(0, 2)} as a whole`,
    };
  if (slice.region) return { args: { ...args, ...same, region: null }, label: 'all regions' };
  return null;
}

/**
 * Each ranking of a gap list, held as long as the list is (the lists are held per demand import, catalogue
 * state and release): a dashboard or a page asking again costs no re-ranking of thousands of skills.
 */
/** One entry per ranking there is. */
const RANK_BY_VALUES: RankBy[] = ['GAP', 'SHORTAGE', 'SPECIFICITY'];
const rankings = new WeakMap<SkillGap[], PromiseMemo<RankedGap[]>>();

export function rankedGaps(
  context: HubContext,
  args: SliceArgs,
  slice: SliceInfo,
  gaps: SkillGap[],
  rankBy: RankBy,
): Promise<RankedGap[]> {
  let held = rankings.get(gaps);
  if (!held) rankings.set(gaps, (held = new PromiseMemo<RankedGap[]>(RANK_BY_VALUES.length)));
  return held.get(rankBy, () => rank(context, args, slice, gaps, rankBy));
}

async function rank(
  context: HubContext,
  args: SliceArgs,
  slice: SliceInfo,
  gaps: SkillGap[],
  rankBy: RankBy,
): Promise<RankedGap[]> {
  if (rankBy === 'GAP') return rankByGap(gaps);
  if (rankBy === 'SHORTAGE') {
    if (slice.vacanciesPerUnemployed === null)
      throw new UserInputError(
        'rankBy',
        `SHORTAGE needs vacancies and the registered unemployed from the same source; this slice has ${slice.metric} from ${slice.source} without them`,
      );
    return rankByShortage(gaps, slice.vacanciesPerUnemployed);
  }
  const parent = parentOf(args, slice);
  if (!parent)
    throw new UserInputError(
      'rankBy',
      'SPECIFICITY needs a slice narrower than all the data: give a sector, a region or an occupation group',
    );
  let parentShares: Map<string, number>;
  try {
    parentShares = await demandSharesOnce(context, parent.args);
  } catch (error) {
    if (error instanceof UserInputError)
      throw new UserInputError(
        'rankBy',
        `SPECIFICITY compares with ${parent.label}, which the data cannot answer: ${error.message}`,
      );
    throw error;
  }
  return rankBySpecificity(gaps, parentShares, parent.label);
}

const ShortageRef = builder.objectRef<Shortage>('SkillShortage').implement({
  description: 'How short of people the groups needing a skill are: its vacancies against the registered unemployed.',
  fields: (t) => ({
    vacancies: t.exposeFloat('vacancies', { description: 'The vacancies that reached the skill.' }),
    unemployed: t.exposeFloat('unemployed', {
      nullable: true,
      description: 'The registered unemployed of the same groups, at the same shares; null when the source has none.',
    }),
    factor: t.exposeFloat('factor', { description: 'vacancies / (vacancies + unemployed), 0–1 (0.5: balanced).' }),
    fromSlice: t.exposeBoolean('fromSlice', {
      description: 'True when the skill’s figures have no unemployed counterpart and the slice’s factor was used.',
    }),
  }),
});

const SpecificityRef = builder.objectRef<Specificity>('SkillSpecificity').implement({
  description: 'How particular a skill’s demand is to the slice, against its parent.',
  fields: (t) => ({
    parent: t.exposeString('parent', { description: 'The parent slice, in words.' }),
    parentShare: t.exposeFloat('parentShare', { description: 'The skill’s share of demand in the parent slice.' }),
    locationQuotient: t.exposeFloat('locationQuotient', {
      nullable: true,
      description:
        'demandShare / parentShare: how many times more the slice needs it; null when the parent has no demand for it.',
    }),
  }),
});

type Row = GapRow & Partial<Pick<RankedGap, 'rankBy' | 'rankScore' | 'shortage' | 'specificity'>>;

builder.objectFields(SkillGapRef, (t) => ({
  rankScore: t.float({
    nullable: true,
    description: 'The score the ranking asked for (rankBy) ranks by; the gap score for GAP.',
    resolve: (g: Row) => g.rankScore ?? null,
  }),
  rankNote: t.string({
    nullable: true,
    description: 'Which ranking ran and how this row’s score was computed.',
    resolve: (g: Row) => (g.rankBy ? rankNote(g as RankedGap) : null),
  }),
  shortage: t.field({
    type: ShortageRef,
    nullable: true,
    description: 'With rankBy SHORTAGE: the vacancies against the registered unemployed behind the skill.',
    resolve: (g: Row) => g.shortage ?? null,
  }),
  specificity: t.field({
    type: SpecificityRef,
    nullable: true,
    description: 'With rankBy SPECIFICITY: the skill’s share in the parent slice and the ratio.',
    resolve: (g: Row) => g.specificity ?? null,
  }),
}));

builder.queryFields((t) => ({
  sectorSkillGaps: t.field({
    type: [SkillGapRef],
    description:
      'Skills in demand in a sector × region × period (and occupation group), ranked by gap score (demand share × (1 − coverage by quality-assured offers reaching the region)), shortage or specificity, each with its derivation from the source figures. ' +
      'A code or slice the data cannot answer is a BAD_USER_INPUT error naming the argument.',
    args: {
      ...sliceArgs,
      rankBy: t.arg({ type: RankByEnum, description: 'How to rank (default GAP).' }),
      whatIf: t.arg({
        type: WhatIfInput,
        description:
          'Re-score under hypothetical changes (new or retired offers, demand shifts) without writing anything.',
      }),
      first: t.arg.int({ description: 'How many rows (default 20).', defaultValue: 20 }),
      offset: t.arg.int({
        description: 'Rows to skip from the top of the ranking (default 0), to page past the first.',
      }),
      skill: t.arg.string({
        description:
          'An ESCO skill URI: only its row, wherever it ranks in the slice (its rank says where); none when it has no demand there.',
      }),
    },
    resolve: async (_root, args, context) => {
      const first = args.first ?? 20;
      if (first < 0 || first > context.maxPageSize)
        throw new UserInputError('first', `must be between 0 and ${context.maxPageSize} (got ${first})`);
      const offset = args.offset ?? 0;
      if (offset < 0) throw new UserInputError('offset', `must be 0 or more (got ${offset})`);
      const whatIf = await readWhatIf(context, args.whatIf);
      const { slice, gaps } = whatIf ? await skillGapsFor(context, args, whatIf) : await skillGapsOnce(context, args);
      const ranked = await rankedGaps(context, args, slice, gaps, args.rankBy ?? 'GAP');
      if (args.skill != null) {
        const at = ranked.findIndex((gap) => gap.skillUri === args.skill);
        return at < 0 ? [] : [{ ...ranked[at], rank: at + 1, slice }];
      }
      return ranked.slice(offset, offset + first).map((gap, i) => ({ ...gap, rank: offset + i + 1, slice }));
    },
  }),
}));
