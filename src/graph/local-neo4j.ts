import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { projectRoot } from '../config.js';
import { logger } from '../logger.js';

/**
 * Manages the project's own Neo4j: the Maven-built launcher under graph/launcher, run as a separate
 * Java process with its data, pid file, log and password under one data folder. Authentication is on:
 * the password of the user neo4j is generated on first start into `<data folder>/neo4j-password`
 * (readable by its owner only; graph/data is git-ignored) and set by the launcher at every start,
 * so replacing that file and restarting rotates it.
 */
const launcherDir = path.join(projectRoot, 'graph', 'launcher');
const classesDir = path.join(launcherDir, 'target', 'classes');
const libDir = path.join(launcherDir, 'target', 'lib');

export interface LocalGraphOptions {
  dataDir: string;
  port: number;
  heapMb: number;
  pageCacheMb: number;
}

export interface LocalGraphStatus {
  running: boolean;
  pid?: number;
  port?: number;
  uri?: string;
  dataDir: string;
  log: string;
}

const launcherClass = path.join(classesDir, 'eu', 'skillshub', 'graph', 'GraphLauncher.class');
const launcherSource = path.join(launcherDir, 'src', 'main', 'java', 'eu', 'skillshub', 'graph', 'GraphLauncher.java');

/** Built, and not older than its source (a checkout that changed the launcher builds it again). */
export function isLauncherBuilt(): boolean {
  if (!fs.existsSync(launcherClass) || !fs.existsSync(libDir)) return false;
  return !fs.existsSync(launcherSource) || fs.statSync(launcherSource).mtimeMs <= fs.statSync(launcherClass).mtimeMs;
}

/** Builds the launcher with Maven (downloads Neo4j Community from Maven Central on first run). */
export function buildLauncher(): void {
  logger.info('building the Neo4j launcher with Maven', { dir: launcherDir });
  const result = spawnSync('mvn', ['-B', '-q', '-DskipTests', 'package'], { cwd: launcherDir, stdio: 'inherit' });
  if (result.error) throw new Error(`could not run Maven (mvn): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`Maven build of graph/launcher failed with exit code ${result.status}`);
}

const pidFile = (dataDir: string) => path.join(dataDir, 'launcher.pid');
/** Left by stopLocalGraph: the launcher was stopped on purpose (npm run db:stop), so a watching hub leaves it stopped. */
const stoppedFile = (dataDir: string) => path.join(dataDir, 'launcher.stopped');

export function stoppedOnPurpose(dataDir: string): boolean {
  return fs.existsSync(stoppedFile(dataDir));
}
const logFile = (dataDir: string) => path.join(dataDir, 'launcher.log');
/** Where the password of the user neo4j is kept for this data folder. */
export const passwordFile = (dataDir: string) => path.join(dataDir, 'neo4j-password');

/**
 * The password of the user neo4j of the project's own Neo4j for this data folder, generated (32 random
 * bytes, base64url) into a file only its owner may read when there is none yet.
 */
export function localGraphPassword(dataDir: string): string {
  const file = passwordFile(dataDir);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    // 'wx' fails rather than overwrite a file another process wrote meanwhile; that one's password wins.
    try {
      fs.writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  // A file copied in with looser permissions is narrowed again: the password opens every learner's data.
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  return fs.readFileSync(file, 'utf8').trim();
}

/** Whether a process of this id is running (signal 0 only checks). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function localGraphStatus(dataDir: string): LocalGraphStatus {
  const status: LocalGraphStatus = { running: false, dataDir, log: logFile(dataDir) };
  if (!fs.existsSync(pidFile(dataDir))) return status;
  const { pid, port } = JSON.parse(fs.readFileSync(pidFile(dataDir), 'utf8')) as { pid: number; port: number };
  if (!isAlive(pid)) return status;
  const ready = fs.existsSync(logFile(dataDir)) && fs.readFileSync(logFile(dataDir), 'utf8').includes('BOLT_READY');
  return { ...status, running: ready, pid, port, uri: `bolt://127.0.0.1:${port}` };
}

/**
 * Starts the launcher unless it already runs for this data folder; resolves once Bolt answers.
 * Returns whether this call started it (so the caller knows whether to stop it again).
 */
export async function startLocalGraph(
  options: LocalGraphOptions,
  timeoutMs = 180_000,
): Promise<{ started: boolean; uri: string; password: string }> {
  const password = localGraphPassword(options.dataDir);
  const current = localGraphStatus(options.dataDir);
  if (current.running) {
    if (current.port !== options.port) {
      throw new Error(
        `a local Neo4j already runs on port ${current.port} for ${options.dataDir}; stop it first (npm run db:stop)`,
      );
    }
    return { started: false, uri: current.uri!, password };
  }
  if (!isLauncherBuilt()) buildLauncher();
  fs.rmSync(stoppedFile(options.dataDir), { force: true });
  const log = fs.openSync(logFile(options.dataDir), 'w');
  const child = spawn(
    'java',
    [
      `-Xmx${options.heapMb}m`,
      '-XX:+UseG1GC',
      '-cp',
      `${classesDir}${path.delimiter}${path.join(libDir, '*')}`,
      'eu.skillshub.graph.GraphLauncher',
      '--home',
      path.join(options.dataDir, 'neo4j'),
      '--port',
      String(options.port),
      '--page-cache-mb',
      String(options.pageCacheMb),
      '--password-file',
      passwordFile(options.dataDir),
    ],
    { detached: true, stdio: ['ignore', log, log] },
  );
  fs.closeSync(log);
  child.unref();
  fs.writeFileSync(pidFile(options.dataDir), JSON.stringify({ pid: child.pid, port: options.port }));
  logger.info('starting local Neo4j', { pid: child.pid, port: options.port, dataDir: options.dataDir });

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const output = fs.readFileSync(logFile(options.dataDir), 'utf8');
    if (output.includes('BOLT_READY')) return { started: true, uri: `bolt://127.0.0.1:${options.port}`, password };
    if (!isAlive(child.pid!)) {
      throw new Error(
        `local Neo4j exited during start-up; last lines of ${logFile(options.dataDir)}:\n${tail(output, 20)}`,
      );
    }
    await sleep(250);
  }
  process.kill(child.pid!, 'SIGTERM');
  throw new Error(`local Neo4j did not become ready within ${timeoutMs / 1000} s; see ${logFile(options.dataDir)}`);
}

/** Stops the launcher for this data folder (SIGTERM, Neo4j shuts down cleanly) and waits for it to exit. */
export async function stopLocalGraph(dataDir: string, timeoutMs = 60_000): Promise<boolean> {
  if (!fs.existsSync(pidFile(dataDir))) return false;
  fs.writeFileSync(stoppedFile(dataDir), `${new Date().toISOString()}\n`);
  const { pid } = JSON.parse(fs.readFileSync(pidFile(dataDir), 'utf8')) as { pid: number };
  if (isAlive(pid)) {
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + timeoutMs;
    while (isAlive(pid) && Date.now() < deadline) await sleep(100);
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  fs.rmSync(pidFile(dataDir), { force: true });
  return true;
}

function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
