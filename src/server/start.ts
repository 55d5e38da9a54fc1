import type { HubConfig } from '../config.js';
import type { GraphClient } from '../graph/client.js';
import { openGraph } from '../graph/open.js';
import { logger } from '../logger.js';
import { importEsco } from '../taxonomy/esco-import.js';
import { loadDemoSeed } from '../taxonomy/seed.js';
import { currentTaxonomyVersion } from '../taxonomy/store.js';
import { TaxonomyCache } from '../taxonomy/snapshot.js';
import { warmRelevanceTables } from '../intelligence/schema/relevance.js';
import { occupationIndexOf, warmDemandTables } from '../intelligence/store.js';
import { type ReleaseLinker, SkillLinkerCache } from '../linking/cache.js';
import { OccupationSearchCache } from '../linking/occupation-finder.js';
import { AuditBatcher } from '../credentials/store.js';
import { importCatalogue } from '../catalogue/import.js';
import { demoCatalogueFile } from '../taxonomy/seed.js';
import { type HubServer, startHttpServer } from './http.js';
import { warmUp } from './warm-up.js';
import { KeyRing } from '../access/key-ring.js';

/**
 * Gives an empty graph something to serve: the ESCO export in ESCO_DIR when set, else the demo
 * data set from seeds/ (unless SEED_DEMO=false). A graph that already has a taxonomy is left alone.
 */
export async function ensureTaxonomy(config: HubConfig, graph: GraphClient): Promise<void> {
  const version = await currentTaxonomyVersion(graph);
  if (version) {
    logger.info('taxonomy present', { version });
    return;
  }
  if (config.escoDir) {
    logger.info('empty graph: importing ESCO from ESCO_DIR', { dir: config.escoDir });
    const summary = await importEsco(graph, config.escoDir);
    logger.info('ESCO imported', {
      version: summary.version,
      skills: summary.counts.skills,
      skipped: summary.skippedTotal,
      ms: summary.durationMs,
    });
  } else if (config.seedDemo) {
    logger.info('empty graph: loading the demo data set from seeds/');
    const summary = await loadDemoSeed(graph);
    logger.info('demo data loaded', { version: summary.version, skills: summary.counts.skills });
  } else {
    logger.warn(
      'empty graph and no ESCO_DIR: /ready stays 503 until a taxonomy is imported (npm run hub -- import esco <dir>)',
    );
  }
}

/** Loads the demo catalogue from seeds/ into an empty catalogue (unless SEED_DEMO=false). */
export async function ensureCatalogue(
  config: HubConfig,
  graph: GraphClient,
  release: ReleaseLinker | null,
): Promise<void> {
  if (!config.seedDemo) return;
  const [{ offers }] = await graph.read<{ offers: number }>('MATCH (m:MicroCredential) RETURN count(m) AS offers');
  if (offers > 0) return;
  const summary = await importCatalogue(graph, demoCatalogueFile, release);
  logger.info('demo catalogue loaded', {
    microCredentials: summary.microCredentials,
    suggestedLinks: summary.suggestedLinks,
  });
}

export interface RunningHub {
  server: HubServer;
  graph: GraphClient;
  taxonomyCache?: TaxonomyCache;
  stop(): Promise<void>;
}

/** Everything `npm start` does, callable from tests and the bench. */
export async function startHub(config: HubConfig): Promise<RunningHub> {
  const open = await openGraph(config);
  try {
    await ensureTaxonomy(config, open.graph);
    let taxonomyCache: TaxonomyCache | undefined;
    if (config.taxonomySnapshot.enabled) {
      taxonomyCache = new TaxonomyCache(open.graph);
      await taxonomyCache.refresh();
      taxonomyCache.startPolling(config.taxonomySnapshot.refreshSeconds);
    }
    const keyRing = new KeyRing(config.access.apiKeys, config.access.apiKeysFile);
    if (keyRing.development) {
      logger.warn(
        'development mode: HUB_API_KEYS is not set, so every caller may write the catalogue and read learner data; set API keys before loading real data',
      );
    }
    const services = {
      graph: open.graph,
      pseudonymSecret: config.access.pseudonymSecret,
      maxPageSize: config.maxPageSize,
      taxonomy: taxonomyCache ? () => taxonomyCache.current : undefined,
      linkerCache: new SkillLinkerCache({ offThread: config.linkOffThread }),
      occupationSearchCache: new OccupationSearchCache(),
      auditBatcher: new AuditBatcher(open.graph),
      referenceDir: config.referenceDir,
      elmDir: config.elmDir,
      transactionTimeoutMs: config.queryTimeoutMs,
    };
    // Build the skill-linking index now, so the first linkSkills request does not pay for it.
    const release = await services.linkerCache.get(open.graph, taxonomyCache?.current);
    await ensureCatalogue(config, open.graph, release);
    await services.occupationSearchCache.get(open.graph, taxonomyCache?.current);
    // And what every demand slice shares, so the first slice asked does not pay for it either.
    await warmDemandTables(open.graph);
    if (taxonomyCache?.current) {
      occupationIndexOf(taxonomyCache.current);
      warmRelevanceTables(taxonomyCache.current);
    }
    const server = await startHttpServer(config, services, keyRing, taxonomyCache);
    keyRing.watch();
    if (config.warmUp)
      await warmUp(server.apollo, services).catch((error: unknown) => logger.warn('warm-up failed', { err: error }));
    logger.info('hub listening', {
      mode: config.mode,
      graphql: `${server.url}/graphql`,
      ready: `${server.url}/ready`,
      neo4j: open.uri,
    });
    return {
      server,
      graph: open.graph,
      taxonomyCache,
      async stop() {
        keyRing.stop();
        taxonomyCache?.stop();
        await server.close();
        await services.linkerCache.close();
        await open.close();
      },
    };
  } catch (error) {
    await open.close();
    throw error;
  }
}
