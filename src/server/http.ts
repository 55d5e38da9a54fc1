import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServer } from '@apollo/server';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import { type Caller, identifyCaller, keyDigest, presentedKey, sameSecret } from '../access/callers.js';
import type { KeyRing } from '../access/key-ring.js';
import type { HubConfig } from '../config.js';
import type { GraphClient } from '../graph/client.js';
import { pendingMigrations } from '../graph/migrations.js';
import { logger, requestScope } from '../logger.js';
import { currentTaxonomyVersion } from '../taxonomy/store.js';
import type { TaxonomyCache } from '../taxonomy/snapshot.js';
import type { HubContext } from '../graphql/context.js';
import { type HubServices, createContext } from './context.js';
import { wellFormedTextPlugin } from './input-text.js';
import { clientErrorCode, formatHubError, requestLimits } from './limits.js';
import { HubMetrics } from './metrics.js';
import { withTimeLimit } from '../time-limit.js';
import rateLimit from '@fastify/rate-limit';
import { randomUUID } from 'node:crypto';
import { schema } from './schema.js';
import { registerPage, wantsPage } from './web.js';

/**
 * The hub's HTTP layer, on Fastify: GraphQL at /graphql (Apollo, through @as-integrations/fastify, with
 * Apollo's CSRF prevention), /health, /ready, the page at / (src/server/web.ts), a 1 MB body limit, security
 * headers (@fastify/helmet) and a graceful close that lets requests in flight finish. Errors of the HTTP layer
 * itself answer as JSON.
 */

export interface HubServer {
  url: string;
  apollo: ApolloServer<HubContext>;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;
const ROUTES = ['/', '/graphql', '/health', '/ready', '/metrics'];

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling /graphql, from the Authorization header (set before Apollo runs). */
    caller?: Caller;
  }
}

/** How long readiness waits for Neo4j: a load balancer asking /ready gets its answer within a second. */
const READY_NEO4J_MS = 800;

/** Readiness: Neo4j answers, every migration is applied, a taxonomy release is loaded (and, when enabled, its snapshot built). */
export async function readiness(graph: GraphClient, taxonomyCache?: TaxonomyCache) {
  const checks: Record<string, { ok: boolean; detail?: string }> = {};
  try {
    if (!(await withTimeLimit(graph.read('RETURN 1'), READY_NEO4J_MS)).done)
      throw new Error(`no answer within ${READY_NEO4J_MS} ms`);
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

const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');
/** An answer refused before GraphQL ran, shaped as GraphQL errors so every client reads it one way. */
const errorBody = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

export async function startHttpServer(
  config: HubConfig,
  services: HubServices,
  keyRing: KeyRing,
  taxonomyCache?: TaxonomyCache,
): Promise<HubServer> {
  const { graph } = services;
  const app = Fastify({
    logger: false,
    bodyLimit: MAX_BODY_BYTES,
    keepAliveTimeout: 65_000,
    // A request id from the caller's proxy is kept when it looks like one, else made here.
    requestIdHeader: 'x-request-id',
    // Behind a proxy every client would have the proxy's address; HUB_TRUST_PROXY takes X-Forwarded-For.
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
  });
  // Every log line written for a request carries its id (src/logger.ts), and the answer says it.
  app.addHook('onRequest', async (request, reply) => {
    if (!/^[\w.:-]{1,64}$/.test(request.id)) (request as { id: string }).id = randomUUID();
    requestScope.enterWith({ requestId: request.id });
    reply.header('x-request-id', request.id);
  });
  const limits = requestLimits(config.mode);
  const metrics = new HubMetrics(graph, taxonomyCache, services.linkerCache);
  const apollo = new ApolloServer<HubContext>({
    schema,
    // Apollo follows the hub's mode, not NODE_ENV (which main.ts sets for graphql-js: libraries-in-production.ts).
    nodeEnv: config.mode,
    introspection: true,
    // The hub handles SIGINT/SIGTERM itself (drain HTTP, stop Apollo, close Neo4j); two handlers would race.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    formatError: formatHubError(config.mode),
    plugins: [
      // No field sets cache hints: the plugin would only time every field of every request.
      ApolloServerPluginCacheControlDisabled(),
      ...limits.plugins,
      wellFormedTextPlugin(),
      metrics.plugin(),
      fastifyApolloDrainPlugin(app),
      {
        // Round trips per request, visible to clients and the bench: proof that nested fields are batched.
        async requestDidStart() {
          return {
            // A failure of ours (no code of its own) is logged with its cause; the client sees its request id.
            async didEncounterErrors({ errors }) {
              for (const error of errors)
                if (clientErrorCode(error) === 'INTERNAL_SERVER_ERROR')
                  logger.error('request failed', {
                    path: '/graphql',
                    field: error.path?.join('.'),
                    err: error.originalError ?? error,
                  });
            },
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

  // Security headers on every answer; the Content-Security-Policy allows no inline script or style.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // The hub may run on plain HTTP on a private address; upgrading requests would break the page there.
        upgradeInsecureRequests: null,
      },
    },
  });
  const page = await registerPage(app);
  // Requests a minute per API key (hashed: no key is kept), else per client address; 429 with Retry-After.
  await app.register(rateLimit, { global: false });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
      return noStore(reply).code(400).send(errorBody('request body is not valid JSON', 'BAD_REQUEST'));
    const status = error.statusCode ?? 500;
    // Over the rate limit: the GraphQL-shaped answer built below, with its Retry-After (not a failure of ours).
    if (status === 429 && 'errors' in error) return noStore(reply).code(429).send({ errors: error.errors });
    logger.error('request failed', { path: request.url.split('?')[0], err: error });
    const message = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'request body too large' : error.message;
    return noStore(reply).code(status).send({ error: message });
  });
  app.setNotFoundHandler((request, reply) =>
    wantsPage(request)
      ? page(request, reply)
      : noStore(reply)
          .code(404)
          .send({ error: `no route for ${request.method} ${request.url.split('?')[0]}`, routes: ROUTES }),
  );

  // Liveness (always 200 while the process answers), saying what is degraded without waiting on Neo4j.
  app.get('/health', async (_request, reply) => {
    const degraded: string[] = [];
    const down = graph.unreachableSince;
    if (down) degraded.push(`neo4j: unreachable since ${down.toISOString()}; requests that need it fail`);
    if (taxonomyCache && !taxonomyCache.current) degraded.push('taxonomy snapshot: not built; reads go to Neo4j');
    return noStore(reply).send({ status: degraded.length > 0 ? 'degraded' : 'ok', degraded });
  });
  app.get('/metrics', async (request, reply) => {
    // With HUB_METRICS_TOKEN set, only the scraper that holds it (compared in constant time).
    const token = config.metricsToken;
    const presented = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    if (token !== null && !sameSecret(token, presented))
      return noStore(reply)
        .code(401)
        .header('www-authenticate', 'Bearer realm="metrics"')
        .send({ error: 'GET /metrics needs Authorization: Bearer <HUB_METRICS_TOKEN>' });
    return noStore(reply)
      .type(metrics.registry.contentType)
      .send(await metrics.registry.metrics());
  });
  app.get('/ready', async (_request, reply) => {
    const { ready, checks } = await readiness(graph, taxonomyCache);
    return noStore(reply)
      .code(ready ? 200 : 503)
      .send({ status: ready ? 'ready' : 'not ready', checks });
  });

  const handler = fastifyApolloHandler(apollo, {
    context: async (request) => createContext(services, request.caller!),
  });
  app.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    config:
      config.rateLimitPerMinute > 0
        ? {
            rateLimit: {
              max: config.rateLimitPerMinute,
              timeWindow: 60_000,
              keyGenerator: (request: FastifyRequest) => {
                const key = presentedKey(request.headers.authorization);
                return key ? `key:${keyDigest(key).toString('hex').slice(0, 16)}` : `ip:${request.ip}`;
              },
              errorResponseBuilder: (
                _request: FastifyRequest,
                context: { max: number; after: string; statusCode: number },
              ) => ({
                statusCode: context.statusCode,
                ...errorBody(
                  `rate limit: at most ${context.max} requests a minute for one API key or client address; try again in ${context.after}`,
                  'RATE_LIMITED',
                ),
              }),
            },
          }
        : {},
    // Apollo's own landing page loads its scripts from elsewhere: it keeps the headers without the page's CSP.
    helmet: { contentSecurityPolicy: false },
    preHandler: async (request, reply) => {
      const identified = identifyCaller(request.headers.authorization, keyRing.keys, keyRing.development);
      if (!identified.ok) return noStore(reply).code(401).send(errorBody(identified.reason, 'UNAUTHENTICATED'));
      request.caller = identified.caller;
    },
    // Past its time limit a request is answered REQUEST_TIMEOUT; its database work is stopped by the transaction
    // limit (HUB_QUERY_TIMEOUT_MS), and its late answer is dropped (the reply was sent).
    handler: async function (request, reply) {
      const answer = await withTimeLimit(
        Promise.resolve(handler.call(this, request as never, reply as never)),
        config.requestTimeoutMs,
      );
      if (answer.done) return answer.value;
      return noStore(reply)
        .code(503)
        .send(
          errorBody(
            `the request took longer than ${config.requestTimeoutMs} ms and was stopped; ask for less, or try again`,
            'REQUEST_TIMEOUT',
          ),
        );
    },
  });

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;

  return {
    url,
    apollo,
    async close() {
      // Stop taking connections, let in-flight requests finish, then stop Apollo (app.close runs its drain plugin).
      await app.close();
    },
  };
}
