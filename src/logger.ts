import type { LogLevel } from './config.js';

/**
 * The one logger: one JSON object per line on stderr (stdout stays free for CLI output),
 * so logs can be shipped as they are. Fields are merged into the line.
 */
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

let threshold: number = RANK[(process.env.LOG_LEVEL as LogLevel) ?? 'info'] ?? RANK.info;

export function setLogLevel(level: LogLevel): void {
  threshold = RANK[level];
}

type Fields = Record<string, unknown>;

function write(level: Exclude<LogLevel, 'silent'>, msg: string, fields?: Fields): void {
  if (RANK[level] < threshold) return;
  const line: Fields = { time: new Date().toISOString(), level, msg, ...fields };
  if (line.err instanceof Error) {
    line.err = { name: line.err.name, message: line.err.message, stack: line.err.stack };
  }
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

export const logger = {
  debug: (msg: string, fields?: Fields) => write('debug', msg, fields),
  info: (msg: string, fields?: Fields) => write('info', msg, fields),
  warn: (msg: string, fields?: Fields) => write('warn', msg, fields),
  error: (msg: string, fields?: Fields) => write('error', msg, fields),
};
