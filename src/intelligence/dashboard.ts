import { round } from '../numbers.js';
import { type OfferSupply, type SkillGap, offerReachesRegion, LINK_STATE_WEIGHT } from './gaps.js';

/**
 * One dashboard cell (sector × region × period) from a gap ranking. Pure.
 * - gapIndex = Σ demand × (1 − coverage) / Σ demand over the skills in demand: the share of skill
 *   demand no quality-assured offer in the region covers (0 all covered, 1 none);
 * - green (digital) share of demand = Σ demand × relevance / Σ demand; of supply = the mean relevance of
 *   the skills the region's offers teach, each link weighted by its state (as coverage weighs it);
 * - the offers reaching the region and their mean Annex I completeness.
 */

export interface DashboardCell {
  skillsInDemand: number;
  totalSkillDemand: number;
  gapIndex: number;
  coveredShareOfDemand: number;
  green: { demandShare: number; supplyShare: number };
  digital: { demandShare: number; supplyShare: number };
  offers: number;
  averageCompleteness: number | null;
}

const round4 = (value: number) => round(value, 4);

export function dashboardCell(
  gaps: SkillGap[],
  offers: OfferSupply[],
  region: string | null,
  relevance: { green: Map<string, number>; digital: Map<string, number> },
): DashboardCell {
  const inDemand = gaps.filter((g) => g.demand > 0);
  const total = inDemand.reduce((sum, g) => sum + g.demand, 0);
  const uncovered = inDemand.reduce((sum, g) => sum + g.demand * (1 - g.coverage), 0);
  const demandShare = (map: Map<string, number>) =>
    total === 0 ? 0 : round4(inDemand.reduce((sum, g) => sum + g.demand * (map.get(g.skillUri) ?? 0), 0) / total);
  const reaching = offers.filter((offer) => offerReachesRegion(offer, region));
  const taught = reaching.flatMap((offer) =>
    offer.links.map((link) => ({ uri: link.skillUri, weight: LINK_STATE_WEIGHT[link.state] ?? 0 })),
  );
  const taughtWeight = taught.reduce((sum, t) => sum + t.weight, 0);
  const supplyShare = (map: Map<string, number>) =>
    taughtWeight === 0
      ? 0
      : round4(taught.reduce((sum, t) => sum + t.weight * (map.get(t.uri) ?? 0), 0) / taughtWeight);
  return {
    skillsInDemand: inDemand.length,
    totalSkillDemand: round4(total),
    gapIndex: total === 0 ? 0 : round4(uncovered / total),
    coveredShareOfDemand: total === 0 ? 0 : round4(1 - uncovered / total),
    green: { demandShare: demandShare(relevance.green), supplyShare: supplyShare(relevance.green) },
    digital: { demandShare: demandShare(relevance.digital), supplyShare: supplyShare(relevance.digital) },
    offers: reaching.length,
    averageCompleteness:
      reaching.length === 0
        ? null
        : round4(reaching.reduce((sum, o) => sum + o.completenessScore, 0) / reaching.length),
  };
}
