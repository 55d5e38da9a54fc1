import type { GraphClient, RoundTripCounter } from '../graph/client.js';
import { createTaxonomyLoaders } from '../taxonomy/loaders.js';

/** What every resolver sees. Built fresh per request, so DataLoader caches never outlive a request. */
export interface HubContext {
  graph: GraphClient;
  loaders: Loaders;
  roundTrips: RoundTripCounter;
  maxPageSize: number;
}

/** The one DataLoader factory: each capability contributes its loaders here. */
export function createLoaders(graph: GraphClient) {
  return {
    taxonomy: createTaxonomyLoaders(graph),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export function createContext(graph: GraphClient, maxPageSize: number): HubContext {
  const roundTrips: RoundTripCounter = { count: 0 };
  const counted = graph.withCounter(roundTrips);
  return { graph: counted, loaders: createLoaders(counted), roundTrips, maxPageSize };
}
