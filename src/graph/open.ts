import { type HubConfig, graphUri } from '../config.js';
import { logger } from '../logger.js';
import { type GraphClient, connectGraph } from './client.js';
import { localGraphStatus, startLocalGraph, stopLocalGraph, stoppedOnPurpose } from './local-neo4j.js';
import { migrate } from './migrations.js';

export interface OpenGraph {
  graph: GraphClient;
  uri: string;
  /** Closes the driver, and stops the local Neo4j if this call started it. */
  close(): Promise<void>;
}

/** How often the hub looks whether its own Neo4j still runs. */
const WATCH_MS = 2_000;

/**
 * Connects to the configured Neo4j, or starts the project's own when NEO4J_URI is unset (as the user
 * neo4j with the password kept beside its data, src/graph/local-neo4j.ts), then applies pending schema
 * migrations. Everything that needs the graph starts here.
 * The project's own Neo4j is watched: when its process dies (killed, out of memory) it is started again,
 * and the driver reconnects by itself (src/graph/client.ts fails requests meanwhile).
 */
export async function openGraph(config: HubConfig): Promise<OpenGraph> {
  let startedLocal = false;
  let credentials = { user: config.neo4j.user, password: config.neo4j.password };
  if (!config.neo4j.uri) {
    const local = await startLocalGraph(config.localGraph);
    startedLocal = local.started;
    credentials = { user: 'neo4j', password: local.password };
  }
  const uri = graphUri(config);
  const graph = connectGraph({ ...config.neo4j, ...credentials, uri });
  try {
    await graph.verifyConnectivity();
    const applied = await migrate(graph);
    if (applied.length > 0) logger.info('graph migrations applied', { applied });
  } catch (error) {
    await graph.close();
    if (startedLocal) await stopLocalGraph(config.localGraph.dataDir);
    throw error;
  }
  const watch = config.neo4j.uri ? null : watchLocalGraph(config);
  return {
    graph,
    uri,
    async close() {
      await watch?.stop();
      await graph.close();
      if (startedLocal) await stopLocalGraph(config.localGraph.dataDir);
    },
  };
}

/** Starts the project's own Neo4j again whenever its process is gone; `stop` ends the watch (and waits for a restart under way). */
function watchLocalGraph(config: HubConfig): { stop(): Promise<void> } {
  let restarting: Promise<void> | null = null;
  let stopped = false;
  const timer = setInterval(() => {
    const dir = config.localGraph.dataDir;
    // Stopped on purpose (npm run db:stop) stays stopped; requests fail as for any unreachable Neo4j.
    if (stopped || restarting || localGraphStatus(dir).pid !== undefined || stoppedOnPurpose(dir)) return;
    logger.warn('local Neo4j is not running; starting it again', { dataDir: dir });
    restarting = startLocalGraph(config.localGraph)
      .then(() => logger.info('local Neo4j started again', { port: config.localGraph.port }))
      .catch((error: unknown) => logger.error('could not start local Neo4j again', { err: error }))
      .finally(() => {
        restarting = null;
      });
  }, WATCH_MS);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await restarting;
    },
  };
}
