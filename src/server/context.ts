import type { Caller } from '../access/callers.js';
import type { GraphClient, RoundTripCounter } from '../graph/client.js';
import type { ReleaseLinker, SkillLinkerCache } from '../linking/cache.js';
import { createCatalogueLoaders } from '../catalogue/loaders.js';
import { createTaxonomyLoaders } from '../taxonomy/loaders.js';
import type { TaxonomySnapshot } from '../taxonomy/snapshot.js';

/** What every resolver sees. Built fresh per request, so DataLoader caches never outlive a request. */
export interface HubContext {
  graph: GraphClient;
  /** Who is calling; roles decide what they may do (see src/access/callers.ts). */
  caller: Caller;
  /** Keys learner pseudonyms. */
  pseudonymSecret: string;
  loaders: Loaders;
  /** The in-memory taxonomy, when enabled and built; resolvers fall back to the graph without it. */
  taxonomy?: TaxonomySnapshot;
  /** The skill linker for the current taxonomy release (null before any taxonomy is imported). */
  skillLinker(): Promise<ReleaseLinker | null>;
  roundTrips: RoundTripCounter;
  maxPageSize: number;
}

/** The one DataLoader factory: each capability contributes its loaders here. */
export function createLoaders(graph: GraphClient, taxonomy?: TaxonomySnapshot) {
  return {
    taxonomy: createTaxonomyLoaders(graph, taxonomy),
    catalogue: createCatalogueLoaders(graph),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Shared, long-lived parts of the hub that each request's context draws on. */
export interface HubServices {
  graph: GraphClient;
  pseudonymSecret: string;
  maxPageSize: number;
  taxonomy?: () => TaxonomySnapshot | undefined;
  linkerCache: SkillLinkerCache;
}

export function createContext(services: HubServices, caller: Caller): HubContext {
  const roundTrips: RoundTripCounter = { count: 0 };
  const graph = services.graph.withCounter(roundTrips);
  const taxonomy = services.taxonomy?.();
  return {
    graph,
    caller,
    pseudonymSecret: services.pseudonymSecret,
    loaders: createLoaders(graph, taxonomy),
    taxonomy,
    skillLinker: () => services.linkerCache.get(graph, taxonomy),
    roundTrips,
    maxPageSize: services.maxPageSize,
  };
}

/**
 * Loads many keys and keeps the records that exist, in key order. A failed load is rethrown, never
 * mistaken for a missing record.
 */
export async function loadExisting<K, V>(loader: { loadMany(keys: readonly K[]): Promise<Array<V | null | Error>> }, keys: readonly K[]): Promise<V[]> {
  const results = await loader.loadMany(keys);
  const failure = results.find((result): result is Error => result instanceof Error);
  if (failure) throw failure;
  return results.filter((result): result is V => result !== null);
}
