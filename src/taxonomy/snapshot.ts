import type { GraphClient } from '../graph/client.js';
import { pushTo } from '../collections.js';
import { logger } from '../logger.js';
import type { ConceptKind } from './esco-files.js';
import type {
  AnyConceptRow,
  IscoGroupRow,
  OccupationRow,
  RelatedSkillRow,
  SkillRow,
  TaxonomySummaryRow,
} from './store.js';
import { CONCEPT_PROJECTION, byTopOrder, taxonomySummary } from './store.js';

/**
 * An in-process, read-only copy of the taxonomy. ESCO changes a few times a year and fits in memory
 * (the full v1.1.1 release is ~150k concepts and relations), so look-ups and nested fields are served
 * from here with no database round trip. The graph stays the source of truth: the snapshot is rebuilt
 * when the current release's stamp in the graph changes, whoever imported it.
 */

export interface SnapshotData {
  stamp: string;
  summary: TaxonomySummaryRow;
  concepts: AnyConceptRow[];
  /** [from, to] URI pairs by relation. BROADER goes child → parent. */
  essential: Array<[string, string]>;
  optional: Array<[string, string]>;
  broader: Array<[string, string]>;
  related: Array<[string, string, string]>;
}

const byLabel = (a: AnyConceptRow, b: AnyConceptRow) =>
  a.preferredLabel < b.preferredLabel ? -1 : a.preferredLabel > b.preferredLabel ? 1 : 0;

/** Pure: indexes the rows so every loader question is a map look-up. Lists are sorted as the Cypher path sorts them. */
export class TaxonomySnapshot {
  readonly stamp: string;
  readonly summary: TaxonomySummaryRow;
  readonly builtAt = new Date();
  private readonly concepts = new Map<string, AnyConceptRow>();
  private readonly iscoByCode = new Map<string, IscoGroupRow>();
  private readonly essentialSkills = new Map<string, SkillRow[]>();
  private readonly optionalSkills = new Map<string, SkillRow[]>();
  private readonly essentialFor = new Map<string, OccupationRow[]>();
  private readonly optionalFor = new Map<string, OccupationRow[]>();
  private readonly broaderOf = new Map<string, AnyConceptRow[]>();
  private readonly narrowerOf = new Map<string, AnyConceptRow[]>();
  private readonly relatedOf = new Map<string, RelatedSkillRow[]>();
  private readonly collections = new Map<string, SkillRow[]>();

  constructor(data: SnapshotData) {
    this.stamp = data.stamp;
    this.summary = data.summary;
    for (const concept of data.concepts) {
      this.concepts.set(concept.uri, concept);
      if (concept.kind === 'IscoGroup') this.iscoByCode.set(concept.code, concept);
      if (concept.kind === 'Skill' && !concept.deprecated) {
        for (const collection of concept.collections ?? []) pushTo(this.collections, collection, concept);
      }
    }
    const link = <A extends AnyConceptRow, B extends AnyConceptRow>(
      pairs: Array<[string, string]>,
      forward: Map<string, B[]>,
      backward: Map<string, A[]>,
    ) => {
      for (const [from, to] of pairs) {
        const source = this.concepts.get(from) as A | undefined;
        const target = this.concepts.get(to) as B | undefined;
        if (!source || !target) continue;
        pushTo(forward, from, target);
        pushTo(backward, to, source);
      }
    };
    link(data.essential, this.essentialSkills, this.essentialFor);
    link(data.optional, this.optionalSkills, this.optionalFor);
    link(data.broader, this.broaderOf, this.narrowerOf);
    for (const [from, to, relationType] of data.related) {
      const a = this.concepts.get(from) as SkillRow | undefined;
      const b = this.concepts.get(to) as SkillRow | undefined;
      if (!a || !b) continue;
      pushTo(this.relatedOf, from, { relationType, skill: b });
      pushTo(this.relatedOf, to, { relationType, skill: a });
    }
    for (const map of [
      this.essentialSkills,
      this.optionalSkills,
      this.essentialFor,
      this.optionalFor,
      this.broaderOf,
      this.narrowerOf,
      this.collections,
    ]) {
      for (const list of map.values()) (list as AnyConceptRow[]).sort(byLabel);
    }
    for (const list of this.relatedOf.values()) {
      list.sort((a, b) =>
        a.relationType < b.relationType ? -1 : a.relationType > b.relationType ? 1 : byLabel(a.skill, b.skill),
      );
    }
  }

  /** A concept of one kind (null: any kind) by URI. */
  concept<T extends AnyConceptRow>(kind: ConceptKind | null, uri: string): T | null {
    const concept = this.concepts.get(uri);
    return concept && (kind === null || concept.kind === kind) ? (concept as T) : null;
  }

  /** As store.topConcepts: current ISCO and skill groups with nothing broader. */
  topConcepts(): AnyConceptRow[] {
    const top: AnyConceptRow[] = [];
    for (const c of this.concepts.values())
      if ((c.kind === 'IscoGroup' || c.kind === 'SkillGroup') && !c.deprecated && !this.broaderOf.has(c.uri))
        top.push(c);
    return top.sort(byTopOrder);
  }

  iscoGroupByCode(code: string): IscoGroupRow | null {
    return this.iscoByCode.get(code) ?? null;
  }

  skillsOf(relation: 'ESSENTIAL_SKILL' | 'OPTIONAL_SKILL', occupationUri: string): SkillRow[] {
    return (relation === 'ESSENTIAL_SKILL' ? this.essentialSkills : this.optionalSkills).get(occupationUri) ?? [];
  }

  occupationsOf(relation: 'ESSENTIAL_SKILL' | 'OPTIONAL_SKILL', skillUri: string): OccupationRow[] {
    return (relation === 'ESSENTIAL_SKILL' ? this.essentialFor : this.optionalFor).get(skillUri) ?? [];
  }

  neighbours(direction: 'up' | 'down', uri: string): AnyConceptRow[] {
    return (direction === 'up' ? this.broaderOf : this.narrowerOf).get(uri) ?? [];
  }

  relatedSkills(uri: string): RelatedSkillRow[] {
    return this.relatedOf.get(uri) ?? [];
  }

  /** Current (not deprecated) skills, each with the number of occupations that list it. */
  currentSkills(): Array<{ skill: SkillRow; occupationCount: number }> {
    const skills: Array<{ skill: SkillRow; occupationCount: number }> = [];
    for (const concept of this.concepts.values()) {
      if (concept.kind !== 'Skill' || concept.deprecated) continue;
      const occupationCount =
        (this.essentialFor.get(concept.uri)?.length ?? 0) + (this.optionalFor.get(concept.uri)?.length ?? 0);
      skills.push({ skill: concept, occupationCount });
    }
    return skills;
  }

  /** Current (not deprecated) occupations. */
  currentOccupations(): OccupationRow[] {
    const occupations: OccupationRow[] = [];
    for (const concept of this.concepts.values())
      if (concept.kind === 'Occupation' && !concept.deprecated) occupations.push(concept);
    return occupations;
  }

  skillsInCollection(collection: string): SkillRow[] {
    return this.collections.get(collection) ?? [];
  }
}

/** The current release's identity: a re-import of the same version still changes it (importedAt). */
export async function readReleaseStamp(graph: GraphClient): Promise<string | null> {
  const [row] = await graph.read<{ stamp: string }>(
    "MATCH (r:TaxonomyRelease {current: true}) RETURN r.version + '@' + toString(r.importedAt) AS stamp LIMIT 1",
  );
  return row?.stamp ?? null;
}

/** Reads the whole taxonomy in a handful of bulk queries. */
export async function loadSnapshotData(graph: GraphClient, stamp: string): Promise<SnapshotData> {
  const pairs = async (relationship: string) =>
    (
      await graph.read<{ from: string; to: string }>(
        `MATCH (a)-[:${relationship}]->(b) RETURN a.uri AS from, b.uri AS to`,
      )
    ).map((row): [string, string] => [row.from, row.to]);
  const [summary, concepts, essential, optional, broader, related] = await Promise.all([
    taxonomySummary(graph),
    graph.read<{ concept: AnyConceptRow }>(
      `MATCH (n:Skill|SkillGroup|Occupation|IscoGroup) RETURN ${CONCEPT_PROJECTION} AS concept`,
    ),
    pairs('ESSENTIAL_SKILL'),
    pairs('OPTIONAL_SKILL'),
    pairs('BROADER'),
    graph.read<{ from: string; to: string; relationType: string }>(
      'MATCH (a:Skill)-[r:RELATED_SKILL]->(b:Skill) RETURN a.uri AS from, b.uri AS to, r.relationType AS relationType',
    ),
  ]);
  return {
    stamp,
    summary,
    concepts: concepts.map((row) => row.concept),
    essential,
    optional,
    broader,
    related: related.map((row): [string, string, string] => [row.from, row.to, row.relationType]),
  };
}

/**
 * Holds the current snapshot and keeps it fresh: `refresh()` compares the release stamp in the graph
 * (one small query) and rebuilds only when it changed; requests keep using the old snapshot until the
 * new one is complete, then it is swapped in whole.
 */
export class TaxonomyCache {
  private snapshot: TaxonomySnapshot | undefined;
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;

  constructor(private readonly graph: GraphClient) {}

  get current(): TaxonomySnapshot | undefined {
    return this.snapshot;
  }

  refresh(): Promise<void> {
    this.refreshing ??= this.rebuildIfChanged().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** Checks for a new release every `seconds`; failures are logged and the old snapshot kept. */
  startPolling(seconds: number): void {
    if (seconds <= 0) return;
    this.timer = setInterval(() => {
      this.refresh().catch((error: unknown) =>
        logger.warn('taxonomy snapshot refresh failed; serving the previous one', { err: error }),
      );
    }, seconds * 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async rebuildIfChanged(): Promise<void> {
    const stamp = await readReleaseStamp(this.graph);
    if (stamp === null) {
      this.snapshot = undefined;
      return;
    }
    if (this.snapshot?.stamp === stamp) return;
    const started = performance.now();
    this.snapshot = new TaxonomySnapshot(await loadSnapshotData(this.graph, stamp));
    logger.info('taxonomy snapshot built', {
      stamp,
      ms: Math.round(performance.now() - started),
      skills: this.snapshot.summary.skillCount,
    });
  }
}
