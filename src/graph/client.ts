import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { setTimeout as sleep } from 'node:timers/promises';
import { GraphUnavailableError, TimeLimitError } from '../errors.js';
import { GroupRead } from './group-read.js';

/** How long a read (or a retried append) keeps retrying transient errors, as the driver's own default for transactions. */
const READ_RETRY_MS = 30_000;
/** How long a read keeps retrying while Neo4j cannot be reached at all (refused, closed): a request fails within 2 s. */
const UNREACHABLE_RETRY_MS = 1_000;
/** While Neo4j is unreachable, at most one connectivity probe this often; every other call fails at once. */
const PROBE_INTERVAL_MS = 500;

/** The driver's codes for "no server to talk to" (as against a server that answered with an error). */
const unreachable = (error: unknown) =>
  error instanceof Error && ['ServiceUnavailable', 'SessionExpired'].includes((error as { code?: string }).code ?? '');

/**
 * Whether Neo4j was last found unreachable, shared by every view of one connection pool. While it is, each
 * call first waits for a probe (one at a time, at most every PROBE_INTERVAL_MS) and fails at once when the
 * probe fails; the first call after Neo4j answers again clears it. So a request fails in about a second,
 * not after the driver's 30 s of retries, and the hub recovers by itself.
 */
class Reachability {
  down: { since: number; probedAt: number; probe: Promise<boolean> | null } | null = null;

  constructor(private readonly driver: Driver) {}

  markDown(): void {
    this.down ??= { since: Date.now(), probedAt: 0, probe: null };
  }

  async check(database: string): Promise<void> {
    const down = this.down;
    if (!down) return;
    if (!down.probe && Date.now() - down.probedAt >= PROBE_INTERVAL_MS) {
      down.probedAt = Date.now();
      down.probe = this.driver.verifyConnectivity({ database }).then(
        () => true,
        () => false,
      );
    }
    const answered = down.probe ? await down.probe : false;
    down.probe = null;
    if (answered) {
      if (this.down === down) this.down = null;
      return;
    }
    throw new GraphUnavailableError(
      `Neo4j is not reachable (since ${new Date(down.since).toISOString()}); try again shortly`,
    );
  }
}

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
 * The only door to Neo4j. Reads are routed to readers and writes to the leader, so the same code runs on
 * the local launcher, a standalone server, a cluster or Aura.
 *
 * A read is one auto-commit query in a READ session: one network exchange, and less of the driver's CPU,
 * than a managed transaction, which adds BEGIN and COMMIT. It is retried on transient
 * errors as `executeRead` would be. Every session shares the driver's bookmark manager, so a read sees each
 * write this process committed before it, on a cluster too.
 */
export class GraphClient {
  constructor(
    private readonly driver: Driver,
    readonly database: string,
    private readonly counter: RoundTripCounter = { count: 0 },
    private readonly groupReads = new Map<string, GroupRead<Row[]>>(),
    private readonly reachability = new Reachability(driver),
    /** Each transaction's limit on the server (ms); none for imports and start-up work. */
    private readonly transactionTimeoutMs?: number,
  ) {}

  /**
   * A view of the same connection pool that counts into `counter` (one per GraphQL request), each of its
   * transactions stopped by Neo4j after `transactionTimeoutMs` (QUERY_TIMEOUT).
   */
  withCounter(counter: RoundTripCounter, transactionTimeoutMs?: number): GraphClient {
    return new GraphClient(
      this.driver,
      this.database,
      counter,
      this.groupReads,
      this.reachability,
      transactionTimeoutMs,
    );
  }

  private get timeout(): { timeout: number } | undefined {
    return this.transactionTimeoutMs ? { timeout: this.transactionTimeoutMs } : undefined;
  }

  /** Whether Neo4j was last found unreachable (readiness says so without waiting). */
  get unreachableSince(): Date | null {
    return this.reachability.down ? new Date(this.reachability.down.since) : null;
  }

  /** Runs one call to Neo4j: refused at once while it is known unreachable, an unreachable failure said as such. */
  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    await this.reachability.check(this.database);
    try {
      return await work();
    } catch (error) {
      if (/TransactionTimedOut/.test((error as { code?: string }).code ?? ''))
        throw new TimeLimitError(
          `a database query of this request ran past its limit of ${this.transactionTimeoutMs} ms and was stopped`,
          'QUERY_TIMEOUT',
        );
      if (!unreachable(error)) throw error;
      this.reachability.markDown();
      throw new GraphUnavailableError(`Neo4j is not reachable: ${(error as Error).message}`, { cause: error });
    }
  }

  get roundTrips(): number {
    return this.counter.count;
  }

  async read<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    this.counter.count += 1;
    return this.guarded(() => this.retryingTransient(() => this.autoCommit<T>(neo4j.session.READ, cypher, params)));
  }

  /**
   * A read without parameters that concurrent callers share (a change stamp): as fresh as `read`, since the
   * shared read started after this call (see GroupRead). Counts as a round trip of each caller.
   */
  async readShared<T = Row>(cypher: string): Promise<T[]> {
    this.counter.count += 1;
    let group = this.groupReads.get(cypher);
    if (!group) {
      group = new GroupRead(() =>
        this.guarded(() => this.retryingTransient(() => this.autoCommit(neo4j.session.READ, cypher, {}))),
      );
      this.groupReads.set(cypher, group);
    }
    return (await group.get()) as T[];
  }

  async write<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    this.counter.count += 1;
    const result = await this.guarded(() =>
      this.driver.executeQuery(cypher, params, {
        database: this.database,
        routing: neo4j.routing.WRITE,
        transactionConfig: this.timeout,
      }),
    );
    return result.records.map((record) => record.toObject() as T);
  }

  /** The bookmarks of every write so far (executeQuery's manager, shared by our sessions). */
  private get bookmarks() {
    return this.driver.executeQueryBookmarkManager;
  }

  /** Runs `work` in one write transaction, retried by the driver on transient errors; nothing commits if it throws. */
  async writeTransaction<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
    });
    try {
      return await this.guarded(() =>
        session.executeWrite(
          (tx: ManagedTransaction) =>
            work({
              run: async (cypher, params = {}) => {
                this.counter.count += 1;
                const result = await tx.run(cypher, params);
                return result.records.map((record) => record.toObject());
              },
            }),
          this.timeout,
        ),
      );
    } finally {
      await session.close();
    }
  }

  /**
   * Auto-commit: one statement, atomic on its own, in one network exchange (no BEGIN and COMMIT). For schema
   * statements, CALL { … } IN TRANSACTIONS, and single-statement appends such as the audit trail's batches.
   * `retryTransient` retries transient errors as reads are retried: only for a statement that may, rarely,
   * be applied twice (a failure can come after the commit), such as appending audit events.
   */
  async runAutoCommit(cypher: string, params: Params = {}, options: { retryTransient?: boolean } = {}): Promise<void> {
    this.counter.count += 1;
    const once = () => this.autoCommit(neo4j.session.WRITE, cypher, params);
    await this.guarded(() => (options.retryTransient ? this.retryingTransient(once) : once()));
  }

  /** One auto-commit query in its own session (uncounted: callers count). */
  private async autoCommit<T>(
    mode: typeof neo4j.session.READ | typeof neo4j.session.WRITE,
    cypher: string,
    params: Params,
  ): Promise<T[]> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode,
      bookmarkManager: this.bookmarks,
    });
    try {
      const result = await session.run(cypher, params, this.timeout);
      return result.records.map((record) => record.toObject() as T);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs `work` again on transient errors (a leader switch, a restarting server) for up to READ_RETRY_MS,
   * backing off; for UNREACHABLE_RETRY_MS only when no server answers at all.
   */
  private async retryingTransient<T>(work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        const budget = unreachable(error) ? UNREACHABLE_RETRY_MS : READ_RETRY_MS;
        if (!neo4j.isRetryableError(error) || Date.now() - started > budget) throw error;
        await sleep(Math.min(unreachable(error) ? 200 : 1000, 50 * 2 ** attempt));
      }
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
}

export function connectGraph(options: { uri: string; user: string; password: string; database: string }): GraphClient {
  const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    // Counts and sizes in this domain are far below 2^53; plain numbers keep resolvers simple.
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 64,
    connectionAcquisitionTimeout: 30_000,
    // A server that does not answer the TCP handshake (a dead host) is given up on within 2 s.
    connectionTimeout: 2_000,
    logging: { level: 'warn', logger: () => undefined },
  });
  return new GraphClient(driver, options.database);
}
