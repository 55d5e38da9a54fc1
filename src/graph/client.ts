import neo4j, { type Driver, type ManagedTransaction, type RoutingControl } from 'neo4j-driver';
import { GraphUnavailableError } from '../errors.js';

/** Counts database round trips; one per request lets tests and the bench prove there is no N+1. */
export interface RoundTripCounter {
  count: number;
}

export type Params = Record<string, unknown>;
type Row = Record<string, unknown>;

/** A write transaction as our code sees it: each `run` is one round trip, all or nothing at commit. */
export interface WriteTransaction {
  run(cypher: string, params?: Params): Promise<Row[]>;
}

/**
 * The only door to Neo4j. Reads are routed to readers and writes to the leader (`executeRead` /
 * `executeWrite` semantics), so the same code runs on the local launcher, a standalone server, a cluster or Aura.
 */
export class GraphClient {
  constructor(
    private readonly driver: Driver,
    readonly database: string,
    private readonly counter: RoundTripCounter = { count: 0 },
  ) {}

  /** A view of the same connection pool that counts into `counter` (one per GraphQL request). */
  withCounter(counter: RoundTripCounter): GraphClient {
    return new GraphClient(this.driver, this.database, counter);
  }

  get roundTrips(): number {
    return this.counter.count;
  }

  async read<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.query<T>(cypher, params, neo4j.routing.READ);
  }

  async write<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.query<T>(cypher, params, neo4j.routing.WRITE);
  }

  /** Runs `work` in one write transaction, retried by the driver on transient errors; nothing commits if it throws. */
  async writeTransaction<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite((tx: ManagedTransaction) =>
        work({
          run: async (cypher, params = {}) => {
            this.counter.count += 1;
            const result = await tx.run(cypher, params);
            return result.records.map((record) => record.toObject());
          },
        }),
      );
    } finally {
      await session.close();
    }
  }

  /** Auto-commit: for schema statements (constraints, indexes) and CALL { … } IN TRANSACTIONS. */
  async runAutoCommit(cypher: string): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      this.counter.count += 1;
      await session.run(cypher);
    } finally {
      await session.close();
    }
  }

  async verifyConnectivity(): Promise<void> {
    try {
      await this.driver.verifyConnectivity({ database: this.database });
    } catch (error) {
      throw new GraphUnavailableError(`Neo4j is not reachable: ${(error as Error).message}`, { cause: error });
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async query<T>(cypher: string, params: Params, routing: RoutingControl): Promise<T[]> {
    this.counter.count += 1;
    const result = await this.driver.executeQuery(cypher, params, { database: this.database, routing });
    return result.records.map((record) => record.toObject() as T);
  }
}

export function connectGraph(options: { uri: string; user: string; password: string; database: string }): GraphClient {
  const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    // Counts and sizes in this domain are far below 2^53; plain numbers keep resolvers simple.
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 64,
    connectionAcquisitionTimeout: 30_000,
    logging: { level: 'warn', logger: () => undefined },
  });
  return new GraphClient(driver, options.database);
}
