import { builder } from '../../graphql/builder.js';
import { type MetricCoverage, coverageByMetric } from '../availability.js';
import { type DemandSourceRow, demandSources, sourceCoverages } from '../store.js';
import { KLDB_AREAS, referenceLists, regionAncestry } from '../../demand/reference.js';
import type { HubContext } from '../../graphql/context.js';
import { occupationGroupName, regionName, sectorName } from './gaps.js';

/**
 * `demandSources`: what demand data the hub holds and what it can answer, per source and metric, with
 * the names of the NUTS and NACE codes from the official lists (src/demand/reference.ts).
 */

interface CodeName {
  code: string;
  name: string | null;
}

const CodeNameRef = builder.objectRef<CodeName>('CodeName').implement({
  description: 'A code of an official list with its name there (null when the list does not name it).',
  fields: (t) => ({
    code: t.exposeString('code', {
      description: 'The code (NUTS, ISO 3166, German AGS, NACE Rev.2, ISCO:n, KLDB:n).',
    }),
    name: t.exposeString('name', { nullable: true, description: 'Its name in the official list.' }),
  }),
});

interface MetricCoverageRow extends Omit<MetricCoverage, 'regions' | 'sectors'> {
  regions: CodeName[];
  regionsAbove: CodeName[];
  sectors: CodeName[];
  occupationGroups: CodeName[];
}

/**
 * The top occupation groups a metric's figures can be sliced by, from its grains: the ISCO-08 major groups
 * ESCO has occupations in for ISCO or ESCO figures, the KldB 2010 areas the BA's mapping reaches for KldB ones.
 */
function topOccupationGroups(context: HubContext, targets: string[]): CodeName[] {
  const codes: string[] = [];
  if (targets.some((t) => t.startsWith('ISCO') || t === 'OCCUPATION'))
    for (const digit of '0123456789') if (context.taxonomy?.iscoGroupByCode(digit)) codes.push(`ISCO:${digit}`);
  if (targets.some((t) => t.startsWith('KLDB'))) {
    const mapped = [...referenceLists(context.referenceDir).kldbToEsco.keys()];
    for (const [digit] of KLDB_AREAS) if (mapped.some((group) => group.startsWith(digit))) codes.push(`KLDB:${digit}`);
  }
  return codes.map((code) => ({ code, name: occupationGroupName(context, code) }));
}

const MetricCoverageRef = builder.objectRef<MetricCoverageRow>('DemandMetricCoverage').implement({
  description: 'What a source has figures for, for one metric: the slices it can answer.',
  fields: (t) => ({
    metric: t.exposeString('metric', { description: 'The metric (EMPLOYMENT, VACANCIES, UNEMPLOYED, …).' }),
    periods: t.exposeStringList('periods', { description: 'The periods with figures, oldest first.' }),
    regions: t.field({
      type: [CodeNameRef],
      description: 'The regions with figures (countries, NUTS 1–3), with their names.',
      resolve: (m) => m.regions,
    }),
    regionsAbove: t.field({
      type: [CodeNameRef],
      description:
        'The regions above those with figures, which its figures add up to (a German district’s NUTS 2 and 1 region and DE), with their names.',
      resolve: (m) => m.regionsAbove,
    }),
    sectors: t.field({
      type: [CodeNameRef],
      description: 'The NACE Rev.2 sectors with figures, with their names; empty when the source has no sector.',
      resolve: (m) => m.sectors,
    }),
    occupationGroups: t.field({
      type: [CodeNameRef],
      description:
        'The top occupation groups its figures can be sliced by (ISCO:1 … from ISCO or ESCO figures, KLDB:1 … from KldB ones), with their names.',
      resolve: (m) => m.occupationGroups,
    }),
    allSectors: t.exposeBoolean('allSectors', { description: 'Whether it has figures for all sectors together.' }),
    targets: t.exposeStringList('targets', {
      description: 'The grains its figures name: ISCO-1 … ISCO-4 (ISCO-08 digits), KLDB-3, OCCUPATION (ESCO), SKILL.',
    }),
  }),
});

interface SourceRow {
  source: DemandSourceRow;
  coverage: MetricCoverageRow[];
}

const DemandSourceRef = builder.objectRef<SourceRow>('DemandSource').implement({
  description: 'An imported source of demand figures: where it comes from, under which licence, and what it covers.',
  fields: (t) => ({
    id: t.string({ description: 'The source id (as in evidence and slices).', resolve: (s) => s.source.id }),
    name: t.string({ description: 'Its name.', resolve: (s) => s.source.name }),
    citation: t.string({ description: 'How to cite it.', resolve: (s) => s.source.citation }),
    licence: t.string({ description: 'Its licence.', resolve: (s) => s.source.licence }),
    retrievedOn: t.string({
      nullable: true,
      description: 'When the figures were retrieved (YYYY-MM-DD); null: not given.',
      resolve: (s) => s.source.retrievedOn,
    }),
    periods: t.stringList({ description: 'Every period it has figures for.', resolve: (s) => s.source.periods }),
    coverage: t.field({
      type: [MetricCoverageRef],
      description: 'Per metric, the periods, regions, sectors and grains it has figures for.',
      resolve: (s) => s.coverage,
    }),
  }),
});

builder.queryFields((t) => ({
  demandSources: t.field({
    type: [DemandSourceRef],
    description:
      'The demand sources the hub holds and what each can answer (metrics, periods, regions, sectors, grains), to know which slices can be asked.',
    resolve: async (_root, _args, context) => {
      const sources = await demandSources(context.graph);
      const coverages = await sourceCoverages(context.graph, sources);
      return sources.map((source, i) => ({
        source,
        coverage: coverageByMetric(coverages[i].entries).map((m) => ({
          ...m,
          regions: m.regions.map((code) => ({ code, name: regionName(context, code) })),
          regionsAbove: [...new Set(m.regions.flatMap((code) => regionAncestry(code).slice(1)))]
            .filter((code) => !m.regions.includes(code) && regionName(context, code) !== null)
            .sort()
            .map((code) => ({ code, name: regionName(context, code) })),
          sectors: m.sectors.map((code) => ({ code, name: sectorName(context, code) })),
          occupationGroups: topOccupationGroups(context, m.targets),
        })),
      }));
    },
  }),
}));
