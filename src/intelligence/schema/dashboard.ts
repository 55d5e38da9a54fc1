import { UserInputError } from '../../errors.js';
import { builder } from '../../graphql/builder.js';
import { type HubContext, loadExisting } from '../../graphql/context.js';
import { type DashboardCell, dashboardCell } from '../dashboard.js';
import { sharedInputs } from '../demand-slice.js';
import { cachedDerivation, regionName, sectorName, skillGapsOnce, sliceArgs } from './gaps.js';
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
    nullable: { list: false, items: true },
    description:
      'Dashboard aggregates by sector × region × period: gap index, green and digital shares of demand against supply, offers and their completeness. One cell per sector in `sectors` (a sector the data cannot answer is null, its error at its index), else one for `sector`.',
    args: {
      ...sliceArgs,
      sectors: t.arg.stringList({ description: 'Several NACE codes, one cell each (at most 25).' }),
    },
    resolve: async (_root, args, context) => {
      if (args.sectors && args.sectors.length === 0)
        throw new UserInputError(
          'sectors',
          'give at least one NACE code, or leave sectors out for one cell of `sector`',
        );
      if (args.sectors && args.sector)
        throw new UserInputError('sector', 'give either sector (one cell) or sectors (one cell each), not both');
      const sectors = args.sectors ?? [args.sector ?? null];
      if (sectors.length > 25) throw new UserInputError('sectors', `at most 25 (got ${sectors.length})`);
      const cells = await cachedDerivation(
        context,
        'dashboard',
        [
          sectors,
          args.region ?? null,
          args.period ?? null,
          args.metric ?? null,
          args.occupationGroup ?? null,
          args.sectors != null,
        ],
        () => dashboardCells(context, args, sectors, args.sectors != null),
      );
      // A cell that could not be answered is null in the list, with its error at its index.
      return cells.map((cell) => (cell instanceof UserInputError ? Promise.reject(cell) : cell));
    },
  }),
}));

/** The cells of a dashboard request, computed on a cache miss; every sector's slice shares one read of the figures and the offers. */
async function dashboardCells(
  context: HubContext,
  args: { region?: string | null; period?: string | null; metric?: string | null; occupationGroup?: string | null },
  sectors: Array<string | null>,
  /** The sectors came as a list: a sector the data cannot answer is an error at its index, the others answered. */
  listed: boolean,
): Promise<Array<Cell | UserInputError>> {
  const { offers } = await sharedInputs(context);
  const cells: Array<Cell | UserInputError> = [];
  for (const [i, sector] of sectors.entries()) {
    let answer: Awaited<ReturnType<typeof skillGapsOnce>>;
    try {
      answer = await skillGapsOnce(context, { ...args, sector });
    } catch (error) {
      if (!listed || !(error instanceof UserInputError) || error.extensions.field === 'region') throw error;
      const field = error.extensions.field === 'sector' ? `sectors[${i}]` : String(error.extensions.field);
      cells.push(new UserInputError(field, error.message.replace(/^[^:]+: /, '')));
      continue;
    }
    const { slice, gaps } = answer;
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
