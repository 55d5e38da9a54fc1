import DataLoader from 'dataloader';
import type { GraphClient } from '../graph/client.js';
import type { MicroCredential, Provider, Qualification } from './model.js';
import {
  type OutcomeWithLinks,
  microCredentialsById,
  outcomesOfCredentials,
  providersById,
  qualificationsById,
} from './store.js';
import { type QualificationDetail, qualificationDetails } from './qualification-store.js';

export type StoredMicroCredential = MicroCredential & { createdAt: string; updatedAt: string };

/** Per-request batching for catalogue reads: one round trip per level of a request. */
export function createCatalogueLoaders(graph: GraphClient) {
  return {
    microCredential: new DataLoader<string, StoredMicroCredential | null>(async (ids) => {
      const found = new Map((await microCredentialsById(graph, ids)).map((row) => [row.id, row]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    provider: new DataLoader<string, Provider | null>(async (ids) => {
      const found = new Map((await providersById(graph, ids)).map((row) => [row.id, row]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    qualification: new DataLoader<string, Qualification | null>(async (ids) => {
      const found = new Map((await qualificationsById(graph, ids)).map((row) => [row.id, row]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    /** Ids of each provider's published offers, in id order. */
    publishedOffersOfProvider: new DataLoader<string, string[]>(async (providerIds) => {
      const rows = await graph.read<{ providerId: string; ids: string[] }>(
        `UNWIND $providerIds AS providerId
         RETURN providerId, COLLECT { MATCH (m:MicroCredential {providerId: providerId, status: 'PUBLISHED'}) RETURN m.id ORDER BY m.id } AS ids`,
        { providerIds },
      );
      const found = new Map(rows.map((row) => [row.providerId, row.ids]));
      return providerIds.map((id) => found.get(id) ?? []);
    }),
    /** A qualification's duties and ESCO occupations. */
    qualificationDetail: new DataLoader<string, QualificationDetail>(async (ids) => {
      const found = await qualificationDetails(graph, ids);
      return ids.map((id) => found.get(id) ?? { duties: [], occupations: [] });
    }),
    /** The learning outcomes of offers and qualifications, by id. */
    outcomes: new DataLoader<string, OutcomeWithLinks[]>(async (ids) => {
      const found = await outcomesOfCredentials(graph, ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
  };
}

export type CatalogueLoaders = ReturnType<typeof createCatalogueLoaders>;

// What the catalogue adds to every request's context (src/graphql/context.ts).
declare module '../graphql/context.js' {
  interface Loaders {
    catalogue: CatalogueLoaders;
  }
}
