import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ApiKey, parseApiKeys } from './access/callers.js';

/** The repository root, so paths resolve the same from `npm start`, the CLI, tests and the bench. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface HubConfig {
  host: string;
  port: number;
  logLevel: LogLevel;
  neo4j: {
    /** Set when the hub talks to an external Neo4j (standalone, cluster, Aura); unset means "run our own". */
    uri?: string;
    user: string;
    password: string;
    database: string;
  };
  localGraph: {
    dataDir: string;
    port: number;
    heapMb: number;
    pageCacheMb: number;
  };
  /** An ESCO CSV export to import at start-up when the graph holds no taxonomy. */
  escoDir?: string;
  /** Official code lists (NUTS, NACE, district → NUTS 3, …) used to check and roll up demand data. */
  referenceDir: string;
  /** The Commission's ELM v3 shapes, ontology and contexts (validating ELM exports and files). */
  elmDir: string;
  /** Load the demo data set from seeds/ when the graph holds no taxonomy and no ESCO_DIR is given. */
  seedDemo: boolean;
  /** Compute one dashboard cell before taking requests, so the first view does not pay for what every slice shares. */
  warmUp: boolean;
  maxPageSize: number;
  access: {
    /** Empty: development mode, every caller has every role. */
    apiKeys: ApiKey[];
    /** Key for learner pseudonyms; required once API keys are set. */
    pseudonymSecret: string;
  };
  taxonomySnapshot: {
    /** Serve taxonomy reads from an in-process copy (rebuilt when a new release is imported). */
    enabled: boolean;
    /** How often to check the graph for a newly imported release; 0 = only at start-up. */
    refreshSeconds: number;
  };
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const NEO4J_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];
const LOG_LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

/** Reads and validates the whole configuration at once, so a bad deployment lists every problem in one go. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const problems: string[] = [];

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got '${raw}')`);
      return fallback;
    }
    return value;
  };
  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be true or false (got '${raw}')`);
    return fallback;
  };

  const uri = env.NEO4J_URI || undefined;
  if (uri) {
    const scheme = uri.split('://')[0];
    if (!uri.includes('://') || !NEO4J_SCHEMES.includes(scheme)) {
      problems.push(
        `NEO4J_URI must start with one of ${NEO4J_SCHEMES.map((s) => `${s}://`).join(', ')} (got '${uri}')`,
      );
    }
  }

  const logLevel = (env.LOG_LEVEL || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got '${env.LOG_LEVEL}')`);
  }

  const { keys: apiKeys, problems: keyProblems } = parseApiKeys(env.HUB_API_KEYS ?? '');
  problems.push(...keyProblems);
  const pseudonymSecret = env.HUB_PSEUDONYM_SECRET ?? '';
  // Counted without surrounding white space: 32 spaces are no secret.
  if (apiKeys.length > 0 && pseudonymSecret.trim().length < 32) {
    problems.push(
      'HUB_PSEUDONYM_SECRET must be set (at least 32 characters, not counting surrounding spaces) when HUB_API_KEYS is set: it keys the learner pseudonyms',
    );
  }

  const config: HubConfig = {
    host: env.HOST || '127.0.0.1',
    port: integer('PORT', 4000, 0, 65535),
    logLevel,
    neo4j: {
      uri,
      user: env.NEO4J_USER || env.NEO4J_USERNAME || 'neo4j',
      password: env.NEO4J_PASSWORD || '',
      database: env.NEO4J_DATABASE || 'neo4j',
    },
    localGraph: {
      dataDir: path.resolve(projectRoot, env.HUB_GRAPH_DIR || 'graph/data'),
      port: integer('HUB_GRAPH_PORT', 7687, 1, 65535),
      heapMb: integer('HUB_GRAPH_HEAP_MB', 3072, 256, 65536),
      pageCacheMb: integer('HUB_GRAPH_PAGE_CACHE_MB', 512, 16, 65536),
    },
    escoDir: env.ESCO_DIR ? path.resolve(env.ESCO_DIR) : undefined,
    referenceDir: path.resolve(projectRoot, env.REFERENCE_DIR || '../shared/data/reference'),
    elmDir: path.resolve(projectRoot, env.ELM_DIR || '../shared/data/elm-v3'),
    seedDemo: boolean('SEED_DEMO', true),
    warmUp: boolean('HUB_WARM_UP', true),
    maxPageSize: integer('MAX_PAGE_SIZE', 100, 1, 1000),
    access: {
      apiKeys,
      // Development mode only: a fixed secret, so pseudonyms stay stable across restarts of a demo.
      pseudonymSecret: pseudonymSecret || 'development-only-pseudonym-secret-do-not-use',
    },
    taxonomySnapshot: {
      enabled: boolean('TAXONOMY_SNAPSHOT', true),
      refreshSeconds: integer('TAXONOMY_REFRESH_SECONDS', 10, 0, 86_400),
    },
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The Bolt address of the graph the hub should use: the configured server, else our own local one. */
export function graphUri(config: HubConfig): string {
  return config.neo4j.uri ?? `bolt://127.0.0.1:${config.localGraph.port}`;
}
