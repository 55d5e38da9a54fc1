import { AsyncLocalStorage } from 'node:async_hooks';
import { pino } from 'pino';
import type { LogLevel } from './config.js';

/**
 * The one logger (pino): one JSON object per line on stderr (stdout stays free for CLI output), so logs can
 * be shipped as they are: `time` (ISO), `level` (debug, info, warn, error), `msg`, the fields given, and the
 * `requestId` of the HTTP request the line was written for (requestScope, set by src/server/http.ts). An
 * `err` field is written with its name, message and stack. Personal data and secrets are redacted as a
 * safety net (REDACTED): the code never logs them on purpose.
 */

/** The request a log line belongs to, carried through its async work. */
export const requestScope = new AsyncLocalStorage<{ requestId: string }>();

const REDACTED = [
  'authorization',
  'password',
  'key',
  'learnerId',
  'identifier',
  'reference',
  'text',
  'pseudonymSecret',
].flatMap((field) => [field, `*.${field}`]);

const LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];
const initial = LEVELS.find((level) => level === process.env.LOG_LEVEL) ?? 'info';

const base = pino(
  {
    level: initial,
    base: undefined,
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const scope = requestScope.getStore();
      return scope ? { requestId: scope.requestId } : {};
    },
    redact: { paths: REDACTED, censor: '[redacted]' },
    serializers: { err: pino.stdSerializers.err },
  },
  process.stderr,
);

export function setLogLevel(level: LogLevel): void {
  base.level = level;
}

type Fields = Record<string, unknown>;

export const logger = {
  debug: (msg: string, fields?: Fields) => base.debug(fields ?? {}, msg),
  info: (msg: string, fields?: Fields) => base.info(fields ?? {}, msg),
  warn: (msg: string, fields?: Fields) => base.warn(fields ?? {}, msg),
  error: (msg: string, fields?: Fields) => base.error(fields ?? {}, msg),
};
