import { type HubConfig, graphUri } from '../config.js';
import { logger } from '../logger.js';
import { type GraphClient, connectGraph } from './client.js';
import { startLocalGraph, stopLocalGraph } from './local-neo4j.js';
import { migrate } from './migrations.js';

export interface OpenGraph {
  graph: GraphClient;
  uri: string;
  /** Closes the driver, and stops the local Neo4j if this call started it. */
  close(): Promise<void>;
}

/**
 * Connects to the configured Neo4j, or starts the project's own when NEO4J_URI is unset,
 * then applies pending schema migrations. Everything that needs the graph starts here.
 */
export async function openGraph(config: HubConfig): Promise<OpenGraph> {
  let startedLocal = false;
  if (!config.neo4j.uri) {
    ({ started: startedLocal } = await startLocalGraph(config.localGraph));
  }
  const uri = graphUri(config);
  const graph = connectGraph({ ...config.neo4j, uri });
  try {
    await graph.verifyConnectivity();
    const applied = await migrate(graph);
    if (applied.length > 0) logger.info('graph migrations applied', { applied });
  } catch (error) {
    await graph.close();
    if (startedLocal) await stopLocalGraph(config.localGraph.dataDir);
    throw error;
  }
  return {
    graph,
    uri,
    async close() {
      await graph.close();
      if (startedLocal) await stopLocalGraph(config.localGraph.dataDir);
    },
  };
}
