import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type ApiKey, parseApiKeys, readKeysFile } from './access/callers.js';

/** The repository root, so paths resolve the same from `npm start`, the CLI, tests and the bench. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface HubConfig {
  /** development (a fresh clone: open, demo data) or production (keys, secret and an authenticated Neo4j required). */
  mode: HubMode;
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
  /** GraphQL requests a minute per API key, or per client address without one; 0: no limit. */
  rateLimitPerMinute: number;
  /** Behind a proxy: take the client's address from X-Forwarded-For (for rate limits and logs). */
  trustProxy: boolean;
  /** How long one GraphQL request may take before it is answered REQUEST_TIMEOUT (ms). */
  requestTimeoutMs: number;
  /** How long Neo4j runs one transaction of a request before stopping it (QUERY_TIMEOUT, ms). */
  queryTimeoutMs: number;
  access: {
    /** Empty, and no keys file: development mode, every caller has every role. */
    apiKeys: ApiKey[];
    /** A file of keys, one `name:role+role:key` a line, read again when it changes (src/access/key-ring.ts). */
    apiKeysFile?: string;
    /** Key for learner pseudonyms; required once API keys are set. */
    pseudonymSecret: string;
  };
  /** Set: GET /metrics answers only with `Authorization: Bearer <token>`; null: to anyone who reaches it. */
  metricsToken: string | null;
  /** Link long texts (linkSkills) in a worker thread, off the request thread (src/linking/linker-thread.ts). */
  linkOffThread: boolean;
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
const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
const MODES = ['development', 'production'] as const;
export type HubMode = (typeof MODES)[number];
/** Counted without surrounding white space: 32 spaces are no secret. */
const SECRET_LENGTH = 32;

/** An unset or empty variable takes its default. */
const blank = (raw: unknown) => (raw === '' ? undefined : raw);

/** A whole number in [min, max]; the message names the variable, the range and what was given. */
const wholeNumber = (name: string, fallback: number, min: number, max: number) => {
  const error = (issue: { input?: unknown }) =>
    `${name} must be a whole number from ${min} to ${max} (got '${String(issue.input)}')`;
  return z.preprocess(
    blank,
    z
      .string()
      .regex(/^-?\d+$/, { error })
      .transform(Number)
      .pipe(z.number().min(min, { error }).max(max, { error }))
      .default(fallback),
  );
};

const flag = (name: string) =>
  z.stringbool({
    truthy: ['1', 'true', 'yes'],
    falsy: ['0', 'false', 'no'],
    case: 'insensitive',
    error: (issue) => `${name} must be true or false (got '${String(issue.input)}')`,
  });
const yesNo = (name: string, fallback: boolean) => z.preprocess(blank, flag(name).default(fallback));

const oneOf = <T extends readonly [string, ...string[]]>(name: string, values: T, words: string) =>
  z.preprocess(
    blank,
    z.enum(values, { error: (issue) => `${name} must be ${words} (got '${String(issue.input)}')` }).optional(),
  );

/** Each variable the hub reads, checked and turned into its value (zod); every problem is listed at once. */
const ENV = z.object({
  HUB_MODE: oneOf('HUB_MODE', MODES, 'development or production'),
  NODE_ENV: z.string().optional(),
  HOST: z.preprocess(blank, z.string().default('127.0.0.1')),
  PORT: wholeNumber('PORT', 4000, 0, 65535),
  LOG_LEVEL: oneOf('LOG_LEVEL', LOG_LEVELS, `one of ${LOG_LEVELS.join(', ')}`),
  NEO4J_URI: z.preprocess(
    blank,
    z
      .string()
      .refine((uri) => uri.includes('://') && NEO4J_SCHEMES.includes(uri.split('://')[0]), {
        error: (issue) =>
          `NEO4J_URI must start with one of ${NEO4J_SCHEMES.map((s) => `${s}://`).join(', ')} (got '${String(issue.input)}')`,
      })
      .optional(),
  ),
  NEO4J_USER: z.string().optional(),
  NEO4J_USERNAME: z.string().optional(),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().optional(),
  HUB_GRAPH_DIR: z.string().optional(),
  HUB_GRAPH_PORT: wholeNumber('HUB_GRAPH_PORT', 7687, 1, 65535),
  HUB_GRAPH_HEAP_MB: wholeNumber('HUB_GRAPH_HEAP_MB', 3072, 256, 65536),
  HUB_GRAPH_PAGE_CACHE_MB: wholeNumber('HUB_GRAPH_PAGE_CACHE_MB', 512, 16, 65536),
  ESCO_DIR: z.string().optional(),
  REFERENCE_DIR: z.string().optional(),
  ELM_DIR: z.string().optional(),
  // Its default depends on the mode (see loadConfig).
  SEED_DEMO: z.preprocess(blank, flag('SEED_DEMO').optional()),
  HUB_WARM_UP: yesNo('HUB_WARM_UP', true),
  MAX_PAGE_SIZE: wholeNumber('MAX_PAGE_SIZE', 100, 1, 1000),
  // Its default depends on the mode (see loadConfig); -1 stands for "not set".
  HUB_RATE_LIMIT: wholeNumber('HUB_RATE_LIMIT', -1, 0, 1_000_000),
  HUB_TRUST_PROXY: yesNo('HUB_TRUST_PROXY', false),
  HUB_REQUEST_TIMEOUT_MS: wholeNumber('HUB_REQUEST_TIMEOUT_MS', 30_000, 100, 600_000),
  HUB_QUERY_TIMEOUT_MS: wholeNumber('HUB_QUERY_TIMEOUT_MS', 20_000, 100, 600_000),
  // The keys' own format (name:role+role:key) is parsed by access/callers.ts, which says what is wrong with an entry.
  HUB_API_KEYS: z
    .string()
    .default('')
    .transform((raw, ctx) => {
      const { keys, problems } = parseApiKeys(raw);
      for (const message of problems) ctx.addIssue({ code: 'custom', message });
      return keys;
    }),
  HUB_API_KEYS_FILE: z.preprocess(blank, z.string().optional()),
  HUB_PSEUDONYM_SECRET: z.string().default(''),
  HUB_METRICS_TOKEN: z.preprocess(
    blank,
    z
      .string()
      .refine((token) => token.trim().length >= SECRET_LENGTH, {
        message: `HUB_METRICS_TOKEN must be at least ${SECRET_LENGTH} characters (not counting surrounding spaces): it guards /metrics`,
      })
      .optional(),
  ),
  HUB_LINK_OFF_THREAD: yesNo('HUB_LINK_OFF_THREAD', true),
  TAXONOMY_SNAPSHOT: yesNo('TAXONOMY_SNAPSHOT', true),
  TAXONOMY_REFRESH_SECONDS: wholeNumber('TAXONOMY_REFRESH_SECONDS', 10, 0, 86_400),
});

/**
 * What a mode requires beyond each value being well formed. Production (HUB_MODE=production, or NODE_ENV=
 * production without HUB_MODE) refuses to start without API keys, a pseudonym secret and an authenticated
 * Neo4j: the project's own (its generated password, src/graph/local-neo4j.ts), or NEO4J_URI with NEO4J_PASSWORD.
 * In development, API keys still need a pseudonym secret: they mean learner data is about to be loaded.
 */
function modeProblems(mode: HubMode, env: NodeJS.ProcessEnv, keysConfigured: boolean, serving: boolean): string[] {
  const secret = (env.HUB_PSEUDONYM_SECRET ?? '').trim().length >= SECRET_LENGTH;
  if (mode === 'development')
    return keysConfigured && !secret
      ? [
          `HUB_PSEUDONYM_SECRET must be set (at least ${SECRET_LENGTH} characters, not counting surrounding spaces) when HUB_API_KEYS is set: it keys the learner pseudonyms`,
        ]
      : [];
  const problems: string[] = [];
  if (serving && !env.HUB_API_KEYS?.trim() && !env.HUB_API_KEYS_FILE)
    problems.push(
      'HUB_API_KEYS must be set in production mode (or HUB_API_KEYS_FILE): name:role+role:key entries, one per client (docs/operations.md)',
    );
  if (serving && !secret)
    problems.push(
      `HUB_PSEUDONYM_SECRET must be set (at least ${SECRET_LENGTH} characters, not counting surrounding spaces) in production mode: it keys the learner pseudonyms`,
    );
  // The project's own Neo4j (NEO4J_URI unset) is authenticated with the password kept beside its data.
  if (env.NEO4J_URI && !env.NEO4J_PASSWORD)
    problems.push('NEO4J_PASSWORD must be set in production mode: the hub connects to Neo4j only with authentication');
  return problems;
}

/**
 * Reads and validates the whole configuration at once, so a bad deployment lists every problem in one go:
 * first what the mode requires, then each malformed value.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  /** false for the CLI: it serves no one, so production asks it only for an authenticated Neo4j. */
  serving = true,
): HubConfig {
  const parsed = ENV.safeParse(env);
  const mode: HubMode =
    MODES.find((m) => m === env.HUB_MODE) ??
    (env.HUB_MODE ? 'development' : env.NODE_ENV === 'production' ? 'production' : 'development');
  const keysFile = env.HUB_API_KEYS_FILE ? path.resolve(env.HUB_API_KEYS_FILE) : undefined;
  const fromFile = keysFile ? readKeysFile(keysFile) : { keys: [], problems: [] };
  // Keys are configured when HUB_API_KEYS holds a valid one, or a keys file is named (even an empty one).
  const keysConfigured =
    (parsed.success ? parsed.data.HUB_API_KEYS : parseApiKeys(env.HUB_API_KEYS ?? '').keys).length > 0 ||
    keysFile !== undefined;
  const problems = [
    ...modeProblems(mode, env, keysConfigured, serving),
    ...(parsed.success ? [] : parsed.error.issues.map((i) => i.message)),
    ...fromFile.problems,
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const v = parsed.data;
  return {
    mode,
    host: v.HOST,
    port: v.PORT,
    logLevel: v.LOG_LEVEL ?? 'info',
    neo4j: {
      uri: v.NEO4J_URI,
      user: v.NEO4J_USER || v.NEO4J_USERNAME || 'neo4j',
      password: v.NEO4J_PASSWORD || '',
      database: v.NEO4J_DATABASE || 'neo4j',
    },
    localGraph: {
      dataDir: path.resolve(projectRoot, v.HUB_GRAPH_DIR || 'graph/data'),
      port: v.HUB_GRAPH_PORT,
      heapMb: v.HUB_GRAPH_HEAP_MB,
      pageCacheMb: v.HUB_GRAPH_PAGE_CACHE_MB,
    },
    escoDir: v.ESCO_DIR ? path.resolve(v.ESCO_DIR) : undefined,
    referenceDir: path.resolve(projectRoot, v.REFERENCE_DIR || '../shared/data/reference'),
    elmDir: path.resolve(projectRoot, v.ELM_DIR || '../shared/data/elm-v3'),
    // A production hub never fills an empty graph with demo data unless told to.
    seedDemo: v.SEED_DEMO ?? mode === 'development',
    warmUp: v.HUB_WARM_UP,
    maxPageSize: v.MAX_PAGE_SIZE,
    // Production bounds each client by default (a dashboard page sends a handful of requests); development does not.
    rateLimitPerMinute: v.HUB_RATE_LIMIT >= 0 ? v.HUB_RATE_LIMIT : mode === 'production' ? 1200 : 0,
    trustProxy: v.HUB_TRUST_PROXY,
    requestTimeoutMs: v.HUB_REQUEST_TIMEOUT_MS,
    queryTimeoutMs: v.HUB_QUERY_TIMEOUT_MS,
    access: {
      apiKeys: v.HUB_API_KEYS,
      apiKeysFile: keysFile,
      // Development mode only: a fixed secret, so pseudonyms stay stable across restarts of a demo.
      pseudonymSecret: v.HUB_PSEUDONYM_SECRET || 'development-only-pseudonym-secret-do-not-use',
    },
    metricsToken: v.HUB_METRICS_TOKEN?.trim() ?? null,
    linkOffThread: v.HUB_LINK_OFF_THREAD,
    taxonomySnapshot: {
      enabled: v.TAXONOMY_SNAPSHOT,
      refreshSeconds: v.TAXONOMY_REFRESH_SECONDS,
    },
  };
}

/** The Bolt address of the graph the hub should use: the configured server, else our own local one. */
export function graphUri(config: HubConfig): string {
  return config.neo4j.uri ?? `bolt://127.0.0.1:${config.localGraph.port}`;
}
