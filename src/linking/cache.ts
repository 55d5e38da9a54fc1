import { PerStamp } from '../cache.js';
import type { GraphClient } from '../graph/client.js';
import { logger } from '../logger.js';
import { readReleaseStamp, type TaxonomySnapshot } from '../taxonomy/snapshot.js';
import { SkillLinker } from './linker.js';
import { SimilarSkills } from './similar-skills.js';
import { linkableSkillsFromGraph, linkableSkillsFromSnapshot } from './skills.js';

export interface ReleaseLinker {
  linker: SkillLinker;
  /** The taxonomy release the index was built from; every link records it. */
  taxonomyVersion: string;
  stamp: string;
  /** Skills by the similarity of their words, for near-held credits in matching (built on first use). */
  similarSkills(): SimilarSkills;
}

/** One SkillLinker per taxonomy release: rebuilt when the release changes, shared by all requests. */
export class SkillLinkerCache {
  private readonly perRelease = new PerStamp<ReleaseLinker>();

  async get(graph: GraphClient, snapshot?: TaxonomySnapshot): Promise<ReleaseLinker | null> {
    const stamp = snapshot?.stamp ?? (await readReleaseStamp(graph));
    if (stamp === null) return null;
    return this.perRelease.get(stamp, () => this.build(graph, stamp, snapshot));
  }

  private async build(graph: GraphClient, stamp: string, snapshot?: TaxonomySnapshot): Promise<ReleaseLinker> {
    const started = performance.now();
    const skills = snapshot ? linkableSkillsFromSnapshot(snapshot) : await linkableSkillsFromGraph(graph);
    let similar: SimilarSkills | undefined;
    const built: ReleaseLinker = {
      linker: new SkillLinker(skills),
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
