import { UserInputError } from '../../errors.js';
import { builder } from '../../graphql/builder.js';
import { type HubContext, loadExisting } from '../../graphql/context.js';
import {
  type CellTrend,
  type CellScope,
  type CountedOffer,
  type DashboardCell,
  type DashboardOffer,
  type PreviousCell,
  DASHBOARD_WEIGHTS,
  cellTrend,
  dashboardCell,
  explainCell,
  cellSupply,
  ownOf,
  scopeNoun,
} from '../dashboard.js';
import { type SliceArgs, readDemandSlice, sharedInputs } from '../demand-slice.js';
import { offerReachesRegion, rankSkillGaps } from '../gaps.js';
import type { RankBy } from '../ranking.js';
import { deriveOccupationDemand } from '../skill-demand.js';
import { RankByEnum, rankedGaps } from './gap-ranking.js';
import { type GapRow, SkillGapRef, occupationGroupName, regionName, sectorName, sliceArgs } from './gaps.js';
import { cachedDerivation, demandSharesOnce, skillGapsOnce } from './gap-reads.js';
import { skillRelevances } from './relevance.js';

/**
 * `skillsDashboard`: one cell per sector, or per occupation group for data without sectors (the German PES
 * figures: KldB groups × districts); src/intelligence/dashboard.ts states every formula.
 */

type Cell = DashboardCell & {
  sector: string | null;
  occupationGroup: string | null;
  region: string | null;
  period: string;
  metric: string;
  unit: string;
  source: string | null;
  trend: CellTrend;
  explanation: string;
  topSkills: GapRow[];
  rankBy: RankBy;
};

const Shares = builder.objectRef<{ demandShare: number; supplyShare: number }>('TransitionShares').implement({
  description: 'A transition’s share of demand against its share of supply.',
  fields: (t) => ({
    demandShare: t.float({
      description: 'Σ skill demand × relevance / Σ skill demand (0–1).',
      resolve: (s) => s.demandShare,
    }),
    supplyShare: t.float({
      description: 'Mean relevance (0–1) of the skills the cell’s offers teach, links weighted by state.',
      resolve: (s) => s.supplyShare,
    }),
  }),
});

const SupplyRuleEnum = builder.enumType('DashboardSupplyRule', {
  description: 'Why an offer counts as supply of a dashboard cell’s sector.',
  values: {
    SECTOR: { value: 'SECTOR', description: 'One of its NACE codes is the sector or nested in it either way.' },
    TARGET_OCCUPATION: {
      value: 'TARGET_OCCUPATION',
      description: 'One of its target occupations is the sector’s own (location quotient ≥ 1).',
    },
    TAUGHT_SKILLS: {
      value: 'TAUGHT_SKILLS',
      description: `At least ${DASHBOARD_WEIGHTS.TAUGHT_SKILLS_OWN_SHARE * 100} % of the skills it teaches are the sector’s own (location quotient ≥ 1).`,
    },
  } as const,
});

const CountedOfferRef = builder.objectRef<CountedOffer>('DashboardOffer').implement({
  description: 'An offer counted as supply of a dashboard cell, and why.',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'The micro-credential’s id.' }),
    title: t.exposeString('title', { description: 'Its title.' }),
    countedBy: t.field({
      type: [SupplyRuleEnum],
      description: 'The rules it was counted by; empty for all sectors, where every offer reaching the region counts.',
      resolve: (o) => o.countedBy,
    }),
    reason: t.exposeString('reason', { description: 'Why it counts for the sector, in words.' }),
  }),
});

const PreviousRef = builder.objectRef<PreviousCell>('DashboardPreviousCell').implement({
  description: 'A dashboard cell’s values in the period its trend compares with (same own skills, today’s offers).',
  fields: (t) => ({
    period: t.exposeString('period', { description: 'The earlier period.' }),
    sliceTotal: t.exposeFloat('sliceTotal', {
      description: 'The slice’s published figures of that period summed, in the cell’s unit.',
    }),
    skillsInDemand: t.exposeInt('skillsInDemand', { description: 'Skills with derived demand in that period.' }),
    gapIndex: t.exposeFloat('gapIndex', {
      nullable: true,
      description: 'The gap index on that period’s demand (0–1); null without demand for own skills then.',
    }),
    coveredShareOfDemand: t.exposeFloat('coveredShareOfDemand', {
      description: 'The covered share of that period’s skill demand (0–1).',
    }),
  }),
});

const TrendRef = builder.objectRef<CellTrend>('DashboardTrend').implement({
  description: 'How a dashboard cell changed since the earlier period of the same source.',
  fields: (t) => ({
    period: t.exposeString('period', {
      nullable: true,
      description: 'The earlier period compared with; null when there is none.',
    }),
    previous: t.field({
      type: PreviousRef,
      nullable: true,
      description: 'The cell’s values in that period; null when not comparable (see note).',
      resolve: (trend) => trend.previous,
    }),
    sliceTotalChange: t.exposeFloat('sliceTotalChange', {
      nullable: true,
      description: 'Relative change of sliceTotal (0.05 = +5 %); null when not comparable.',
    }),
    gapIndexChange: t.exposeFloat('gapIndexChange', {
      nullable: true,
      description: 'gapIndex − the earlier gapIndex, in index points; null when not comparable.',
    }),
    note: t.exposeString('note', { description: 'What was compared, or why nothing was (e.g. a break in series).' }),
  }),
});

const CellRef = builder.objectRef<Cell>('DashboardCell').implement({
  description:
    'Aggregates of one sector × region × period for dashboards (src/intelligence/dashboard.ts states each formula).',
  fields: (t) => ({
    sector: t.string({ nullable: true, description: 'NACE code, or null for all sectors.', resolve: (c) => c.sector }),
    occupationGroup: t.string({
      nullable: true,
      description: 'The occupation group (ISCO:7, KLDB:3), or null for all occupations.',
      resolve: (c) => c.occupationGroup,
    }),
    occupationGroupName: t.string({
      nullable: true,
      description:
        'The occupation group’s name in its classification (ISCO-08, KldB 2010); null without a group or a name.',
      resolve: (c, _a, context) => occupationGroupName(context, c.occupationGroup),
    }),
    region: t.string({
      nullable: true,
      description: 'Country or NUTS code, or null for all regions.',
      resolve: (c) => c.region,
    }),
    sectorName: t.string({
      nullable: true,
      description: 'The NACE Rev.2 name of the sector (official list); null for all sectors.',
      resolve: (c, _a, context) => sectorName(context, c.sector),
    }),
    regionName: t.string({
      nullable: true,
      description: 'The NUTS or country name of the region (official list); null for all regions.',
      resolve: (c, _a, context) => regionName(context, c.region),
    }),
    period: t.string({ description: 'The period.', resolve: (c) => c.period }),
    metric: t.string({ description: 'The demand metric used.', resolve: (c) => c.metric }),
    unit: t.string({
      description: 'The unit of sliceTotal and of skill demand (thousand persons, vacancies, …).',
      resolve: (c) => c.unit,
    }),
    source: t.string({ nullable: true, description: 'The demand source used.', resolve: (c) => c.source }),
    sliceTotal: t.float({
      description:
        'The slice’s published figures summed, in `unit`: the persons employed in the sector (or its vacancies), each counted once (as SkillGapSlice.total).',
      resolve: (c) => c.sliceTotal,
    }),
    skillsInDemand: t.int({
      description: 'Skills with derived demand in the slice.',
      resolve: (c) => c.skillsInDemand,
    }),
    skillDemandSummedOverSkills: t.float({
      description:
        'Σ skill demand over the skills in demand, in `unit`: a person counts once for every skill their occupation needs, so this is not a head count (see sliceTotal).',
      resolve: (c) => c.skillDemandSummedOverSkills,
    }),
    ownSkills: t.int({
      description:
        'Skills in demand that are the sector’s own: their share of the sector’s demand is at least their share across all sectors (all skills without a sector).',
      resolve: (c) => c.ownSkills,
    }),
    gapIndex: t.float({
      nullable: true,
      description:
        'Σ demand × (1 − coverage) / Σ demand over the sector’s own skills, coverage by the cell’s offers: the share of the demand for what is particular to the sector that none of its offers covers (0 all covered, 1 none); null when the slice has no demand for own skills.',
      resolve: (c) => c.gapIndex,
    }),
    coveredShareOfDemand: t.float({
      description:
        'Σ demand × coverage / Σ demand over every skill in demand: the share of all its skill demand the cell’s offers cover (0–1).',
      resolve: (c) => c.coveredShareOfDemand,
    }),
    qualificationCoveredShareOfDemand: t.float({
      description:
        'Σ demand × qualification coverage / Σ demand over every skill in demand: the share the qualification routes reaching the region (apprenticeship standards) cover, counted apart from the offers (0–1).',
      resolve: (c) => c.qualificationCoveredShareOfDemand,
    }),
    green: t.field({ type: Shares, description: 'Green share of demand against supply.', resolve: (c) => c.green }),
    digital: t.field({
      type: Shares,
      description: 'Digital share of demand against supply.',
      resolve: (c) => c.digital,
    }),
    offers: t.int({
      description:
        'Published offers reaching the region that belong to the sector (by its NACE codes, target occupations or taught skills; see supply).',
      resolve: (c) => c.offers,
    }),
    offersReachingRegion: t.int({
      description: 'Published offers reaching the region, of any sector.',
      resolve: (c) => c.offersReachingRegion,
    }),
    supply: t.field({
      type: [CountedOfferRef],
      description: 'The offers counted as the cell’s supply, each with the rules it was counted by.',
      resolve: (c) => c.supply,
    }),
    averageCompleteness: t.float({
      nullable: true,
      description: 'The cell’s offers’ mean Annex I completeness score (0–1); null without offers.',
      resolve: (c) => c.averageCompleteness,
    }),
    trend: t.field({
      type: TrendRef,
      description: 'The cell against the earlier period of the same source: its values then and the changes.',
      resolve: (c) => c.trend,
    }),
    rankBy: t.field({ type: RankByEnum, description: 'The ranking topSkills follow.', resolve: (c) => c.rankBy }),
    topSkills: t.field({
      type: [SkillGapRef],
      description: `The first ${DASHBOARD_WEIGHTS.TOP_SKILLS} skills of the slice’s ranking by rankBy (as sectorSkillGaps gives them, coverage by every offer reaching the region).`,
      resolve: (c) => c.topSkills,
    }),
    explanation: t.string({
      description:
        'The cell in words: totals with their unit, which offers count and why, the gap index and the trend.',
      resolve: (c) => c.explanation,
    }),
  }),
});

builder.queryFields((t) => ({
  skillsDashboard: t.field({
    type: [CellRef],
    nullable: { list: false, items: true },
    description:
      'Dashboard aggregates by sector × region × period: the slice total, the sector’s own supply and gap index, green and digital shares, the trend and the top skills. One cell per sector in `sectors`, or per occupation group in `occupationGroups` (one the data cannot answer is null, its error at its index), else one for `sector`.',
    args: {
      ...sliceArgs,
      sectors: t.arg.stringList({ description: 'Several NACE codes, one cell each (at most 25).' }),
      occupationGroups: t.arg.stringList({
        description:
          'Several occupation groups (ISCO:7, KLDB:3), one cell each (at most 25), for data without sectors such as the German PES figures; each group’s own skills are measured against all occupations of the region.',
      }),
      rankBy: t.arg({ type: RankByEnum, description: 'How topSkills are ranked (default GAP).' }),
    },
    resolve: async (_root, args, context) => {
      for (const [list, one, what] of [
        ['sectors', 'sector', 'NACE code'],
        ['occupationGroups', 'occupationGroup', 'occupation group'],
      ] as const) {
        const asked = args[list];
        if (asked && asked.length === 0)
          throw new UserInputError(list, `give at least one ${what}, or leave ${list} out for one cell of \`${one}\``);
        if (asked && asked.length > 25) throw new UserInputError(list, `at most 25 (got ${asked.length})`);
      }
      if (args.sectors && args.sector)
        throw new UserInputError('sector', 'give either sector (one cell) or sectors (one cell each), not both');
      if (args.occupationGroups && args.occupationGroup)
        throw new UserInputError(
          'occupationGroup',
          'give either occupationGroup (one cell) or occupationGroups (one cell each), not both',
        );
      if (args.sectors && args.occupationGroups)
        throw new UserInputError('occupationGroups', 'give either sectors or occupationGroups as the cells, not both');
      const rows: Row[] = args.occupationGroups
        ? args.occupationGroups.map((group) => ({ sector: args.sector ?? null, occupationGroup: group }))
        : (args.sectors ?? [args.sector ?? null]).map((sector) => ({
            sector,
            occupationGroup: args.occupationGroup ?? null,
          }));
      const listed = args.occupationGroups ? 'occupationGroups' : args.sectors ? 'sectors' : null;
      const rankBy: RankBy = args.rankBy ?? 'GAP';
      const cells = await cachedDerivation(
        context,
        'dashboard',
        [rows, args.region ?? null, args.period ?? null, args.metric ?? null, listed, rankBy],
        () => dashboardCells(context, args, rows, listed, rankBy),
      );
      // A cell that could not be answered is null in the list, with its error at its index.
      return cells.map((cell) => (cell instanceof UserInputError ? Promise.reject(cell) : cell));
    },
  }),
}));

/** Each occupation's share of the slice's occupation demand (skill-demand.ts's split of the same figures). */
async function occupationShares(context: HubContext, args: SliceArgs): Promise<Map<string, number>> {
  const slice = await readDemandSlice(context, args, null, await sharedInputs(context));
  const demand = deriveOccupationDemand(slice.chosen.signals, slice.index, slice.derivation);
  const total = [...demand.values()].reduce((sum, d) => sum + d.demand, 0);
  return new Map([...demand.entries()].map(([uri, d]) => [uri, total > 0 ? d.demand / total : 0]));
}

/** One cell's slice: the sector and occupation group it is of. */
type Row = { sector: string | null; occupationGroup: string | null };

/** The cells of a dashboard request, computed on a cache miss; every row's slice shares one read of the figures and the offers. */
async function dashboardCells(
  context: HubContext,
  args: SliceArgs,
  rows: Row[],
  /** The list the rows came as: a row the data cannot answer is an error at its index, the others answered. */
  listed: 'sectors' | 'occupationGroups' | null,
  rankBy: RankBy,
): Promise<Array<Cell | UserInputError>> {
  const shared = await sharedInputs(context);
  const { offers } = shared;
  // The offers' NACE codes and target occupations, beside their supply.
  const stored = new Map(
    (
      await loadExisting(
        context.loaders.catalogue.microCredential,
        offers.map((o) => o.id),
      )
    ).map((m) => [m.id, m]),
  );
  const withSectors: DashboardOffer[] = offers.map((offer) => ({
    ...offer,
    sectors: stored.get(offer.id)?.sectors ?? [],
    targetOccupations: stored.get(offer.id)?.targetOccupations ?? [],
  }));
  const cells: Array<Cell | UserInputError> = [];
  for (const [i, row] of rows.entries()) {
    const sliceArgsOf = { ...args, ...row };
    // What the cell is of: listed groups, else its sector, else its group (a group row keeps the request's sector as a filter).
    const scope: CellScope =
      row.occupationGroup !== null && (listed === 'occupationGroups' || row.sector === null)
        ? { occupationGroup: row.occupationGroup }
        : row.sector !== null
          ? { sector: row.sector }
          : null;
    let answer: Awaited<ReturnType<typeof skillGapsOnce>>;
    let topSkills: GapRow[];
    try {
      answer = await skillGapsOnce(context, sliceArgsOf);
      topSkills = (await rankedGaps(context, sliceArgsOf, answer.slice, answer.gaps, rankBy))
        .slice(0, DASHBOARD_WEIGHTS.TOP_SKILLS)
        .map((gap, k) => ({ ...gap, rank: k + 1, slice: answer.slice }));
    } catch (error) {
      if (!listed || !(error instanceof UserInputError) || error.extensions.field === 'region') throw error;
      const own = listed === 'sectors' ? 'sector' : 'occupationGroup';
      const field = error.extensions.field === own ? `${listed}[${i}]` : String(error.extensions.field);
      cells.push(new UserInputError(field, error.message.replace(/^[^:]+: /, '')));
      continue;
    }
    const { slice, gaps } = answer;
    const same = { period: slice.period, metric: slice.metric };
    // The parent the cell's own skills and occupations are measured against: all sectors (or all occupations) of the region.
    const parentArgs =
      scope === null
        ? null
        : 'sector' in scope
          ? { ...sliceArgsOf, ...same, sector: null }
          : { ...sliceArgsOf, ...same, occupationGroup: null };
    const parentShares = parentArgs ? await demandSharesOnce(context, parentArgs) : null;
    // Without a sector or group, every skill in demand is the slice's (null); cellSupply then counts every offer reaching the region.
    const ownSkills = parentShares ? ownOf(new Map(gaps.map((g) => [g.skillUri, g.demandShare])), parentShares) : null;
    const reaching = withSectors.filter((offer) => offerReachesRegion(offer, slice.region));
    // Occupation demand is derived only when an offer reaching the region names target occupations.
    const ownOccupations =
      parentArgs && reaching.some((o) => o.targetOccupations.length > 0)
        ? ownOf(
            await occupationShares(context, { ...sliceArgsOf, ...same }),
            await occupationShares(context, parentArgs),
          )
        : new Set<string>();
    const supply = cellSupply(reaching, scope, slice.region, {
      skills: ownSkills ?? new Set(),
      occupations: ownOccupations,
    });
    const uris = [
      ...new Set([...gaps.map((g) => g.skillUri), ...reaching.flatMap((o) => o.links.map((l) => l.skillUri))]),
    ];
    const skills = await loadExisting(context.loaders.taxonomy.skill, uris);
    const [green, digital] = await Promise.all([
      skillRelevances(context, skills, 'green'),
      skillRelevances(context, skills, 'digital'),
    ]);
    const cellOf = (sliceTotal: number, ofGaps: typeof gaps) =>
      dashboardCell({
        sliceTotal,
        gaps: ofGaps,
        ownSkills,
        supply,
        offersReachingRegion: reaching.length,
        region: slice.region,
        relevance: { green, digital },
      });
    const cell = cellOf(slice.total, gaps);
    // The previous period's cell: the same slice's figures of the period the gap rows compare with (same
    // source and metric, as readDemandSlice chose them), ranked without offers or a further trend.
    let previous: { period: string; cell: DashboardCell } | null = null;
    if (gaps.some((g) => g.trendPeriod !== null)) {
      const read = await readDemandSlice(context, { ...sliceArgsOf, ...same }, null, shared);
      if (read.previous) {
        const before = rankSkillGaps(
          {
            slice: { sector: slice.sector, region: slice.region, period: read.previous.period, metric: slice.metric },
            signals: read.previous.signals,
            previous: null,
            offers: [],
            index: read.index,
            options: read.derivation,
          },
          { evidence: 'ON_DEMAND' },
        );
        previous = { period: read.previous.period, cell: cellOf(before.slice.total, before.gaps) };
      }
    }
    const trend = cellTrend(cell, gaps, previous);
    const where = [
      slice.sector ? `Sector ${slice.sector}` : slice.occupationGroup ? null : 'All sectors',
      slice.occupationGroup,
      slice.region ?? 'all regions',
      slice.period,
    ]
      .filter(Boolean)
      .join(' × ');
    cells.push({
      ...cell,
      sector: slice.sector,
      occupationGroup: row.occupationGroup,
      region: slice.region,
      period: slice.period,
      metric: slice.metric,
      unit: slice.unit,
      source: slice.source,
      trend,
      explanation: explainCell(cell, trend, slice.unit, where, scopeNoun(scope)),
      topSkills,
      rankBy,
    });
  }
  return cells;
}
