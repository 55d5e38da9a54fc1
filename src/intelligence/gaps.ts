import { pushTo } from '../collections.js';
import { isoCountryOfNuts } from '../regions.js';
import { round } from '../numbers.js';
import {
  type DerivationOptions,
  type OccupationIndex,
  type SignalInput,
  type SkillContribution,
  type SkillDemand,
  deriveSkillDemand,
} from './skill-demand.js';

/**
 * Sector × region skill gaps: demand for each skill (skill-demand.ts) against what quality-assured
 * offers available in the region teach. Pure.
 *
 * Supply. An offer counts for a region when it is published and reaches it: taught online, or issued
 * in the region (NUTS codes nested either way) or nationally in its country. Each of its links to a
 * skill counts with
 *   link state (accepted or added 1, suggested 0.5, rejected 0)
 *   × provider (accredited in a public register 1, otherwise 0.7)
 *   × Annex I completeness (0.5 + 0.5 × the offer's completeness score),
 *   × stated (a link from the learning outcomes 1; from the title or description standing in for missing
 *     outcomes UNSTATED_OUTCOME_WEIGHT 0.5),
 * and a skill's coverage is the sum over offers, capped at 1: one fully confirmed, accredited, complete
 * offer covers a skill. An offer that states no country or region it is issued in and is not taught
 * online (an international qualification "issued in 41 countries") reaches no region: it is listed
 * beside the skills it teaches as unlocated, so a gap says why it is not counted, instead of nothing.
 *
 * Qualification routes. A published qualification that states what it teaches (an apprenticeship
 * standard) is supply of its own kind: a long route to the skill, not a micro-credential. Its coverage is
 * counted apart (qualificationCoverage, the same sum with provider and completeness ×1: the standard is
 * approved, and Annex I describes micro-credentials), so a row tells "taught in a qualification route, no
 * micro-credential" (supply QUALIFICATION_ONLY) from "taught nowhere" (NONE). The gap score stays on the
 * micro-credentials' coverage: the Recommendation asks which short, stackable offers are missing.
 * A route's suggested link counts only with strong evidence (the whole preferred label: catalogue/linking.ts)
 * or when the skill is one its ESCO occupations need (essential or optional; `occupational`: a standard trains
 * for its occupation). On the hand-labelled IfATE sample 46% of the suggestions so counted were right, against
 * 25% of all, keeping 49% of the right ones (docs/catalogue-registers.md). Accepted and added
 * links always count.
 *
 * Gap. gapScore = demand share × (1 − coverage), where the demand share is the skill's demand over the
 * slice's total (the published values summed; within an occupation group, the group's part of them): the share of the slice's workforce (or vacancies) in
 * occupations that need the skill, not yet matched by an offer. Ranked by gapScore, then demand.
 *
 * Evidence. Every row's demand is summed without its evidence (skill-demand.ts: the same sums in another
 * order); the figures behind a row (`contributions`) are derived for the rows read, on demand (addEvidence):
 * a slice reaches thousands of skills and a page shows twenty, and deriving every row's evidence was two
 * thirds of a slice's first derivation. The low-reliability share is summed the same way, from the slice's
 * low-reliability figures alone.
 *
 * Trend. Against the latest earlier period with figures from the same sources: trend = (demand −
 * previousDemand) / previousDemand, previousDemand the skill's demand derived the same way from that period's
 * figures (0 when it had none: no trend then); not given (and said why) when a figure of either period is
 * flagged as a break in series (b).
 */

export interface OfferSupply {
  id: string;
  title: string;
  issuerCountries: string[];
  issuerRegions: string[];
  participationForm: string | null;
  accredited: boolean;
  completenessScore: number;
  /**
   * `stated: false`: the link comes from the title or description standing in for missing outcomes;
   * `occupational`: (a qualification's) the skill is one its ESCO occupations need.
   */
  links: Array<{ skillUri: string; state: string; stated?: boolean; occupational?: boolean; strong?: boolean }>;
  /** A qualification route (an apprenticeship standard) rather than a micro-credential. */
  kind?: 'QUALIFICATION';
}

export const UNSTATED_OUTCOME_WEIGHT = 0.5;

/** Whether a qualification route's link counts (see the header): confirmed, or suggested with strong evidence or to a skill its occupations need. */
export const routeLinkCounts = (link: { state: string; strong?: boolean; occupational?: boolean }): boolean =>
  link.state === 'ACCEPTED' ||
  link.state === 'ADDED' ||
  (link.state === 'SUGGESTED' && (link.strong === true || link.occupational === true));
export const LINK_STATE_WEIGHT: Record<string, number> = { ACCEPTED: 1, ADDED: 1, SUGGESTED: 0.5, REJECTED: 0 };
export const UNACCREDITED_WEIGHT = 0.7;

export interface CoveringOffer {
  id: string;
  title: string;
  weight: number;
  /** How the weight was made, e.g. "accepted link ×1 · provider not accredited ×0.7 · completeness 0.89 ×0.94". */
  detail: string;
}

export interface SkillGap {
  skillUri: string;
  demand: number;
  demandShare: number;
  /** Relative change against `trendPeriod`, or null (see trendNote). */
  trend: number | null;
  trendPeriod: string | null;
  /** Demand in `trendPeriod`, in the slice's unit; null when there is none comparable (see trendNote). */
  previousDemand: number | null;
  trendNote: string;
  coverage: number;
  gapScore: number;
  coveringOffers: CoveringOffer[];
  /** Coverage by qualification routes reaching the region (counted apart; see the header). */
  qualificationCoverage: number;
  qualificationRoutes: CoveringOffer[];
  /** Who teaches it in the region: a micro-credential, only a qualification route, or nobody. */
  supply: 'MICRO_CREDENTIAL' | 'QUALIFICATION_ONLY' | 'NONE';
  /** Published offers teaching the skill that state no country or region of issue and are not online: counted in no region. */
  unlocatedOffers: Array<{ id: string; title: string }>;
  /** The figures behind the demand, largest first: empty until derived (RankedSlice.addEvidence). */
  contributions: SkillDemand['contributions'];
  /** Share of the demand that comes from figures the source flags as of low reliability. */
  lowReliabilityShare: number;
  /**
   * Where the source publishes unemployed beside vacancies (gap-reads.ts): the vacancies that reached the skill
   * from figures with an unemployed counterpart, and those unemployed at the same shares (ranking.ts: shortage).
   */
  withUnemployed?: { vacancies: number; unemployed: number } | null;
}

export interface GapSlice {
  sector: string | null;
  region: string | null;
  /** The occupation group asked (ISCO:7, KLDB:32), in words; null for all occupations. */
  occupationGroup: string | null;
  period: string;
  metric: string;
  unit: string;
  total: number;
  signals: number;
  notPublished: number;
  grains: string[];
  methods: string[];
}

export type WhereOffered = Pick<OfferSupply, 'participationForm' | 'issuerRegions' | 'issuerCountries'>;

/** Issued in the region (NUTS codes nested either way) or nationally in its country (ISO: a Greek region EL30 is in GR); online reach aside. */
export function issuedIn(offer: WhereOffered, region: string): boolean {
  if (offer.issuerRegions.some((r) => r.startsWith(region) || region.startsWith(r))) return true;
  return offer.issuerRegions.length === 0 && offer.issuerCountries.includes(isoCountryOfNuts(region));
}

export function offerReachesRegion(offer: WhereOffered, region: string | null): boolean {
  return region === null || offer.participationForm === 'ONLINE' || issuedIn(offer, region);
}

/** Coverage of each skill by the offers that reach the region, with each offer's weight explained. */
/** Whether an offer says nowhere where it is issued (no country, no region) and is not taught online. */
export function offerUnlocated(offer: WhereOffered): boolean {
  return offer.participationForm !== 'ONLINE' && offer.issuerCountries.length === 0 && offer.issuerRegions.length === 0;
}

export function skillCoverage(
  offers: OfferSupply[],
  region: string | null,
): Map<string, { coverage: number; offers: CoveringOffer[]; unlocated: Array<{ id: string; title: string }> }> {
  const bySkill = new Map<string, CoveringOffer[]>();
  const unlocated = new Map<string, Array<{ id: string; title: string }>>();
  for (const offer of offers) {
    if (!offerReachesRegion(offer, region)) {
      if (offerUnlocated(offer))
        for (const skillUri of new Set(
          offer.links.filter((l) => (LINK_STATE_WEIGHT[l.state] ?? 0) > 0).map((l) => l.skillUri),
        ))
          pushTo(unlocated, skillUri, { id: offer.id, title: offer.title });
      continue;
    }
    const route = offer.kind === 'QUALIFICATION';
    const provider = route || offer.accredited ? 1 : UNACCREDITED_WEIGHT;
    const completeness = route ? 1 : 0.5 + 0.5 * offer.completenessScore;
    // An offer teaching a skill through several outcomes counts once, with its strongest link.
    const linkWeight = (link: OfferSupply['links'][number]) =>
      (LINK_STATE_WEIGHT[link.state] ?? 0) * (link.stated === false ? UNSTATED_OUTCOME_WEIGHT : 1);
    const best = new Map<string, OfferSupply['links'][number]>();
    const counted = route ? offer.links.filter(routeLinkCounts) : offer.links;
    for (const link of counted) {
      const current = best.get(link.skillUri);
      if (current === undefined || linkWeight(link) > linkWeight(current)) best.set(link.skillUri, link);
    }
    for (const [skillUri, link] of best) {
      const stateWeight = LINK_STATE_WEIGHT[link.state] ?? 0;
      if (stateWeight === 0) continue;
      const weight = linkWeight(link) * provider * completeness;
      const detail = [
        `${link.state.toLowerCase()} link ×${stateWeight}`,
        ...(link.stated === false
          ? [`from the title or description, no stated outcomes ×${UNSTATED_OUTCOME_WEIGHT}`]
          : []),
        route
          ? `an approved qualification route ×1${link.state !== 'SUGGESTED' ? '' : link.occupational ? ' (a skill its occupations need)' : ' (strong evidence)'}`
          : `provider ${offer.accredited ? 'accredited ×1' : `not accredited ×${UNACCREDITED_WEIGHT}`} · completeness ${offer.completenessScore.toFixed(2)} ×${completeness.toFixed(2)}`,
      ].join(' · ');
      const list = bySkill.get(skillUri) ?? [];
      list.push({ id: offer.id, title: offer.title, weight: round(weight, 4), detail });
      bySkill.set(skillUri, list);
    }
  }
  const result = new Map<
    string,
    { coverage: number; offers: CoveringOffer[]; unlocated: Array<{ id: string; title: string }> }
  >();
  for (const skillUri of new Set([...bySkill.keys(), ...unlocated.keys()])) {
    const list = bySkill.get(skillUri) ?? [];
    list.sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : 1));
    result.set(skillUri, {
      coverage: round(
        Math.min(
          1,
          list.reduce((sum, offer) => sum + offer.weight, 0),
        ),
        4,
      ),
      offers: list,
      unlocated: (unlocated.get(skillUri) ?? []).sort((a, b) => (a.id < b.id ? -1 : 1)),
    });
  }
  return result;
}

export interface GapInput {
  slice: { sector: string | null; region: string | null; period: string; metric: string };
  signals: SignalInput[];
  /** The same slice's figures for the earlier period to compare with, if any. */
  previous: { period: string; signals: SignalInput[] } | null;
  offers: OfferSupply[];
  /** Qualification routes (kind QUALIFICATION), counted apart from the offers. */
  routes?: OfferSupply[];
  index: OccupationIndex;
  options: DerivationOptions;
  /** Called on each contribution as a row's evidence is derived (gap-reads.ts: the unemployed beside a vacancies figure). */
  annotate?: (contribution: SkillContribution) => void;
}

/** A slice's gaps, ranked, and the means to derive the evidence of the rows read. */
export interface RankedSlice {
  slice: GapSlice;
  gaps: SkillGap[];
  /** Fills in the contributions of these skills' rows (each once; copies of a row share its list). */
  addEvidence(skillUris: Iterable<string>): void;
}

/** The slice's total: the published values summed; within an occupation group, each figure × the shares of it the group keeps. */
function sliceTotal(
  signals: SignalInput[],
  spreads: ReturnType<typeof deriveSkillDemand>['spreads'],
  options: DerivationOptions,
): number {
  return options.occupationGroup
    ? spreads.reduce((sum, s) => sum + (s.signal.value ?? 0) * s.occupations.reduce((a, o) => a + o.share, 0), 0)
    : signals.reduce((sum, s) => sum + (s.value ?? 0), 0);
}

/**
 * Each skill's demand share in a slice, as rankSkillGaps gives it (rounded alike), without evidence, trend
 * or coverage: what a parent slice is needed for (specificity, a dashboard cell's own skills). Much less work.
 */
export function skillDemandShares(input: Pick<GapInput, 'signals' | 'index' | 'options'>): Map<string, number> {
  const { skills, spreads } = deriveSkillDemand(input.signals, input.index, input.options, { evidence: false });
  const total = sliceTotal(input.signals, spreads, input.options);
  return new Map([...skills.values()].map((d) => [d.skillUri, round(total > 0 ? d.demand / total : 0, 6)]));
}

/**
 * The slice's gaps, ranked. evidence ALL: every row comes with its contributions; ON_DEMAND: without, until
 * addEvidence derives them for the rows read (the hub's way: src/intelligence/schema/gap-reads.ts).
 */
export function rankSkillGaps(
  input: GapInput,
  { evidence = 'ALL' }: { evidence?: 'ALL' | 'ON_DEMAND' } = {},
): RankedSlice {
  const { skills, spreads } = deriveSkillDemand(input.signals, input.index, input.options, { evidence: false });
  const lowSignals = input.signals.filter((s) => s.reliability === 'LOW');
  const lowDemand =
    lowSignals.length > 0
      ? deriveSkillDemand(lowSignals, input.index, input.options, { evidence: false }).skills
      : new Map<string, SkillDemand>();
  const total = sliceTotal(input.signals, spreads, input.options);
  const previous = input.previous
    ? deriveSkillDemand(input.previous.signals, input.index, input.options, { evidence: false }).skills
    : null;
  const breakFlagged = [...input.signals, ...(input.previous?.signals ?? [])].some((s) => s.flags.includes('b'));
  const coverage = skillCoverage(input.offers, input.slice.region);
  const routeCoverage = skillCoverage(input.routes ?? [], input.slice.region);

  const gaps: SkillGap[] = [];
  for (const demand of skills.values()) {
    const share = total > 0 ? demand.demand / total : 0;
    const covered = coverage.get(demand.skillUri);
    const coverageValue = covered?.coverage ?? 0;
    const routes = routeCoverage.get(demand.skillUri);
    let trend: number | null = null;
    let previousDemand: number | null = null;
    let trendNote: string;
    if (!input.previous) trendNote = 'no earlier period with figures from the same sources';
    else if (breakFlagged)
      trendNote = `not comparable with ${input.previous.period}: a figure of the slice is flagged as a break in series (b)`;
    else {
      const before = previous!.get(demand.skillUri)?.demand ?? 0;
      previousDemand = round(before, 4);
      trend = before > 0 ? round((demand.demand - before) / before, 4) : null;
      trendNote =
        before > 0
          ? `against ${input.previous.period} (${round(before, 3)})`
          : `no demand in ${input.previous.period} to compare with`;
    }
    const low = lowDemand.get(demand.skillUri)?.demand ?? 0;
    gaps.push({
      skillUri: demand.skillUri,
      demand: round(demand.demand, 4),
      demandShare: round(share, 6),
      trend,
      trendPeriod: input.previous?.period ?? null,
      previousDemand,
      trendNote,
      coverage: coverageValue,
      gapScore: round(share * (1 - coverageValue), 6),
      coveringOffers: covered?.offers ?? [],
      qualificationCoverage: routes?.coverage ?? 0,
      qualificationRoutes: routes?.offers ?? [],
      supply: coverageValue > 0 ? 'MICRO_CREDENTIAL' : (routes?.coverage ?? 0) > 0 ? 'QUALIFICATION_ONLY' : 'NONE',
      unlocatedOffers: covered?.unlocated ?? [],
      contributions: [],
      lowReliabilityShare: demand.demand > 0 ? round(low / demand.demand, 4) : 0,
    });
  }
  gaps.sort((a, b) => b.gapScore - a.gapScore || b.demand - a.demand || (a.skillUri < b.skillUri ? -1 : 1));
  const rows = new Map(gaps.map((gap) => [gap.skillUri, gap.contributions]));
  const derived = new Set<string>();
  const addEvidence = (skillUris: Iterable<string>) => {
    const only = new Set([...skillUris].filter((uri) => rows.has(uri) && !derived.has(uri)));
    if (only.size === 0) return;
    const { skills: withEvidence } = deriveSkillDemand(input.signals, input.index, input.options, { only });
    for (const uri of only) {
      const contributions = withEvidence.get(uri)?.contributions ?? [];
      const row = rows.get(uri)!;
      for (const contribution of contributions) {
        input.annotate?.(contribution);
        row.push(contribution);
      }
      derived.add(uri);
    }
  };
  if (evidence === 'ALL') addEvidence(rows.keys());
  return {
    addEvidence,
    slice: {
      ...input.slice,
      occupationGroup: input.options.occupationGroup?.label ?? null,
      unit: input.signals[0]?.unit ?? '',
      total: round(total, 4),
      signals: input.signals.reduce((sum, s) => sum + (s.parts?.figures ?? 1), 0),
      notPublished: input.signals.reduce(
        (sum, s) => sum + (s.parts ? s.parts.notPublished : s.value === null ? 1 : 0),
        0,
      ),
      grains: [...new Set(spreads.map((s) => s.grain))].sort(),
      methods: [...new Set(spreads.map((s) => s.method))].sort(),
    },
    gaps,
  };
}

/** A council member's reading of one row. */
export function explainGap(gap: SkillGap, slice: GapSlice, skillLabel: string): string {
  const where = [
    slice.sector ? `sector ${slice.sector}` : 'all sectors',
    ...(slice.occupationGroup ? [slice.occupationGroup] : []),
    slice.region ?? 'all regions',
    slice.period,
  ].join(', ');
  const parts = [
    `Demand: ${fmt(gap.demand)} ${slice.unit} in occupations that need "${skillLabel}" (${pct(gap.demandShare)} of ${fmt(slice.total)} in ${where}), from ${gap.contributions.length} source figure(s) spread down the ISCO and occupation graph.`,
    gap.trend === null
      ? `Trend: ${gap.trendNote}.`
      : `Trend: ${gap.trend >= 0 ? '+' : ''}${pct(gap.trend)} ${gap.trendNote}.`,
    (gap.coveringOffers.length === 0
      ? gap.qualificationRoutes.length > 0
        ? `Coverage 0: no published micro-credential that reaches this region teaches it; it is taught in ${gap.qualificationRoutes.length} qualification route(s) (qualification coverage ${gap.qualificationCoverage.toFixed(2)}): ${gap.qualificationRoutes
            .slice(0, 3)
            .map((o) => `${o.id} "${o.title}" (${o.weight.toFixed(2)})`)
            .join('; ')}, whose units could become stackable micro-credentials.`
        : 'Coverage 0: no published offer or qualification route that reaches this region teaches it.'
      : `Coverage ${gap.coverage.toFixed(2)} from ${gap.coveringOffers.length} offer(s): ${gap.coveringOffers
          .slice(0, 3)
          .map((o) => `${o.id} (${o.weight.toFixed(2)}: ${o.detail})`)
          .join('; ')}.`) +
      (gap.unlocatedOffers.length > 0
        ? ` Not counted: ${gap.unlocatedOffers.length} offer(s) teaching it state no country or region they are issued in and are not online (${gap.unlocatedOffers
            .slice(0, 3)
            .map((o) => `"${o.title}"`)
            .join(', ')}), so they reach no region.`
        : ''),
    `Gap score = demand share ${pct(gap.demandShare)} × (1 − coverage ${gap.coverage.toFixed(2)}) = ${gap.gapScore.toFixed(4)}.`,
  ];
  const differing = gap.contributions.filter((c) => c.signal.flags.includes('d')).length;
  if (differing > 0)
    parts.push(
      `${differing} of the ${gap.contributions.length} figures are flagged d: the source's definition differs from the standard one.`,
    );
  if (gap.lowReliabilityShare > 0)
    parts.push(
      `${pct(gap.lowReliabilityShare)} of the demand comes from figures the source flags as of low reliability.`,
    );
  if (slice.notPublished > 0)
    parts.push(
      `${slice.notPublished} of the slice's ${slice.signals} source figures are not published, so demand is a lower bound.`,
    );
  return parts.join(' ');
}

const fmt = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3));
const pct = (value: number) => `${(value * 100).toFixed(value !== 0 && Math.abs(value) < 0.001 ? 3 : 1)}%`;

export interface SkillGroupGap {
  groupUri: string;
  skills: SkillGap[];
  /** Σ of its skills' demand shares (occupations need many skills, so shares of a group can exceed 1). */
  demandShare: number;
  /** Demand-weighted mean coverage of its skills. */
  coverage: number;
  /** Σ of its skills' gap scores. */
  gapScore: number;
  /** Σ of its skills' rank scores (ranking.ts; the gap scores when ranked by GAP): what groups are ranked by. */
  rankScore: number;
}

/**
 * Skill gaps rolled up into the ESCO skill groups given by `groupOf`, ranked by their skills' summed rank
 * score (a skill without one counts its gap score), its skills in the same order. Pure.
 */
export function rankSkillGroupGaps(
  gaps: Array<SkillGap & { rankScore?: number }>,
  groupOf: (skillUri: string) => string | null,
): SkillGroupGap[] {
  const score = (gap: SkillGap & { rankScore?: number }) => gap.rankScore ?? gap.gapScore;
  const groups = new Map<string, SkillGap[]>();
  for (const gap of gaps) {
    const group = groupOf(gap.skillUri);
    if (!group) continue;
    pushTo(groups, group, gap);
  }
  return [...groups.entries()]
    .map(([groupUri, skills]) => {
      const demand = skills.reduce((sum, g) => sum + g.demand, 0);
      return {
        groupUri,
        skills: skills.sort((a, b) => score(b) - score(a)),
        demandShare: round(
          skills.reduce((sum, g) => sum + g.demandShare, 0),
          6,
        ),
        coverage: demand > 0 ? round(skills.reduce((sum, g) => sum + g.demand * g.coverage, 0) / demand, 4) : 0,
        gapScore: round(
          skills.reduce((sum, g) => sum + g.gapScore, 0),
          6,
        ),
        rankScore: round(
          skills.reduce((sum, g) => sum + score(g), 0),
          6,
        ),
      };
    })
    .sort((a, b) => b.rankScore - a.rankScore || (a.groupUri < b.groupUri ? -1 : 1));
}
