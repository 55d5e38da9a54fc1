import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { GraphClient } from '../graph/client.js';
import type { HubContext } from '../graphql/context.js';
import type { SkillLinkerCache } from '../linking/cache.js';
import type { TaxonomyCache } from '../taxonomy/snapshot.js';
import { clientErrorCode } from './limits.js';

/**
 * Prometheus metrics at `GET /metrics` (prom-client, text format). Per GraphQL request, labelled by its
 * first root field (bounded by the schema, unlike client-chosen operation names):
 *   hub_graphql_requests_total{field,outcome}        outcome: ok, or the first error's extensions.code
 *   hub_graphql_request_duration_seconds{field}      from the request's arrival to its answer
 *   hub_graphql_errors_total{code}                   every error, by code
 *   hub_neo4j_round_trips_total{field}               database round trips (the answers' dbRoundTrips)
 * and, read when scraped: hub_neo4j_unreachable (1 while Neo4j is known unreachable),
 * hub_taxonomy_snapshot_age_seconds, hub_linking_off_thread_total (long texts linked in the worker thread),
 * plus Node's own (CPU, memory, event-loop lag: nodejs_eventloop_lag_*).
 */
export class HubMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'hub_graphql_requests_total',
    help: 'GraphQL requests, by first root field and outcome (ok or the first error code).',
    labelNames: ['field', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'hub_graphql_request_duration_seconds',
    help: 'Time from a GraphQL request arriving to its answer, by first root field.',
    labelNames: ['field'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'hub_graphql_errors_total',
    help: 'GraphQL errors, by extensions.code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  private readonly roundTrips = new Counter({
    name: 'hub_neo4j_round_trips_total',
    help: 'Neo4j round trips of GraphQL requests, by first root field.',
    labelNames: ['field'] as const,
    registers: [this.registry],
  });

  constructor(graph: GraphClient, taxonomyCache?: TaxonomyCache, linkerCache?: SkillLinkerCache) {
    collectDefaultMetrics({ register: this.registry });
    new Counter({
      name: 'hub_linking_off_thread_total',
      help: 'Long texts linked in the worker thread, off the request thread (src/linking/linker-thread.ts).',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(linkerCache?.linkedOffThread ?? 0);
      },
    });
    new Gauge({
      name: 'hub_neo4j_unreachable',
      help: '1 while Neo4j is known unreachable (requests that need it fail with SERVICE_UNAVAILABLE), else 0.',
      registers: [this.registry],
      collect() {
        this.set(graph.unreachableSince ? 1 : 0);
      },
    });
    new Gauge({
      name: 'hub_taxonomy_snapshot_age_seconds',
      help: 'Seconds since the in-memory taxonomy snapshot was built (absent without one).',
      registers: [this.registry],
      collect() {
        const built = taxonomyCache?.current?.builtAt;
        if (built) this.set((Date.now() - built.getTime()) / 1000);
      },
    });
  }

  /** The Apollo plugin that counts each request. */
  plugin(): ApolloServerPlugin<HubContext> {
    return {
      requestDidStart: async () => {
        const started = performance.now();
        return {
          willSendResponse: async ({ operation, document, errors, contextValue }) => {
            // The operation, or for a document refused before it was chosen, the document's first one.
            const chosen = operation ?? document?.definitions.find((d) => d.kind === 'OperationDefinition');
            const first = chosen?.selectionSet.selections.find((s) => s.kind === 'Field');
            const field = first?.kind === 'Field' ? first.name.value : 'none';
            // The codes as the client is told them (a refused request's limit code).
            const codes = (errors ?? []).map(clientErrorCode);
            this.requests.inc({ field, outcome: codes[0] ?? 'ok' });
            for (const code of codes) this.errors.inc({ code });
            this.duration.observe({ field }, (performance.now() - started) / 1000);
            this.roundTrips.inc({ field }, contextValue.roundTrips.count);
          },
        };
      },
    };
  }
}
