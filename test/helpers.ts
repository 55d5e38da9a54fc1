import { inject } from 'vitest';
import { type HubConfig, loadConfig } from '../src/config.js';
import { type GraphClient, connectGraph } from '../src/graph/client.js';
import { migrate } from '../src/graph/migrations.js';
import { type RunningHub, startHub } from '../src/server/start.js';

export const escoDir = new URL('../../shared/data/esco-v1.1.1-en', import.meta.url).pathname;

export function testConfig(overrides: Record<string, string> = {}): HubConfig {
  return loadConfig({ NEO4J_URI: inject('neo4jUri'), PORT: '0', LOG_LEVEL: 'warn', ...overrides });
}

export async function connectTestGraph(): Promise<GraphClient> {
  const config = testConfig();
  const graph = connectGraph({ ...config.neo4j, uri: config.neo4j.uri! });
  await migrate(graph);
  return graph;
}

/** Empties the test graph (schema stays), so each test file starts from a known state. */
export async function resetGraph(graph: GraphClient): Promise<void> {
  await graph.runAutoCommit(
    'MATCH (n) WHERE NOT n:SchemaMigration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS',
  );
}

export async function startTestHub(overrides: Record<string, string> = {}): Promise<RunningHub> {
  return startHub(testConfig(overrides));
}

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
  extensions?: { dbRoundTrips?: number };
}

export async function gql<T = any>(hub: RunningHub, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${hub.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** A fingerprint of the taxonomy part of the graph, to prove an operation changed nothing. */
export async function graphFingerprint(graph: GraphClient) {
  const [row] = await graph.read<Record<string, unknown>>(
    `CALL { MATCH (n:Skill|SkillGroup|Occupation|IscoGroup) RETURN count(n) AS concepts,
              sum(size(keys(n))) AS properties, collect(DISTINCT n.lastSeenVersion) AS versions }
     CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
     CALL { MATCH (r:TaxonomyRelease {current: true}) RETURN collect(r.version) AS current }
     RETURN concepts, properties, versions, relationships, current`,
  );
  return row;
}
