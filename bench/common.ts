/**
 * What the bench's runs share (bench/run.ts against the peers, bench/soak.ts alone): the shared data they load,
 * and starting a server the way `npm start` does.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { importCatalogue } from '../src/catalogue/import.js';
import { projectRoot } from '../src/config.js';
import { DEMAND_FORMATS } from '../src/demand/formats.js';
import { importDemand } from '../src/demand/import.js';
import { referenceLists } from '../src/demand/reference.js';
import type { GraphClient } from '../src/graph/client.js';
import { SkillLinkerCache } from '../src/linking/cache.js';
import { importEsco } from '../src/taxonomy/esco-import.js';
import { demoCatalogueFile } from '../src/taxonomy/seed.js';

export const SHARED = path.resolve(projectRoot, '..', 'shared', 'data');
/** Every shared demand source (the M data set), as `npm run hub -- import demand` reads them. */
export const DEMAND_SOURCES: Array<[format: string, input: string]> = [
  ['eurostat-lfs', 'eurostat-lfsa_eisn2'],
  ['eu-job-ads', 'eu-oja-isco4-2019-2020'],
  ['us-sector-mix', 'sector-occupation/us-bls-oews-natsector-2024'],
  ['eu-lfs-isco3', 'nesta-mapping-career-causeways'],
  ['automation', 'nesta-mapping-career-causeways'],
  ['de-ba', 'de-ba-vacancies-unemployed'],
];
export const ESCO_DIR = process.env.ESCO_DIR ?? path.join(SHARED, 'esco-v1.1.1-en');

/** Full ESCO (timed), the demo catalogue and the demand sources given (every shared one by default), into `graph`. */
export async function loadBenchData(graph: GraphClient, sources = DEMAND_SOURCES) {
  process.stderr.write(`bench: importing ${ESCO_DIR}\n`);
  const importStarted = performance.now();
  const summary = await importEsco(graph, ESCO_DIR);
  const importSeconds = Math.round((performance.now() - importStarted) / 100) / 10;
  process.stderr.write(`bench: import took ${importSeconds} s\n`);
  const catalogue = await importCatalogue(graph, demoCatalogueFile, await new SkillLinkerCache().get(graph));
  process.stderr.write(
    `bench: demo catalogue: ${catalogue.microCredentials} offers, ${catalogue.suggestedLinks} suggested links\n`,
  );
  const refs = referenceLists(path.join(SHARED, 'reference'));
  const demandImports: Array<{ format: string; figures: number; seconds: number }> = [];
  for (const [formatName, input] of sources) {
    const format = DEMAND_FORMATS.find((f) => f.name === formatName)!;
    const started = performance.now();
    const summaries = await importDemand(graph, format.read(path.join(SHARED, input), refs, { retrievedOn: null }));
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    demandImports.push({ format: formatName, figures: summaries.reduce((sum, s) => sum + s.signals, 0), seconds });
    process.stderr.write(`bench: demand ${formatName}: ${demandImports.at(-1)!.figures} figures in ${seconds} s\n`);
  }
  return { importSeconds, summary, catalogue, demandImports };
}

export interface Server {
  name: string;
  url: string;
  process: ChildProcess;
}

/**
 * The Node flags `npm start` runs the hub with (package.json: those between `node` and the script of its last command), given to every
 * server the bench starts, hub and peers alike, so they run on equal terms.
 */
export const NODE_FLAGS: string[] = (() => {
  const start = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')).scripts.start as string;
  // The command that runs the server: the last of `a && b && node … script`.
  const words = start.split('&&').at(-1)!.trim().split(/\s+/);
  if (words[0] !== 'node') throw new Error(`package.json's start script does not end in a node command: ${start}`);
  return words.slice(1, -1);
})();

export async function startServer(
  name: string,
  script: string,
  port: number,
  neo4j: { uri: string; password: string },
  readyPath?: string,
): Promise<Server> {
  const child = spawn(process.execPath, [...NODE_FLAGS, script], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NEO4J_URI: neo4j.uri,
      NEO4J_PASSWORD: neo4j.password,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`${name} exited during start-up`);
    if (readyPath) {
      const ok = await fetch(`${url}${readyPath}`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return { name, url, process: child };
    } else if (output.includes('PEER_READY')) {
      return { name, url, process: child };
    }
    await sleep(250);
  }
  throw new Error(`${name} did not become ready`);
}

export function memoryMb(pid: number): { rssMb: number; peakRssMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakRssMb: Math.round(kb('VmHWM') / 1024) };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
