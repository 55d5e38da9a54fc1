import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { projectRoot } from '../src/config.js';
import { isAlive, startLocalGraph, stopLocalGraph } from '../src/graph/local-neo4j.js';

/**
 * Starts a real Neo4j for the test run, on its own port and in its own data folder (wiped first),
 * so tests never touch the development graph. Stopped again when the run ends.
 */
const port = Number(process.env.HUB_TEST_GRAPH_PORT ?? 17688);
// One data folder per port, so two runs on different ports never wipe each other's graph.
const dataDir = path.join(projectRoot, '.hub', port === 17688 ? 'test-graph' : `test-graph-${port}`);

/** Folders of a Neo4j a test starts for itself (faults.test.ts), named after the test process: `<kind>-graph-<pid>`. */
const OWN_GRAPH = /^(?:fault|own)-graph-(\d+)$/;

/**
 * Stops and removes the Neo4j of a test run that ended without its clean-up (the runner killed, a
 * timeout): the launcher is a detached process and would otherwise live on. A folder of a test process
 * still running (another run beside this one) is left alone.
 */
async function stopLeftoverGraphs(): Promise<void> {
  const hubDir = path.join(projectRoot, '.hub');
  if (!fs.existsSync(hubDir)) return;
  for (const name of fs.readdirSync(hubDir)) {
    const pid = OWN_GRAPH.exec(name)?.[1];
    if (!pid || isAlive(Number(pid))) continue;
    await stopLocalGraph(path.join(hubDir, name));
    fs.rmSync(path.join(hubDir, name), { recursive: true, force: true });
  }
}

export default async function setup(project: TestProject) {
  await stopLeftoverGraphs();
  await stopLocalGraph(dataDir);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const { uri, password } = await startLocalGraph({ dataDir, port, heapMb: 3072, pageCacheMb: 256 });
  project.provide('neo4jUri', uri);
  project.provide('neo4jPassword', password);
  return async () => {
    await stopLocalGraph(dataDir);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    /** The password of the user neo4j of the test Neo4j (authentication is on, as for the hub's own). */
    neo4jPassword: string;
  }
}
