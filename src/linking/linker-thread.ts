import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { logger } from '../logger.js';
import type { LinkableSkill, SkillLink, SkillLinker } from './linker.js';

/**
 * Linking a long text (a CV, a job ad: up to 20,000 characters, 30 to 300 ms on full ESCO) off the request
 * thread, so the requests that arrive meanwhile are not held up behind it. Texts of at least
 * OFF_THREAD_CHARS go to one worker thread holding its own copy of the linker (link-worker.ts, built from
 * the same skills, so it gives the same links; about 300 MB more on full ESCO), one text at a time in
 * arrival order; shorter ones are linked in place, where a thread hop would cost more than the work.
 * The worker is started with the linker and builds its index in the background (3 s on full ESCO);
 * until it is ready, and after it died until it is started again, texts are linked in place.
 */
export const OFF_THREAD_CHARS = 2_000;

const fromSources = import.meta.url.endsWith('.ts');
const workerUrl = new URL(fromSources ? './link-worker.ts' : './link-worker.js', import.meta.url);

/**
 * Run from TypeScript sources (npm start, the tests), the worker registers tsx before loading its module:
 * Node 20 does not pass `--import tsx` on to worker threads (tsx issue 354).
 */
function newWorker(skills: LinkableSkill[]): Worker {
  if (!fromSources) return new Worker(workerUrl, { workerData: { skills } });
  // tsx's scoped loader (tsImport) loads the worker's module and what it imports.
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(workerUrl.href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(bootstrap, { eval: true, workerData: { skills } });
}

type Waiting = { resolve(links: SkillLink[]): void; reject(error: Error): void };

export class LinkerThread {
  private current: { worker: Worker; pending: Map<number, Waiting>; ready: boolean } | null = null;
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly skills: LinkableSkill[],
    private readonly inPlace: SkillLinker,
    /** Called for each text the worker linked (hub_linking_off_thread_total). */
    private readonly onLinked: () => void = () => undefined,
  ) {
    this.start();
  }

  /** The links of `text`, computed in the worker when it is long and the worker ready, else here. */
  link(text: string, first: number): Promise<SkillLink[]> {
    if (text.length < OFF_THREAD_CHARS || this.closed) return Promise.resolve(this.inPlace.link(text, first));
    const current = this.current ?? this.start();
    if (!current.ready) return Promise.resolve(this.inPlace.link(text, first));
    const id = (this.nextId += 1);
    return new Promise<SkillLink[]>((resolve, reject) => {
      current.pending.set(id, { resolve, reject });
      current.worker.ref();
      current.worker.postMessage({ id, text, first });
    });
  }

  /** Stops the worker for good (a new taxonomy release replaced this linker); a request still holding it links in place. */
  async close(): Promise<void> {
    this.closed = true;
    const current = this.current;
    this.current = null;
    await current?.worker.terminate();
  }

  private start(): NonNullable<LinkerThread['current']> {
    const worker = newWorker(this.skills);
    const current = { worker, pending: new Map<number, Waiting>(), ready: false };
    worker.on('message', (message: { ready?: true; id: number; links?: SkillLink[]; error?: string }) => {
      if (message.ready) {
        current.ready = true;
        return;
      }
      const waiting = current.pending.get(message.id);
      current.pending.delete(message.id);
      // Idle, the worker does not keep the process alive.
      if (current.pending.size === 0) worker.unref();
      if (message.error !== undefined) waiting?.reject(new Error(`linking failed: ${message.error}`));
      else {
        this.onLinked();
        waiting?.resolve(message.links!);
      }
    });
    const failAll = (error: Error) => {
      if (this.current === current) this.current = null;
      for (const waiting of current.pending.values()) waiting.reject(error);
      current.pending.clear();
    };
    worker.on('error', (error) => {
      logger.error('linking worker failed; it is started again on the next long text', { err: error });
      failAll(error);
    });
    worker.on('exit', (code) => failAll(new Error(`the linking worker exited (code ${code})`)));
    worker.unref();
    this.current = current;
    return current;
  }
}
