import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { projectRoot } from '../config.js';
import { logger } from '../logger.js';

/**
 * Manages the project's own Neo4j: the Maven-built launcher under graph/launcher, run as a separate
 * Java process with its data, pid file and log under one data folder.
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

export function isLauncherBuilt(): boolean {
  return (
    fs.existsSync(path.join(classesDir, 'eu', 'skillshub', 'graph', 'GraphLauncher.class')) && fs.existsSync(libDir)
  );
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

function isAlive(pid: number): boolean {
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
): Promise<{ started: boolean; uri: string }> {
  const current = localGraphStatus(options.dataDir);
  if (current.running) {
    if (current.port !== options.port) {
      throw new Error(
        `a local Neo4j already runs on port ${current.port} for ${options.dataDir}; stop it first (npm run db:stop)`,
      );
    }
    return { started: false, uri: current.uri! };
  }
  if (!isLauncherBuilt()) buildLauncher();
  fs.mkdirSync(options.dataDir, { recursive: true });
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
    if (output.includes('BOLT_READY')) return { started: true, uri: `bolt://127.0.0.1:${options.port}` };
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
