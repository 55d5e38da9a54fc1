import http from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { identifyCaller } from '../access/callers.js';
import type { HubConfig } from '../config.js';
import type { GraphClient } from '../graph/client.js';
import { pendingMigrations } from '../graph/migrations.js';
import { logger } from '../logger.js';
import { currentTaxonomyVersion } from '../taxonomy/store.js';
import type { TaxonomyCache } from '../taxonomy/snapshot.js';
import type { HubContext } from '../graphql/context.js';
import { type HubServices, createContext } from './context.js';
import { schema } from './schema.js';

export interface HubServer {
  url: string;
  apollo: ApolloServer<HubContext>;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw Object.assign(new Error('request body too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Readiness: Neo4j answers, every migration is applied, a taxonomy release is loaded (and, when enabled, its snapshot built). */
export async function readiness(graph: GraphClient, taxonomyCache?: TaxonomyCache) {
  const checks: Record<string, { ok: boolean; detail?: string }> = {};
  try {
    await graph.read('RETURN 1');
    checks.neo4j = { ok: true };
    const pending = await pendingMigrations(graph);
    checks.migrations = pending.length === 0 ? { ok: true } : { ok: false, detail: `pending: ${pending.join(', ')}` };
    const version = await currentTaxonomyVersion(graph);
    checks.taxonomy = version
      ? { ok: true, detail: `version ${version}` }
      : { ok: false, detail: 'no taxonomy imported yet' };
    if (taxonomyCache) {
      const snapshot = taxonomyCache.current;
      checks.taxonomySnapshot = snapshot
        ? { ok: true, detail: `${snapshot.stamp}, built ${snapshot.builtAt.toISOString()}` }
        : { ok: false, detail: 'not built yet' };
    }
  } catch (error) {
    checks.neo4j = { ok: false, detail: (error as Error).message };
  }
  const expectedChecks = taxonomyCache ? 4 : 3;
  const ready = Object.keys(checks).length === expectedChecks && Object.values(checks).every((check) => check.ok);
  return { ready, checks };
}

export async function startHttpServer(
  config: HubConfig,
  services: HubServices,
  taxonomyCache?: TaxonomyCache,
): Promise<HubServer> {
  const { graph } = services;
  const apollo = new ApolloServer<HubContext>({
    schema,
    introspection: true,
    // The hub handles SIGINT/SIGTERM itself (drain HTTP, stop Apollo, close Neo4j); two handlers would race.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    plugins: [
      {
        // Round trips per request, visible to clients and the bench: proof that nested fields are batched.
        async requestDidStart() {
          return {
            async willSendResponse({ response, contextValue }) {
              if (response.body.kind === 'single') {
                response.body.singleResult.extensions = {
                  ...response.body.singleResult.extensions,
                  dbRoundTrips: contextValue.roundTrips.count,
                };
              }
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/health' && request.method === 'GET') {
        return sendJson(response, 200, { status: 'ok' });
      }
      if (url.pathname === '/ready' && request.method === 'GET') {
        const { ready, checks } = await readiness(graph, taxonomyCache);
        return sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks });
      }
      if (url.pathname === '/graphql') {
        const headers = new HeaderMap();
        for (const [key, value] of Object.entries(request.headers)) {
          if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
        }
        const rawBody = request.method === 'POST' ? await readBody(request) : '';
        let body: unknown = undefined;
        if (rawBody) {
          try {
            body = JSON.parse(rawBody);
          } catch {
            return sendJson(response, 400, {
              errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
            });
          }
        }
        const identified = identifyCaller(request.headers.authorization, config.access.apiKeys);
        if (!identified.ok) {
          return sendJson(response, 401, {
            errors: [{ message: identified.reason, extensions: { code: 'UNAUTHENTICATED' } }],
          });
        }
        const result = await apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
          context: async () => createContext(services, identified.caller),
        });
        for (const [key, value] of result.headers) response.setHeader(key, value);
        response.statusCode = result.status ?? 200;
        if (result.body.kind === 'complete') {
          response.end(result.body.string);
        } else {
          for await (const chunk of result.body.asyncIterator) response.write(chunk);
          response.end();
        }
        return;
      }
      sendJson(response, 404, {
        error: `no route for ${request.method} ${url.pathname}`,
        routes: ['/graphql', '/health', '/ready'],
      });
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500;
      logger.error('request failed', { path: url.pathname, err: error });
      if (!response.headersSent) sendJson(response, status, { error: (error as Error).message });
      else response.end();
    }
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;

  return {
    url,
    apollo,
    async close() {
      // Stop taking connections, let in-flight requests finish, then stop Apollo.
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await apollo.stop();
    },
  };
}
