import { round } from '../numbers.js';
import { type OfferSupply, type SkillGap, LINK_STATE_WEIGHT, offerReachesRegion, skillCoverage } from './gaps.js';

/**
 * One dashboard cell (sector × region × period, or occupation group × region × period) from a gap ranking,
 * with its own supply and trend. Pure.
 *
 * Totals, in the slice's unit (slice.unit: thousand persons, vacancies, ads).
 * - sliceTotal = the published figures of the slice summed (SkillGapSlice.total): the persons employed in
 *   the sector (or its vacancies), each counted once;
 * - skillDemandSummedOverSkills = Σ skill demand over the skills in demand: a person counts once for every
 *   skill their occupation needs, so it is many times sliceTotal and is not a head count.
 *
 * The sector's own skills and occupations. A skill is the sector's own when its share of the sector's
 * demand is at least OWN_LOCATION_QUOTIENT (1) times its share of demand across all sectors of the same
 * region, period and metric (the location quotient, as rankBy SPECIFICITY computes it; a skill with no
 * demand across all sectors but some in the sector is its own). Occupations likewise, on their demand.
 * Without a sector (all sectors) every skill in demand and every occupation is the slice's own.
 * An occupation-group cell (ISCO:7, KLDB:3: PES data has no sectors) is measured the same way against all
 * occupations of the same region, period and metric; its own occupations are then the group's.
 *
 * Supply of the cell: the published offers that reach the region (online, issued there or nationally, as
 * gaps.ts counts them) and belong to the sector, by any of
 *   SECTOR             one of the offer's NACE codes is the sector or nested in it either way (C28 in C; C in C28);
 *   TARGET_OCCUPATION  one of its target occupations is one of the sector's own occupations;
 *   TAUGHT_SKILLS      at least TAUGHT_SKILLS_OWN_SHARE (half) of the distinct skills it teaches (links not
 *                      rejected) are the sector's own skills.
 * An occupation group's supply counts by TARGET_OCCUPATION and TAUGHT_SKILLS (an offer has no group code).
 * Without a sector or group, every offer reaching the region counts. Each counted offer says by which rules.
 *
 * Coverage in the cell is skill coverage (gaps.ts: link state × provider × completeness, summed over
 * offers, capped at 1) by the cell's offers only, so it can be lower than sectorSkillGaps' coverage, which
 * counts every offer reaching the region.
 * - gapIndex = Σ_own demand × (1 − coverage) / Σ_own demand over the sector's own skills: the share of the
 *   demand for what is particular to the sector that none of the sector's offers covers (0 all covered,
 *   1 none); null when the slice has no demand for own skills (nothing published, or no skill particular
 *   to it): no index rather than a 0 that would read as all covered. Skills every sector needs (communicate,
 *   work in teams) weigh alike everywhere and would make all cells read the same; over its own skills, a
 *   sector with offers for them reads lower than one without.
 * - coveredShareOfDemand = Σ demand × coverage / Σ demand over every skill in demand (own or not), beside it.
 * - qualificationCoveredShareOfDemand = Σ demand × qualification coverage / Σ demand over every skill in demand:
 *   what the qualification routes reaching the region (gaps.ts) cover, counted apart from the offers.
 * - green (digital) share of demand = Σ demand × relevance / Σ demand; of supply = the mean relevance of the
 *   skills the cell's offers teach, each link weighted by its state (as coverage weighs it);
 * - offers: the cell's offers; offersReachingRegion: all offers reaching the region; averageCompleteness:
 *   the cell's offers' mean Annex I completeness.
 *
 * Trend (cellTrend). Against the period the slice's gap rows compare with (trendPeriod: the latest earlier
 * period of the same source), not when the rows say it is not comparable (a break in series). The previous
 * cell is the same computation on that period's demand, over the same own skills and the same offers
 * (the catalogue keeps no history, so supply is today's):
 *   sliceTotalChange = (sliceTotal − previous sliceTotal) / previous sliceTotal   (relative, 0.05 = +5 %)
 *   gapIndexChange   = gapIndex − previous gapIndex                               (in index points)
 */

export const DASHBOARD_WEIGHTS = {
  /** A skill or occupation is the sector's own at a location quotient of at least this. */
  OWN_LOCATION_QUOTIENT: 1,
  /** An offer belongs to a sector by its taught skills when at least this share of them are the sector's own. */
  TAUGHT_SKILLS_OWN_SHARE: 0.5,
  /** Skills listed per cell (topSkills), by the ranking asked. */
  TOP_SKILLS: 5,
} as const;

export type SupplyRule = 'SECTOR' | 'TARGET_OCCUPATION' | 'TAUGHT_SKILLS';

/** What the dashboard needs of an offer beyond its supply: its NACE codes and target occupations. */
export type DashboardOffer = OfferSupply & { sectors: string[]; targetOccupations: string[] };

export interface CountedOffer {
  id: string;
  title: string;
  countedBy: SupplyRule[];
  /** Why the offer counts for the sector, in words. */
  reason: string;
}

/**
 * The keys of `shares` that are the slice's own against `parentShares` (location quotient ≥
 * OWN_LOCATION_QUOTIENT); every key with a positive share when there is no parent (all sectors).
 */
export function ownOf(shares: Map<string, number>, parentShares: Map<string, number> | null): Set<string> {
  const own = new Set<string>();
  for (const [key, share] of shares) {
    if (share <= 0) continue;
    const parent = parentShares?.get(key) ?? 0;
    if (parentShares === null || parent === 0 || share >= DASHBOARD_WEIGHTS.OWN_LOCATION_QUOTIENT * parent)
      own.add(key);
  }
  return own;
}

const nested = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);
const normalNace = (code: string) => code.trim().toUpperCase().replace(/\./g, '');

/** What a cell is of: a sector (NACE), an occupation group (ISCO:7, KLDB:3), or everything (null). */
export type CellScope = { sector: string } | { occupationGroup: string } | null;

/** The word for what a cell is of, in explanations: 'sector', 'group', or null for everything. */
export const scopeNoun = (scope: CellScope) => (scope === null ? null : 'sector' in scope ? 'sector' : 'group');

/** The offers reaching the region that belong to the cell's sector or occupation group, and by which rules. */
export function cellSupply(
  offers: DashboardOffer[],
  scope: CellScope,
  region: string | null,
  own: { skills: Set<string>; occupations: Set<string> },
): Array<{ offer: DashboardOffer; counted: CountedOffer }> {
  const result: Array<{ offer: DashboardOffer; counted: CountedOffer }> = [];
  const sector = scope !== null && 'sector' in scope ? scope.sector : null;
  const noun = scopeNoun(scope);
  for (const offer of offers) {
    if (!offerReachesRegion(offer, region)) continue;
    if (scope === null) {
      result.push({
        offer,
        counted: {
          id: offer.id,
          title: offer.title,
          countedBy: [],
          reason: 'all sectors: every offer reaching the region',
        },
      });
      continue;
    }
    const countedBy: SupplyRule[] = [];
    const reasons: string[] = [];
    const codes = sector === null ? [] : offer.sectors.map(normalNace).filter((code) => nested(code, sector));
    if (codes.length > 0) {
      countedBy.push('SECTOR');
      reasons.push(`its sectors include ${codes.join(', ')}`);
    }
    const targets = offer.targetOccupations.filter((uri) => own.occupations.has(uri));
    if (targets.length > 0) {
      countedBy.push('TARGET_OCCUPATION');
      reasons.push(
        `${targets.length} of its ${offer.targetOccupations.length} target occupations are the ${noun}’s own`,
      );
    }
    const taught = [
      ...new Set(offer.links.filter((l) => (LINK_STATE_WEIGHT[l.state] ?? 0) > 0).map((l) => l.skillUri)),
    ];
    const ownTaught = taught.filter((uri) => own.skills.has(uri)).length;
    if (taught.length > 0 && ownTaught >= DASHBOARD_WEIGHTS.TAUGHT_SKILLS_OWN_SHARE * taught.length) {
      countedBy.push('TAUGHT_SKILLS');
      reasons.push(`${ownTaught} of the ${taught.length} skills it teaches are the ${noun}’s own`);
    }
    if (countedBy.length > 0)
      result.push({ offer, counted: { id: offer.id, title: offer.title, countedBy, reason: reasons.join('; ') } });
  }
  return result;
}

export interface TransitionShares {
  demandShare: number;
  supplyShare: number;
}

export interface DashboardCell {
  /** The slice's published figures summed, in its unit: each person (vacancy) once. */
  sliceTotal: number;
  skillsInDemand: number;
  /** Σ skill demand: a person counts once per skill their occupation needs. */
  skillDemandSummedOverSkills: number;
  /** The sector's own skills in demand (all skills in demand without a sector). */
  ownSkills: number;
  /** Null without demand for own skills (see the header). */
  gapIndex: number | null;
  coveredShareOfDemand: number;
  /** Σ demand × qualification coverage / Σ demand: the qualification routes' share, apart from the offers. */
  qualificationCoveredShareOfDemand: number;
  green: TransitionShares;
  digital: TransitionShares;
  offers: number;
  offersReachingRegion: number;
  supply: CountedOffer[];
  averageCompleteness: number | null;
}

const round4 = (value: number) => round(value, 4);

export function dashboardCell(input: {
  sliceTotal: number;
  gaps: SkillGap[];
  /** The slice's own skills (ownOf); null for every skill in demand. */
  ownSkills: Set<string> | null;
  /** The cell's offers (cellSupply), with the rules that counted them. */
  supply: Array<{ offer: OfferSupply; counted: CountedOffer }>;
  offersReachingRegion: number;
  region: string | null;
  relevance: { green: Map<string, number>; digital: Map<string, number> };
}): DashboardCell {
  const offers = input.supply.map((s) => s.offer);
  const coverage = skillCoverage(offers, input.region);
  const coverageOf = (uri: string) => coverage.get(uri)?.coverage ?? 0;
  const inDemand = input.gaps.filter((g) => g.demand > 0);
  const own = input.ownSkills === null ? inDemand : inDemand.filter((g) => input.ownSkills!.has(g.skillUri));
  const total = inDemand.reduce((sum, g) => sum + g.demand, 0);
  const covered = inDemand.reduce((sum, g) => sum + g.demand * coverageOf(g.skillUri), 0);
  const routed = inDemand.reduce((sum, g) => sum + g.demand * (g.qualificationCoverage ?? 0), 0);
  const ownTotal = own.reduce((sum, g) => sum + g.demand, 0);
  const ownUncovered = own.reduce((sum, g) => sum + g.demand * (1 - coverageOf(g.skillUri)), 0);
  const demandShare = (map: Map<string, number>) =>
    total === 0 ? 0 : round4(inDemand.reduce((sum, g) => sum + g.demand * (map.get(g.skillUri) ?? 0), 0) / total);
  const taught = offers.flatMap((offer) =>
    offer.links.map((link) => ({ uri: link.skillUri, weight: LINK_STATE_WEIGHT[link.state] ?? 0 })),
  );
  const taughtWeight = taught.reduce((sum, t) => sum + t.weight, 0);
  const supplyShare = (map: Map<string, number>) =>
    taughtWeight === 0
      ? 0
      : round4(taught.reduce((sum, t) => sum + t.weight * (map.get(t.uri) ?? 0), 0) / taughtWeight);
  return {
    sliceTotal: round4(input.sliceTotal),
    skillsInDemand: inDemand.length,
    skillDemandSummedOverSkills: round4(total),
    ownSkills: own.length,
    gapIndex: ownTotal === 0 ? null : round4(ownUncovered / ownTotal),
    coveredShareOfDemand: total === 0 ? 0 : round4(covered / total),
    qualificationCoveredShareOfDemand: total === 0 ? 0 : round4(routed / total),
    green: { demandShare: demandShare(input.relevance.green), supplyShare: supplyShare(input.relevance.green) },
    digital: { demandShare: demandShare(input.relevance.digital), supplyShare: supplyShare(input.relevance.digital) },
    offers: offers.length,
    offersReachingRegion: input.offersReachingRegion,
    supply: input.supply.map((s) => s.counted),
    averageCompleteness:
      offers.length === 0 ? null : round4(offers.reduce((sum, o) => sum + o.completenessScore, 0) / offers.length),
  };
}

export interface PreviousCell {
  period: string;
  sliceTotal: number;
  skillsInDemand: number;
  gapIndex: number | null;
  coveredShareOfDemand: number;
}

export interface CellTrend {
  /** The period compared with; null when there is none. */
  period: string | null;
  previous: PreviousCell | null;
  /** Relative change of sliceTotal (0.05 = +5 %); null without a comparable period. */
  sliceTotalChange: number | null;
  /** gapIndex − previous gapIndex, in index points; null without a comparable period or either index. */
  gapIndexChange: number | null;
  note: string;
}

/**
 * The cell's trend from the slice's gap rows (their trendPeriod and trendNote say whether the previous
 * period is comparable) and the previous period's cell, computed by the caller when it is.
 */
export function cellTrend(
  cell: DashboardCell,
  gaps: SkillGap[],
  previous: { period: string; cell: DashboardCell } | null,
): CellTrend {
  const trendPeriod = gaps.find((g) => g.trendPeriod !== null)?.trendPeriod ?? null;
  const broken = gaps.find((g) => g.trendNote.startsWith('not comparable'));
  if (trendPeriod === null)
    return {
      period: null,
      previous: null,
      sliceTotalChange: null,
      gapIndexChange: null,
      note: 'no earlier period with figures from the same source',
    };
  if (broken)
    return {
      period: trendPeriod,
      previous: null,
      sliceTotalChange: null,
      gapIndexChange: null,
      note: broken.trendNote,
    };
  if (!previous || previous.period !== trendPeriod)
    return {
      period: trendPeriod,
      previous: null,
      sliceTotalChange: null,
      gapIndexChange: null,
      note: `${trendPeriod} could not be read for the same slice`,
    };
  const before = previous.cell;
  const sliceTotalChange =
    before.sliceTotal > 0 ? round4((cell.sliceTotal - before.sliceTotal) / before.sliceTotal) : null;
  return {
    period: trendPeriod,
    previous: {
      period: trendPeriod,
      sliceTotal: before.sliceTotal,
      skillsInDemand: before.skillsInDemand,
      gapIndex: before.gapIndex,
      coveredShareOfDemand: before.coveredShareOfDemand,
    },
    sliceTotalChange,
    gapIndexChange: cell.gapIndex === null || before.gapIndex === null ? null : round4(cell.gapIndex - before.gapIndex),
    note: `against ${trendPeriod}: that period’s figures of the same source, over the same own skills and today’s offers (the catalogue keeps no history)`,
  };
}

/** The cell in words, every number with its unit. */
export function explainCell(
  cell: DashboardCell,
  trend: CellTrend,
  unit: string,
  where: string,
  /** What the cell is of ('sector', 'group'); null for everything: every skill and every offer reaching the region is the slice's. */
  of: 'sector' | 'group' | null = 'sector',
): string {
  const n = (value: number) => value.toLocaleString('en-GB', { maximumFractionDigits: 1 });
  const pct = (value: number) => `${(value * 100).toFixed(value !== 0 && Math.abs(value) < 0.001 ? 3 : 1)} %`;
  const parts = of
    ? [
        `${where}: ${n(cell.sliceTotal)} ${unit} (the slice’s published figures summed); ${cell.skillsInDemand} skills in demand, ${cell.ownSkills} of them the ${of}’s own (location quotient ≥ ${DASHBOARD_WEIGHTS.OWN_LOCATION_QUOTIENT}).`,
        `Supply: ${cell.offers} of the ${cell.offersReachingRegion} offers reaching the region belong to the ${of}${cell.supply.length > 0 ? ` (${cell.supply.map((o) => `${o.id}: ${o.reason}`).join('; ')})` : ''}.`,
        cell.gapIndex === null
          ? `No gap index: the slice has no demand for skills particular to the ${of}.`
          : `Gap index ${cell.gapIndex.toFixed(4)}: ${pct(cell.gapIndex)} of the demand for the ${of}’s own skills is not covered by its offers; they cover ${pct(cell.coveredShareOfDemand)} of all its skill demand.`,
      ]
    : [
        `${where}: ${n(cell.sliceTotal)} ${unit} (the slice’s published figures summed); ${cell.skillsInDemand} skills in demand.`,
        `Supply: the ${cell.offers} offers reaching the region.`,
        cell.gapIndex === null
          ? `No gap index: the slice has no skill demand.`
          : `Gap index ${cell.gapIndex.toFixed(4)}: ${pct(cell.gapIndex)} of the skill demand is not covered by them.`,
      ];
  if (cell.qualificationCoveredShareOfDemand > 0)
    parts.push(
      `Qualification routes reaching the region (apprenticeship standards) cover ${pct(cell.qualificationCoveredShareOfDemand)} of the skill demand, counted apart from the offers.`,
    );
  if (trend.previous && trend.sliceTotalChange !== null && trend.gapIndexChange !== null)
    parts.push(
      `Trend ${trend.note}: ${n(trend.previous.sliceTotal)} ${unit} then (${trend.sliceTotalChange >= 0 ? '+' : ''}${pct(trend.sliceTotalChange)}), gap index ${trend.previous.gapIndex!.toFixed(4)} then (${trend.gapIndexChange >= 0 ? '+' : ''}${trend.gapIndexChange.toFixed(4)}).`,
    );
  else parts.push(`Trend: ${trend.note}.`);
  return parts.join(' ');
}
