import { PerStamp } from '../cache.js';
import type { GraphClient } from '../graph/client.js';
import { logger } from '../logger.js';
import { readReleaseStamp, type TaxonomySnapshot } from '../taxonomy/snapshot.js';
import { type SkillLink, SkillLinker } from './linker.js';
import { LinkerThread } from './linker-thread.js';
import { SimilarSkills } from './similar-skills.js';
import { linkableSkillsFromGraph, linkableSkillsFromSnapshot } from './skills.js';

export interface ReleaseLinker {
  linker: SkillLinker;
  /** linker.link, with a long text linked off the request thread when the cache was asked to (linker-thread.ts): what linkSkills serves. */
  linkText(text: string, first: number): Promise<SkillLink[]>;
  /** The taxonomy release the index was built from; every link records it. */
  taxonomyVersion: string;
  stamp: string;
  /** Skills by the similarity of their words, for near-held credits in matching (built on first use). */
  similarSkills(): SimilarSkills;
}

/** One SkillLinker per taxonomy release: rebuilt when the release changes, shared by all requests. */
export class SkillLinkerCache {
  private readonly perRelease = new PerStamp<ReleaseLinker>();
  /** The worker of the latest release built; an earlier release's is stopped. */
  private thread: LinkerThread | null = null;

  /** Long texts linked in a worker thread so far, over every release (the metrics read it). */
  linkedOffThread = 0;

  /** offThread: link long texts in a worker thread (the server; imports and tools link in place). */
  constructor(private readonly options: { offThread?: boolean } = {}) {}

  /** Stops the worker thread, if any (the server at shutdown). */
  async close(): Promise<void> {
    await this.thread?.close();
  }

  async get(graph: GraphClient, snapshot?: TaxonomySnapshot): Promise<ReleaseLinker | null> {
    const stamp = snapshot?.stamp ?? (await readReleaseStamp(graph));
    if (stamp === null) return null;
    return this.perRelease.get(stamp, () => this.build(graph, stamp, snapshot));
  }

  private async build(graph: GraphClient, stamp: string, snapshot?: TaxonomySnapshot): Promise<ReleaseLinker> {
    const started = performance.now();
    const skills = snapshot ? linkableSkillsFromSnapshot(snapshot) : await linkableSkillsFromGraph(graph);
    let similar: SimilarSkills | undefined;
    const linker = new SkillLinker(skills);
    void this.thread?.close();
    const counted = () => (this.linkedOffThread += 1);
    const thread = (this.thread = this.options.offThread ? new LinkerThread(skills, linker, counted) : null);
    const built: ReleaseLinker = {
      linker,
      linkText: async (text, first) => (thread ? thread.link(text, first) : linker.link(text, first)),
      taxonomyVersion: stamp.split('@')[0],
      stamp,
      similarSkills: () => (similar ??= new SimilarSkills(skills)),
    };
    logger.info('skill linker index built', {
      stamp,
      skills: skills.length,
      ms: Math.round(performance.now() - started),
    });
    return built;
  }
}

// What linking adds to every request's context (src/graphql/context.ts).
declare module '../graphql/context.js' {
  interface HubContext {
    /** The skill linker for the current taxonomy release (null before any taxonomy is imported). */
    skillLinker(): Promise<ReleaseLinker | null>;
  }
}
