import { parentPort, workerData } from 'node:worker_threads';
import { type LinkableSkill, SkillLinker } from './linker.js';

/**
 * The worker thread of linker-thread.ts: builds its own SkillLinker from the skills it is given, says
 * { ready: true }, then answers { id, text, first } with { id, links } (or { id, error }), one at a time.
 */
const linker = new SkillLinker((workerData as { skills: LinkableSkill[] }).skills);
parentPort!.postMessage({ ready: true });
parentPort!.on('message', ({ id, text, first }: { id: number; text: string; first: number }) => {
  try {
    parentPort!.postMessage({ id, links: linker.link(text, first) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
