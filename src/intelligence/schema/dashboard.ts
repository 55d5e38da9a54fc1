import { UserInputError } from '../../errors.js';
import { builder } from '../../graphql/builder.js';
import { type HubContext, loadExisting } from '../../graphql/context.js';
import { type DashboardCell, dashboardCell } from '../dashboard.js';
import { sharedInputs } from '../demand-slice.js';
import { cachedDerivation, skillGapsOnce, sliceArgs } from './gaps.js';
import { skillRelevances } from './relevance.js';

type Cell = DashboardCell & {
  sector: string | null;
  region: string | null;
  period: string;
  metric: string;
  unit: string;
  source: string | null;
};

const Shares = builder.objectRef<{ demandShare: number; supplyShare: number }>('TransitionShares').implement({
  description: 'A transition’s share of demand against its share of supply.',
  fields: (t) => ({
    demandShare: t.float({
      description: 'Σ skill demand × relevance / Σ skill demand.',
      resolve: (s) => s.demandShare,
    }),
    supplyShare: t.float({
      description: 'Mean relevance of the skills the region’s offers teach, links weighted by state.',
      resolve: (s) => s.supplyShare,
    }),
  }),
});

const CellRef = builder.objectRef<Cell>('DashboardCell').implement({
  description: 'Aggregates of one sector × region × period for dashboards (docs/skills-intelligence.md).',
  fields: (t) => ({
    sector: t.string({ nullable: true, description: 'NACE code, or null for all sectors.', resolve: (c) => c.sector }),
    region: t.string({
      nullable: true,
      description: 'Country or NUTS code, or null for all regions.',
      resolve: (c) => c.region,
    }),
    period: t.string({ description: 'The period.', resolve: (c) => c.period }),
    metric: t.string({ description: 'The demand metric used.', resolve: (c) => c.metric }),
    unit: t.string({ description: 'Unit of demand.', resolve: (c) => c.unit }),
    source: t.string({ nullable: true, description: 'The demand source used.', resolve: (c) => c.source }),
    skillsInDemand: t.int({
      description: 'Skills with derived demand in the slice.',
      resolve: (c) => c.skillsInDemand,
    }),
    totalSkillDemand: t.float({
      description: 'Σ skill demand (persons in occupations needing each skill, summed over skills).',
      resolve: (c) => c.totalSkillDemand,
    }),
    gapIndex: t.float({
      description:
        'Σ demand × (1 − coverage) / Σ demand: the share of skill demand no quality-assured offer in the region covers (0 all covered, 1 none).',
      resolve: (c) => c.gapIndex,
    }),
    coveredShareOfDemand: t.float({ description: '1 − gapIndex.', resolve: (c) => c.coveredShareOfDemand }),
    green: t.field({ type: Shares, description: 'Green share of demand against supply.', resolve: (c) => c.green }),
    digital: t.field({
      type: Shares,
      description: 'Digital share of demand against supply.',
      resolve: (c) => c.digital,
    }),
    offers: t.int({ description: 'Published offers reaching the region.', resolve: (c) => c.offers }),
    averageCompleteness: t.float({
      nullable: true,
      description: 'Their mean Annex I completeness score.',
      resolve: (c) => c.averageCompleteness,
    }),
  }),
});

builder.queryFields((t) => ({
  skillsDashboard: t.field({
    type: [CellRef],
    description:
      'Dashboard aggregates by sector × region × period: gap index, green and digital shares of demand against supply, offers and their completeness. One cell per sector in `sectors`, else one for `sector`.',
    args: {
      ...sliceArgs,
      sectors: t.arg.stringList({ description: 'Several NACE codes, one cell each (at most 25).' }),
    },
    resolve: async (_root, args, context) => {
      const sectors = args.sectors && args.sectors.length > 0 ? args.sectors : [args.sector ?? null];
      if (sectors.length > 25) throw new UserInputError('sectors', `at most 25 (got ${sectors.length})`);
      return cachedDerivation(
        context,
        'dashboard',
        [sectors, args.region ?? null, args.period ?? null, args.metric ?? null],
        () => dashboardCells(context, args, sectors),
      );
    },
  }),
}));

/** The cells of a dashboard request, computed on a cache miss; every sector's slice shares one read of the figures and the offers. */
async function dashboardCells(
  context: HubContext,
  args: { region?: string | null; period?: string | null; metric?: string | null },
  sectors: Array<string | null>,
): Promise<Cell[]> {
  const { offers } = await sharedInputs(context);
  const cells: Cell[] = [];
  for (const sector of sectors) {
    const { slice, gaps } = await skillGapsOnce(context, { ...args, sector });
    const uris = [
      ...new Set([...gaps.map((g) => g.skillUri), ...offers.flatMap((o) => o.links.map((l) => l.skillUri))]),
    ];
    const skills = await loadExisting(context.loaders.taxonomy.skill, uris);
    const [green, digital] = await Promise.all([
      skillRelevances(context, skills, 'green'),
      skillRelevances(context, skills, 'digital'),
    ]);
    cells.push({
      ...dashboardCell(gaps, offers, slice.region, { green, digital }),
      sector: slice.sector,
      region: slice.region,
      period: slice.period,
      metric: slice.metric,
      unit: slice.unit,
      source: slice.source,
    });
  }
  return cells;
}
