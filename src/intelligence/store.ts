import { assessCompleteness } from '../catalogue/completeness.js';
import { PerStamp, PromiseMemo } from '../cache.js';
import { type CoverageEntry, coverageFromFigures } from '../demand/coverage.js';
import type { GraphClient } from '../graph/client.js';
import { type HubContext, loadExisting } from '../graphql/context.js';
import type { TaxonomySnapshot } from '../taxonomy/snapshot.js';
import type { SourceCoverage } from './availability.js';
import type { OfferSupply } from './gaps.js';
import type { RouteDuties } from './standard-units.js';
import { OccupationIndex, type OccupationNeeds, type SignalInput } from './skill-demand.js';

/** Reads for skills intelligence: each a fixed number of round trips, whatever the size of the answer. */

export interface DemandSourceRow {
  id: string;
  name: string;
  retrievedOn: string | null;
  periods: string[];
  contentHash: string;
  citation: string;
  licence: string;
  /** How many rollups of its regional figures the source has (src/demand/rollups.ts); null when imported before rollups were written. */
  rollups: number | null;
}

/** The demand sources, as the graph holds them when the call is made (a shared read: every request checks them). */
export async function demandSources(graph: GraphClient): Promise<DemandSourceRow[]> {
  return graph.readShared<DemandSourceRow>(
    `MATCH (s:DemandSource) RETURN s.id AS id, s.name AS name, s.retrievedOn AS retrievedOn, s.periods AS periods,
            s.contentHash AS contentHash, s.citation AS citation, s.licence AS licence, s.rollups AS rollups ORDER BY id`,
  );
}

/**
 * What each source has figures for (recorded at import; computed from the figures for a source imported
 * before coverage was recorded), with a short name for messages, held per demand stamp.
 */
export function sourceCoverages(graph: GraphClient, sources: DemandSourceRow[]): Promise<SourceCoverage[]> {
  return cachedPerDemandStamp('coverage', demandStamp(sources), async () => {
    const rows = await graph.read<{ id: string; coverage: string | null }>(
      'MATCH (s:DemandSource) RETURN s.id AS id, s.coverage AS coverage ORDER BY id',
    );
    return Promise.all(
      sources.map(async (source) => {
        const stored = rows.find((row) => row.id === source.id)?.coverage;
        return {
          id: source.id,
          name: shortSourceName(source.name),
          entries: stored ? (JSON.parse(stored) as CoverageEntry[]) : await coverageFromFigures(graph, source.id),
        };
      }),
    );
  });
}

/** "Eurostat Labour Force Survey" of "Eurostat Labour Force Survey: employment by …". */
export function shortSourceName(name: string): string {
  return name.split(/: | \(/)[0];
}

/**
 * The figures of these periods within the region and sector (prefix match: NUTS and NACE codes nest),
 * with their source's name and date. Figures of one target in several regions of the same level are
 * added up in the database (the 401 districts of Germany come back as one figure per occupation
 * group, with how many parts it had), so a slice costs one round trip of a few hundred rows.
 */
const sliceCache = new PromiseMemo<SignalInput[]>(256);

/** signalsFor, held per demand stamp (figures change only on import): a dashboard's repeated slices cost no round trip. */
export function cachedSignalsFor(
  graph: GraphClient,
  stamp: string,
  query: SignalQuery,
  /** The sources with rollups (DemandSourceRow.rollups set). */
  rolledUp: string[] = [],
): Promise<SignalInput[]> {
  return sliceCache.get(
    JSON.stringify([stamp, [...query.sources].sort(), [...query.periods].sort(), query.region, query.sector]),
    () => signalsFor(graph, query, rolledUp),
  );
}

/** The sources that can answer the slice (availability.ts), its periods, region and sector. */
export interface SignalQuery {
  sources: string[];
  periods: string[];
  region: string | null;
  sector: string | null;
}

export async function signalsFor(
  graph: GraphClient,
  query: SignalQuery,
  rolledUp: string[] = [],
): Promise<SignalInput[]> {
  // Sources with rollups (src/demand/rollups.ts) answer a region from its own figures and the sums of the figures
  // below it, written at import; the others add up the figures below it here.
  const rolled = query.region === null ? [] : query.sources.filter((id) => rolledUp.includes(id));
  const summed = query.sources.filter((id) => !rolled.includes(id));
  const rows = await graph.read<{
    key: string;
    sourceId: string;
    sourceName: string;
    retrievedOn: string | null;
    metric: string;
    value: number | null;
    unit: string;
    period: string;
    regions: string[];
    level: number;
    sector: string | null;
    targetKind: SignalInput['targetKind'];
    targetCode: string;
    flags: string[];
    low: boolean;
    figures: number;
    published: number;
  }>(
    `CALL () {
       MATCH (s:DemandSignal) WHERE s.sourceId IN $summed AND s.period IN $periods AND s.metric <> 'OCCUPATION_MIX'
         AND ($region IS NULL OR s.region STARTS WITH $region)
         AND ($sector IS NULL OR s.sector STARTS WITH $sector)
       WITH s.sourceId AS sourceId, s.metric AS metric, s.period AS period, s.sector AS sector, s.targetKind AS targetKind, s.targetCode AS targetCode,
            size(s.region) AS level, collect(s) AS figures
       RETURN head(figures).key AS key, sourceId, metric, period, sector, targetKind, targetCode, level,
              [f IN figures | f.region][..2] AS regions, head(figures).unit AS unit,
              reduce(total = 0.0, f IN figures | total + coalesce(f.value, 0.0)) AS value,
              size(figures) AS figures, size([f IN figures WHERE f.value IS NOT NULL]) AS published,
              reduce(all = [], f IN figures | all + coalesce(f.flags, [])) AS flags,
              any(f IN figures WHERE f.reliability = 'LOW') AS low
       UNION ALL
       MATCH (s:DemandSignal) WHERE s.sourceId IN $rolled AND s.period IN $periods AND s.region = $region
         AND s.metric <> 'OCCUPATION_MIX' AND ($sector IS NULL OR s.sector STARTS WITH $sector)
       RETURN s.key AS key, s.sourceId AS sourceId, s.metric AS metric, s.period AS period, s.sector AS sector,
              s.targetKind AS targetKind, s.targetCode AS targetCode, size(s.region) AS level, [s.region] AS regions,
              s.unit AS unit, coalesce(s.value, 0.0) AS value, 1 AS figures, CASE WHEN s.value IS NULL THEN 0 ELSE 1 END AS published,
              coalesce(s.flags, []) AS flags, s.reliability = 'LOW' AS low
       UNION ALL
       MATCH (r:DemandRollup) WHERE r.sourceId IN $rolled AND r.period IN $periods AND r.region = $region
         AND ($sector IS NULL OR r.sector STARTS WITH $sector)
       RETURN r.firstKey AS key, r.sourceId AS sourceId, r.metric AS metric, r.period AS period, r.sector AS sector,
              r.targetKind AS targetKind, r.targetCode AS targetCode, r.level AS level, r.regions AS regions, r.unit AS unit,
              coalesce(r.value, 0.0) AS value, r.figures AS figures, r.published AS published, r.flags AS flags, r.low AS low
     }
     MATCH (src:DemandSource {id: sourceId})
     RETURN key, sourceId, src.name AS sourceName, metric, period, sector, targetKind, targetCode, level, regions, unit, value,
            figures, published, flags, low, src.retrievedOn AS retrievedOn
     ORDER BY key`,
    { ...query, summed, rolled },
  );
  // In key order (a sum's key is made here, so the database's order is not the answer's).
  const signals = rows.map((row): SignalInput => {
    const value = row.published === 0 ? null : Math.round((row.value ?? 0) * 1e4) / 1e4;
    const several = row.figures > 1;
    return {
      key: several
        ? `${row.sourceId}|${row.metric}|${row.period}|${query.region ?? 'all'}|${row.sector ?? '*'}|${row.targetKind}|${row.targetCode} (sum of ${row.figures})`
        : row.key,
      sourceId: row.sourceId,
      sourceName: row.sourceName,
      metric: row.metric,
      value,
      unit: row.unit,
      period: row.period,
      region: several ? (query.region ?? 'all') : row.regions[0],
      regionLevel: row.level,
      sector: row.sector ?? null,
      targetKind: row.targetKind,
      targetCode: row.targetCode,
      flags: [...new Set(row.flags)].sort(),
      reliability: value === null ? 'NOT_PUBLISHED' : row.low ? 'LOW' : 'NORMAL',
      retrievedOn: row.retrievedOn ?? null,
      ...(several ? { parts: { figures: row.figures, notPublished: row.figures - row.published } } : {}),
    };
  });
  return signals.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * The weights (job ads per unit group, the occupation mix) change only when demand is imported, so
 * they are held per demand stamp (the sources' content hashes) and read from the graph once.
 */
const perDemandStamp = new Map<string, PerStamp<unknown>>();
export function cachedPerDemandStamp<T>(name: string, stamp: string, read: () => Promise<T>): Promise<T> {
  let held = perDemandStamp.get(name);
  if (!held) perDemandStamp.set(name, (held = new PerStamp<unknown>()));
  return held.get(stamp, read) as Promise<T>;
}

export function demandStamp(sources: DemandSourceRow[]): string {
  return sources.map((s) => `${s.id}:${s.contentHash}`).join(',');
}

/** The unit-group weights and the occupation mix, held per demand stamp (read once per import). */
export function cachedSplitWeights(graph: GraphClient, stamp: string) {
  return Promise.all([
    cachedPerDemandStamp('unit-group weights', stamp, () => unitGroupWeights(graph)),
    cachedPerDemandStamp('occupation mix', stamp, () => occupationMix(graph)),
  ]);
}

/**
 * Reads what every slice shares (the sources' coverage, the unit-group weights, the occupation mix) into the
 * per-import caches: at start, so that the first slice asked does not pay for them.
 */
export async function warmDemandTables(graph: GraphClient): Promise<void> {
  const sources = await demandSources(graph);
  await Promise.all([sourceCoverages(graph, sources), cachedSplitWeights(graph, demandStamp(sources))]);
}

/** Job-ad counts per ISCO unit group (EU-wide), the weights that shape a coarse group's split. */
export async function unitGroupWeights(
  graph: GraphClient,
): Promise<{ byUnitGroup: Map<string, number>; source: string } | null> {
  const rows = await graph.read<{ code: string; value: number; source: string }>(
    `MATCH (s:DemandSignal {metric: 'JOB_ADS'}) WHERE s.targetKind = 'ISCO' AND s.region = 'EU' AND size(s.targetCode) = 4 AND s.value IS NOT NULL
     MATCH (src:DemandSource {id: s.sourceId})
     RETURN s.targetCode AS code, s.value AS value, src.name + ' (' + s.period + ')' AS source ORDER BY code`,
  );
  if (rows.length === 0) return null;
  return {
    byUnitGroup: new Map(rows.map((row) => [row.code, row.value])),
    source: `EU online job-ad counts per unit group: ${rows[0].source}`,
  };
}

/** Jobs per ESCO occupation within each NACE section, from an imported occupation-mix proxy, or null. */
export async function occupationMix(
  graph: GraphClient,
): Promise<{ bySection: Map<string, Map<string, number>>; source: string } | null> {
  const rows = await graph.read<{ section: string; uri: string; value: number; source: string }>(
    `MATCH (s:DemandSignal {metric: 'OCCUPATION_MIX'}) WHERE s.targetKind = 'OCCUPATION' AND s.value IS NOT NULL
     MATCH (src:DemandSource {id: s.sourceId})
     RETURN s.sector AS section, s.targetCode AS uri, s.value AS value, src.id AS source`,
  );
  if (rows.length === 0) return null;
  const bySection = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const section = bySection.get(row.section) ?? new Map<string, number>();
    section.set(row.uri, row.value);
    bySection.set(row.section, section);
  }
  return { bySection, source: `the occupation mix by sector of ${rows[0].source}` };
}

/**
 * A stamp of the catalogue's state as supply sees it: every offer, qualification, provider or link write moves a
 * count or a latest time (offers and providers keep updatedAt; links linkedAt and reviewedAt).
 */
export async function catalogueStamp(graph: GraphClient): Promise<string> {
  const [row] = await graph.readShared<Record<string, unknown>>(
    `CALL { MATCH (m:MicroCredential) RETURN count(m) AS offers, toString(max(m.updatedAt)) AS offersAt }
     CALL { MATCH (q:Qualification) RETURN count(q) AS qualifications, toString(max(q.updatedAt)) AS qualificationsAt }
     CALL { MATCH (p:Provider) RETURN count(p) AS providers, toString(max(p.updatedAt)) AS providersAt }
     CALL { MATCH (:LearningOutcome)-[d:DEVELOPS]->() RETURN count(d) AS links, toString(max(d.linkedAt)) AS linkedAt, toString(max(d.reviewedAt)) AS reviewedAt }
     RETURN offers, offersAt, qualifications, qualificationsAt, providers, providersAt, links, linkedAt, reviewedAt`,
  );
  return JSON.stringify(row);
}

/** Published offers with what supply needs: where they reach, provider accreditation, completeness and skill links. */
export async function offerSupply(context: HubContext): Promise<OfferSupply[]> {
  const ids = (
    await context.graph.read<{ id: string }>(
      "MATCH (m:MicroCredential {status: 'PUBLISHED'}) RETURN m.id AS id ORDER BY id",
    )
  ).map((r) => r.id);
  const offers = await loadExisting(context.loaders.catalogue.microCredential, ids);
  const providerIds = [...new Set(offers.map((m) => m.providerId).filter((id): id is string => id !== null))];
  const [providers, outcomes] = await Promise.all([
    loadExisting(context.loaders.catalogue.provider, providerIds).then((list) => new Map(list.map((p) => [p.id, p]))),
    context.loaders.catalogue.outcomes.loadMany(ids),
  ]);
  return offers.map((offer, i) => {
    const provider = offer.providerId ? (providers.get(offer.providerId) ?? null) : null;
    const offerOutcomes =
      outcomes[i] instanceof Error
        ? []
        : (outcomes[i] as Awaited<ReturnType<typeof context.loaders.catalogue.outcomes.load>>);
    return {
      id: offer.id,
      title: offer.title,
      issuerCountries: offer.issuerCountries ?? [],
      issuerRegions: offer.issuerRegions ?? [],
      participationForm: offer.participationForm,
      accredited: provider?.accreditationStatus === 'ACCREDITED',
      completenessScore: assessCompleteness(offer, provider).score,
      links: offerOutcomes.flatMap((outcome) =>
        outcome.links.map((link) => ({ skillUri: link.skillUri, state: link.state, stated: outcome.stated })),
      ),
    };
  });
}

/**
 * What a qualification route's link carries for gaps.ts routeLinkCounts, for a qualification `q`, a link `l`
 * and its skill `s`: its state, strong evidence, and whether q's ESCO occupations need the skill.
 */
const ROUTE_LINK = `skillUri: s.uri, state: l.state, strong: coalesce(l.strong, false),
  occupational: EXISTS { (q)-[:TARGETS]->(:Occupation)-[:ESSENTIAL_SKILL|OPTIONAL_SKILL]->(s) }`;

/**
 * Published qualifications that state what they teach (or whose description stands in), as supply of their
 * own kind: where they are awarded and their skill links. One round trip.
 */
export async function qualificationSupply(graph: GraphClient): Promise<OfferSupply[]> {
  const rows = await graph.read<Omit<OfferSupply, 'kind'>>(
    `MATCH (q:Qualification) WHERE coalesce(q.status, 'PUBLISHED') = 'PUBLISHED' AND EXISTS { (q)-[:HAS_OUTCOME]->() }
     RETURN q.id AS id, q.title AS title, CASE WHEN q.country IS NULL THEN [] ELSE [q.country] END AS issuerCountries,
            coalesce(q.issuerRegions, []) AS issuerRegions, null AS participationForm, true AS accredited, 1.0 AS completenessScore,
            COLLECT { MATCH (q)-[:HAS_OUTCOME]->(lo:LearningOutcome)-[l:DEVELOPS]->(s:Skill)
                      RETURN {${ROUTE_LINK}, stated: coalesce(lo.stated, true)} } AS links
     ORDER BY id`,
  );
  return rows.map((row) => ({ ...row, kind: 'QUALIFICATION' as const }));
}

/** Published qualifications with duties: each duty with the skill links of the statements mapped to it. One round trip. */
export async function qualificationDuties(graph: GraphClient): Promise<RouteDuties[]> {
  return graph.read<RouteDuties>(
    `MATCH (q:Qualification) WHERE coalesce(q.status, 'PUBLISHED') = 'PUBLISHED' AND EXISTS { (q)-[:HAS_DUTY]->() }
     RETURN q.id AS id, q.title AS title, q.eqfLevel AS eqfLevel,
            {issuerRegions: coalesce(q.issuerRegions, []), issuerCountries: CASE WHEN q.country IS NULL THEN [] ELSE [q.country] END} AS where,
            COLLECT { MATCH (q)-[:HAS_DUTY]->(d:Duty)
                      RETURN {id: d.id, text: d.text, links: COLLECT {
                        MATCH (d)-[:MAPS_TO]->(:LearningOutcome)-[l:DEVELOPS]->(s:Skill)
                        RETURN DISTINCT {${ROUTE_LINK}} }}
                      ORDER BY d.position } AS duties
     ORDER BY id`,
  );
}

const indexes = new WeakMap<TaxonomySnapshot, OccupationIndex>();

/** ESCO's reuse levels of skills that belong to a sector or an occupation (the others: cross-sector, transversal). */
const SPECIFIC_REUSE_LEVELS = ['sector-specific', 'occupation-specific'];

/** Every current occupation with its ISCO unit group and current skills, indexed; built once per taxonomy snapshot. */
export async function occupationIndex(context: HubContext): Promise<OccupationIndex> {
  if (context.taxonomy) return occupationIndexOf(context.taxonomy);
  const rows = await context.graph.read<OccupationNeeds>(
    `MATCH (o:Occupation) WHERE o.deprecated = false
     RETURN o.uri AS uri, o.iscoGroup AS iscoGroup,
            COLLECT { MATCH (o)-[:ESSENTIAL_SKILL]->(s:Skill) WHERE s.deprecated = false RETURN s.uri } AS essential,
            COLLECT { MATCH (o)-[:OPTIONAL_SKILL]->(s:Skill) WHERE s.deprecated = false RETURN s.uri } AS optional,
            COLLECT { MATCH (o)-[:BROADER]->(p:Occupation) RETURN p.uri ORDER BY p.uri } AS broader,
            COLLECT { MATCH (o)-[:ESSENTIAL_SKILL]->(s:Skill) WHERE s.deprecated = false AND s.reuseLevel IN $specific
                      RETURN s.uri } AS specific`,
    { specific: SPECIFIC_REUSE_LEVELS },
  );
  return new OccupationIndex(rows);
}

/** The snapshot's occupation index, built on first use (or at start, to warm it). */
export function occupationIndexOf(snapshot: TaxonomySnapshot): OccupationIndex {
  let index = indexes.get(snapshot);
  if (!index) {
    const needs: OccupationNeeds[] = snapshot.currentOccupations().map((occupation) => ({
      uri: occupation.uri,
      iscoGroup: occupation.iscoGroup ?? null,
      essential: snapshot
        .skillsOf('ESSENTIAL_SKILL', occupation.uri)
        .filter((s) => !s.deprecated)
        .map((s) => s.uri),
      optional: snapshot
        .skillsOf('OPTIONAL_SKILL', occupation.uri)
        .filter((s) => !s.deprecated)
        .map((s) => s.uri),
      broader: snapshot
        .neighbours('up', occupation.uri)
        .filter((c) => c.kind === 'Occupation')
        .map((c) => c.uri)
        .sort(),
      specific: snapshot
        .skillsOf('ESSENTIAL_SKILL', occupation.uri)
        .filter((s) => !s.deprecated && SPECIFIC_REUSE_LEVELS.includes(s.reuseLevel ?? ''))
        .map((s) => s.uri),
    }));
    index = new OccupationIndex(needs);
    indexes.set(snapshot, index);
  }
  return index;
}

/** Automation exposure per ESCO occupation (high: the study's high-risk category), held per demand import. */
export async function automationByOccupation(
  graph: GraphClient,
  stamp: string,
): Promise<Map<string, { value: number; high: boolean }>> {
  return cachedPerDemandStamp('automation', stamp, async () => {
    const rows = await graph.read<{ uri: string; value: number; flags: string[] }>(
      "MATCH (s:DemandSignal {metric: 'AUTOMATION_RISK'}) WHERE s.targetKind = 'OCCUPATION' AND s.value IS NOT NULL RETURN s.targetCode AS uri, s.value AS value, coalesce(s.flags, []) AS flags",
    );
    return new Map(rows.map((row) => [row.uri, { value: row.value, high: row.flags.includes('H') }]));
  });
}
