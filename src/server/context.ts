import type { GraphClient, RoundTripCounter } from '../graph/client.js';
import { createTaxonomyLoaders } from '../taxonomy/loaders.js';
import type { TaxonomySnapshot } from '../taxonomy/snapshot.js';

/** What every resolver sees. Built fresh per request, so DataLoader caches never outlive a request. */
export interface HubContext {
  graph: GraphClient;
  loaders: Loaders;
  /** The in-memory taxonomy, when enabled and built; resolvers fall back to the graph without it. */
  taxonomy?: TaxonomySnapshot;
  roundTrips: RoundTripCounter;
  maxPageSize: number;
}

/** The one DataLoader factory: each capability contributes its loaders here. */
export function createLoaders(graph: GraphClient, taxonomy?: TaxonomySnapshot) {
  return {
    taxonomy: createTaxonomyLoaders(graph, taxonomy),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export function createContext(graph: GraphClient, maxPageSize: number, taxonomy?: TaxonomySnapshot): HubContext {
  const roundTrips: RoundTripCounter = { count: 0 };
  const counted = graph.withCounter(roundTrips);
  return { graph: counted, loaders: createLoaders(counted, taxonomy), taxonomy, roundTrips, maxPageSize };
}
