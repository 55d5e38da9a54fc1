import type { Caller } from '../access/callers.js';
import { createCatalogueLoaders } from '../catalogue/loaders.js';
import type { GraphClient, RoundTripCounter } from '../graph/client.js';
import type { HubContext, Loaders } from '../graphql/context.js';
import type { SkillLinkerCache } from '../linking/cache.js';
import type { OccupationSearchCache } from '../linking/occupation-finder.js';
import type { AuditBatcher } from '../credentials/store.js';
import { elmValidatorFor } from '../catalogue/elm-validation.js';
import { createTaxonomyLoaders } from '../taxonomy/loaders.js';
import type { TaxonomySnapshot } from '../taxonomy/snapshot.js';

/** Shared, long-lived parts of the hub that each request's context draws on. */
export interface HubServices {
  graph: GraphClient;
  pseudonymSecret: string;
  maxPageSize: number;
  taxonomy?: () => TaxonomySnapshot | undefined;
  linkerCache: SkillLinkerCache;
  occupationSearchCache: OccupationSearchCache;
  auditBatcher: AuditBatcher;
  referenceDir: string;
  elmDir: string;
  /** Each database transaction of a request is stopped by Neo4j after this long (ms). */
  transactionTimeoutMs?: number;
}

/** The one DataLoader factory: each capability contributes its loaders here. */
export function createLoaders(graph: GraphClient, taxonomy?: TaxonomySnapshot): Loaders {
  return {
    taxonomy: createTaxonomyLoaders(graph, taxonomy),
    catalogue: createCatalogueLoaders(graph),
  };
}

/** A request's context: its own round-trip counter, loaders and the current taxonomy snapshot. */
export function createContext(services: HubServices, caller: Caller): HubContext {
  const roundTrips: RoundTripCounter = { count: 0 };
  const graph = services.graph.withCounter(roundTrips, services.transactionTimeoutMs);
  const taxonomy = services.taxonomy?.();
  return {
    graph,
    caller,
    pseudonymSecret: services.pseudonymSecret,
    loaders: createLoaders(graph, taxonomy),
    taxonomy,
    skillLinker: () => services.linkerCache.get(graph, taxonomy),
    occupationSearch: () => services.occupationSearchCache.get(graph, taxonomy),
    auditRead: (event) => {
      roundTrips.count += 1;
      return services.auditBatcher.record(event);
    },
    roundTrips,
    maxPageSize: services.maxPageSize,
    referenceDir: services.referenceDir,
    elmValidator: () => elmValidatorFor(services.elmDir),
  };
}
