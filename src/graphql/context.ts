import type { Caller } from '../access/callers.js';
import type { GraphClient, RoundTripCounter } from '../graph/client.js';

/**
 * What every resolver sees. Built fresh per request (src/server/context.ts), so DataLoader caches never
 * outlive a request. This folder sits below the capabilities: each capability adds what it brings to
 * the context (its loaders, its caches) by augmenting these interfaces in its own files, e.g.
 * `declare module '../graphql/context.js' { interface Loaders { taxonomy: TaxonomyLoaders } }`.
 */
export interface HubContext {
  graph: GraphClient;
  /** Who is calling; roles decide what they may do (see src/access/callers.ts). */
  caller: Caller;
  /** Keys learner pseudonyms. */
  pseudonymSecret: string;
  loaders: Loaders;
  roundTrips: RoundTripCounter;
  maxPageSize: number;
}

/** The request's DataLoaders, one entry per capability (each adds its own). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- empty here on purpose: each capability adds its loaders by declaration merging
export interface Loaders {}

/**
 * Loads many keys and keeps the records that exist, in key order. A failed load is rethrown, never
 * mistaken for a missing record.
 */
export async function loadExisting<K, V>(
  loader: { loadMany(keys: readonly K[]): Promise<Array<V | null | Error>> },
  keys: readonly K[],
): Promise<V[]> {
  const results = await loader.loadMany(keys);
  const failure = results.find((result): result is Error => result instanceof Error);
  if (failure) throw failure;
  return results.filter((result): result is V => result !== null);
}
