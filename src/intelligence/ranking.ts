import { round } from '../numbers.js';
import type { SkillGap } from './gaps.js';
import { type DerivationOptions, type OccupationIndex, type SignalInput, deriveSkillDemand } from './skill-demand.js';

/**
 * A slice's skill gaps ranked three ways (`rankBy`). Pure.
 *
 *   GAP          rankScore = gapScore = demandShare × (1 − coverage)   (gaps.ts)
 *   SHORTAGE     rankScore = gapScore × shortage, shortage = V / (V + U): the vacancies V that reached the
 *                skill over those vacancies plus the registered unemployed U of the same groups, each
 *                group's unemployed taken at the share of its vacancies that reached the skill. 0.5 where
 *                vacancies and people available balance, towards 1 where no one is available, towards 0
 *                where many are. A skill whose figures have no unemployed counterpart takes the slice's
 *                factor, and says so. Needs a source that publishes both (the German PES data).
 *   SPECIFICITY  rankScore = max(0, demandShare − parentShare) × (1 − coverage): the share of the slice's
 *                demand the skill has above its share in the parent slice (the same question without the
 *                occupation group, else without the sector, else for the country, else for all regions),
 *                so what every job needs (communicate, work safely) falls back and what is particular to the
 *                sector or district comes up; locationQuotient = demandShare / parentShare is shown beside it.
 * Ties keep the gap ranking's order.
 */

export type RankBy = 'GAP' | 'SHORTAGE' | 'SPECIFICITY';

export interface Shortage {
  vacancies: number;
  unemployed: number | null;
  /** V / (V + U), or the slice's factor when the skill's figures have no unemployed counterpart. */
  factor: number;
  fromSlice: boolean;
}

export interface Specificity {
  parent: string;
  parentShare: number;
  /** demandShare / parentShare; null when the parent has no demand for the skill. */
  locationQuotient: number | null;
}

export type RankedGap = SkillGap & {
  rankBy: RankBy;
  rankScore: number;
  shortage?: Shortage;
  specificity?: Specificity;
};

/** How a ranked row's score was computed, in words: built when the row is read (a slice ranks thousands). */
export function rankNote(gap: RankedGap): string {
  if (gap.rankBy === 'SHORTAGE') {
    const { factor, fromSlice, vacancies, unemployed } = gap.shortage!;
    return fromSlice
      ? `Ranked by shortage: gap score ${gap.gapScore.toFixed(4)} × the slice's shortage factor ${factor.toFixed(3)} (its figures have no unemployed counterpart) = ${gap.rankScore.toFixed(4)}.`
      : `Ranked by shortage: gap score ${gap.gapScore.toFixed(4)} × shortage ${factor.toFixed(3)} = ${gap.rankScore.toFixed(4)}; shortage = vacancies ${round(vacancies, 2)} / (vacancies + unemployed ${round(unemployed!, 2)}).`;
  }
  if (gap.rankBy === 'SPECIFICITY') {
    const { parent, parentShare, locationQuotient } = gap.specificity!;
    return `Ranked by specificity: (demand share ${gap.demandShare.toFixed(4)} − its share ${parentShare.toFixed(4)} in ${parent}) × (1 − coverage ${gap.coverage.toFixed(2)}) = ${gap.rankScore.toFixed(4)}${locationQuotient === null ? '' : `; ${locationQuotient.toFixed(2)} times its share there`}.`;
  }
  return `Ranked by gap score ${gap.gapScore.toFixed(4)} = demand share × (1 − coverage).`;
}

export function rankByGap(gaps: SkillGap[]): RankedGap[] {
  return gaps.map((gap) => ({ ...gap, rankBy: 'GAP', rankScore: gap.gapScore }));
}

/**
 * Per skill, the vacancies that reached it from figures with an unemployed counterpart, and those unemployed
 * at the same shares: the demand of those figures, and of the same figures with the unemployed as their value
 * (skill-demand.ts, without evidence): what SkillGap.withUnemployed holds.
 */
export function demandBesideUnemployed(
  signals: SignalInput[],
  unemployedOf: (signal: SignalInput) => number | null,
  index: OccupationIndex,
  options: DerivationOptions,
): Map<string, { vacancies: number; unemployed: number }> {
  const matched = signals.filter((s) => s.value !== null && unemployedOf(s) != null);
  const vacancies = deriveSkillDemand(matched, index, options, { evidence: false }).skills;
  const unemployed = deriveSkillDemand(
    matched.map((s) => ({ ...s, value: unemployedOf(s) })),
    index,
    options,
    { evidence: false },
  ).skills;
  return new Map(
    [...vacancies.values()].map((v) => [
      v.skillUri,
      { vacancies: v.demand, unemployed: unemployed.get(v.skillUri)?.demand ?? 0 },
    ]),
  );
}

/** The vacancies and unemployed that reached a skill (SkillGap.withUnemployed); without an unemployed counterpart, its demand alone. */
export function skillShortage(gap: SkillGap): { vacancies: number; unemployed: number | null } {
  return gap.withUnemployed ?? { vacancies: gap.demand, unemployed: null };
}

export function rankByShortage(gaps: SkillGap[], sliceVacanciesPerUnemployed: number): RankedGap[] {
  const sliceFactor = sliceVacanciesPerUnemployed / (1 + sliceVacanciesPerUnemployed);
  const ranked = gaps.map((gap) => {
    const { vacancies, unemployed } = skillShortage(gap);
    const fromSlice = unemployed === null || vacancies + unemployed === 0;
    const factor = fromSlice ? sliceFactor : vacancies / (vacancies + unemployed!);
    const rankScore = round(gap.gapScore * factor, 6);
    const shortage: Shortage = {
      vacancies: round(vacancies, 4),
      unemployed: unemployed === null ? null : round(unemployed, 4),
      factor: round(factor, 4),
      fromSlice,
    };
    return { ...gap, rankBy: 'SHORTAGE' as const, rankScore, shortage };
  });
  return stableSort(ranked);
}

export function rankBySpecificity(gaps: SkillGap[], parentShares: Map<string, number>, parent: string): RankedGap[] {
  const ranked = gaps.map((gap) => {
    const parentShare = parentShares.get(gap.skillUri) ?? 0;
    const excess = Math.max(0, gap.demandShare - parentShare);
    const rankScore = round(excess * (1 - gap.coverage), 6);
    const locationQuotient = parentShare > 0 ? round(gap.demandShare / parentShare, 4) : null;
    return {
      ...gap,
      rankBy: 'SPECIFICITY' as const,
      rankScore,
      specificity: { parent, parentShare: round(parentShare, 6), locationQuotient },
    };
  });
  return stableSort(ranked);
}

/** By rank score, ties in the gap ranking's order. */
function stableSort(ranked: RankedGap[]): RankedGap[] {
  return ranked
    .map((gap, order) => ({ gap, order }))
    .sort((a, b) => b.gap.rankScore - a.gap.rankScore || a.order - b.order)
    .map(({ gap }) => gap);
}
