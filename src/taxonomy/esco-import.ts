import path from 'node:path';
import type { GraphClient, WriteTransaction } from '../graph/client.js';
import {
  type ConceptKind,
  type EscoExport,
  type OccupationSkillRecord,
  type RelationRecord,
  type SkillSkillRecord,
  readEscoExport,
  resolveVersion,
} from './esco-files.js';

/**
 * Imports an ESCO CSV export into the graph as one transaction: either the whole release is there
 * afterwards, or the previous taxonomy is untouched. Re-importing the same release changes nothing;
 * importing a newer one updates concepts in place and marks concepts it no longer has as deprecated
 * (never deletes them), so links from micro-credentials and demand signals survive an upgrade.
 */

export interface SkippedRelations {
  file: string;
  relation: string;
  missingUri: string;
  missingKind: ConceptKind;
  count: number;
  /** The first few CSV lines, enough to find them. */
  lines: number[];
}

export interface ImportSummary {
  version: string;
  versionSource: string;
  language: string;
  source: string;
  counts: {
    skills: number;
    skillGroups: number;
    occupations: number;
    iscoGroups: number;
    essentialRelations: number;
    optionalRelations: number;
    broaderRelations: number;
    relatedSkillRelations: number;
    collectionMemberships: Record<string, number>;
  };
  skipped: SkippedRelations[];
  skippedTotal: number;
  deprecated: Record<ConceptKind, number>;
  removedStaleRelations: number;
  durationMs: number;
}

export interface ImportProgress {
  phase: string;
  done: number;
  total: number;
}

export interface ValidRelations {
  broader: RelationRecord[];
  occupationSkills: OccupationSkillRecord[];
  skillSkills: SkillSkillRecord[];
  skipped: SkippedRelations[];
}

/**
 * Keeps the relations whose both ends are concepts of this release, and groups the others by the
 * missing URI (real exports have such holes: v1.1.1 has 67 relations to one absent occupation).
 * Also attaches collection memberships to their concepts. Pure: no I/O.
 */
export function checkReferences(esco: EscoExport): ValidRelations {
  const concepts: Record<ConceptKind, Map<string, unknown>> = {
    Skill: esco.skills,
    SkillGroup: esco.skillGroups,
    Occupation: esco.occupations,
    IscoGroup: esco.iscoGroups,
  };
  const skippedByKey = new Map<string, SkippedRelations>();
  const skip = (file: string, relation: string, line: number, missingUri: string, missingKind: ConceptKind) => {
    const key = `${file}\u0000${relation}\u0000${missingUri}`;
    const entry = skippedByKey.get(key) ?? { file, relation, missingUri, missingKind, count: 0, lines: [] };
    entry.count += 1;
    if (entry.lines.length < 5) entry.lines.push(line);
    skippedByKey.set(key, entry);
  };
  const present = (file: string, relation: string, line: number, ends: Array<[string, ConceptKind]>): boolean => {
    for (const [uri, kind] of ends) {
      if (!concepts[kind].has(uri)) {
        skip(file, relation, line, uri, kind);
        return false;
      }
    }
    return true;
  };

  const broader = esco.broader.filter((r) =>
    present(r.file, 'broader', r.line, [
      [r.from, r.fromKind],
      [r.to, r.toKind],
    ]),
  );
  const occupationSkills = esco.occupationSkills.filter((r) =>
    present(r.file, r.essential ? 'essential skill' : 'optional skill', r.line, [
      [r.occupationUri, 'Occupation'],
      [r.skillUri, 'Skill'],
    ]),
  );
  const skillSkills = esco.skillSkills.filter((r) =>
    present(r.file, 'related skill', r.line, [
      [r.from, 'Skill'],
      [r.to, 'Skill'],
    ]),
  );

  for (const membership of esco.collections) {
    const concept =
      membership.kind === 'Skill' ? esco.skills.get(membership.uri) : esco.occupations.get(membership.uri);
    if (!concept) {
      skip(membership.file, `${membership.collection} collection`, membership.line, membership.uri, membership.kind);
      continue;
    }
    if (!concept.collections.includes(membership.collection)) concept.collections.push(membership.collection);
  }
  for (const concept of [...esco.skills.values(), ...esco.occupations.values()]) concept.collections.sort();

  const skipped = [...skippedByKey.values()].sort((a, b) => b.count - a.count || a.file.localeCompare(b.file));
  return { broader, occupationSkills, skillSkills, skipped };
}

const BATCH_SIZE = 2000;

async function writeInBatches<T>(
  tx: WriteTransaction,
  phase: string,
  cypher: string,
  rows: T[],
  params: Record<string, unknown>,
  onProgress: (progress: ImportProgress) => void,
): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    await tx.run(cypher, { ...params, rows: rows.slice(start, start + BATCH_SIZE) });
    onProgress({ phase, done: Math.min(start + BATCH_SIZE, rows.length), total: rows.length });
  }
  if (rows.length === 0) onProgress({ phase, done: 0, total: 0 });
}

// Labels and relationship types below come from these fixed tables, never from input.
const CONCEPT_LABELS: ConceptKind[] = ['Skill', 'SkillGroup', 'Occupation', 'IscoGroup'];
const TAXONOMY_RELATIONSHIPS = 'BROADER|ESSENTIAL_SKILL|OPTIONAL_SKILL|RELATED_SKILL';

const upsertConcepts = (label: ConceptKind) => `
  UNWIND $rows AS row
  MERGE (n:${label} {uri: row.uri})
  SET n += row, n.lastSeenVersion = $version, n.deprecated = false
  REMOVE n.deprecatedIn`;

const mergeBroader = (fromKind: ConceptKind, toKind: ConceptKind) => `
  UNWIND $rows AS row
  MATCH (child:${fromKind} {uri: row.from})
  MATCH (parent:${toKind} {uri: row.to})
  MERGE (child)-[r:BROADER]->(parent)
  SET r.lastSeenVersion = $version`;

const mergeOccupationSkills = (type: 'ESSENTIAL_SKILL' | 'OPTIONAL_SKILL') => `
  UNWIND $rows AS row
  MATCH (o:Occupation {uri: row.occupationUri})
  MATCH (s:Skill {uri: row.skillUri})
  MERGE (o)-[r:${type}]->(s)
  SET r.lastSeenVersion = $version`;

const MERGE_RELATED_SKILLS = `
  UNWIND $rows AS row
  MATCH (a:Skill {uri: row.from})
  MATCH (b:Skill {uri: row.to})
  MERGE (a)-[r:RELATED_SKILL]->(b)
  SET r.relationType = row.relationType, r.lastSeenVersion = $version`;

const REMOVE_STALE_RELATIONS = `
  MATCH (:Skill|SkillGroup|Occupation|IscoGroup)-[r:${TAXONOMY_RELATIONSHIPS}]->()
  WHERE r.lastSeenVersion <> $version
  DELETE r
  RETURN count(r) AS removed`;

const deprecateMissing = (label: ConceptKind) => `
  MATCH (n:${label})
  WHERE n.lastSeenVersion <> $version AND n.deprecated = false
  SET n.deprecated = true, n.deprecatedIn = $version
  RETURN count(n) AS deprecated`;

const RECORD_RELEASE = `
  OPTIONAL MATCH (previous:TaxonomyRelease {current: true})
  SET previous.current = false
  WITH count(previous) AS ignored
  MERGE (release:TaxonomyRelease {version: $version})
  ON CREATE SET release.firstImportedAt = datetime()
  SET release += $release, release.current = true, release.importedAt = datetime()`;

export interface ImportOptions {
  version?: string;
  onProgress?: (progress: ImportProgress) => void;
  onFile?: (file: string, rows: number) => void;
}

export async function importEsco(graph: GraphClient, dir: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const startedAt = Date.now();
  const onProgress = options.onProgress ?? (() => {});
  const esco = await readEscoExport(dir, options.onFile);
  const { version, versionSource } = resolveVersion(dir, options.version, esco.newestModifiedDate);
  const relations = checkReferences(esco);
  const params = { version };

  const byKindPair = new Map<string, RelationRecord[]>();
  for (const relation of relations.broader) {
    const key = `${relation.fromKind}>${relation.toKind}`;
    const group = byKindPair.get(key) ?? [];
    group.push(relation);
    byKindPair.set(key, group);
  }
  const relationRows = (records: RelationRecord[]) => records.map(({ from, to }) => ({ from, to }));
  const essential = relations.occupationSkills
    .filter((r) => r.essential)
    .map(({ occupationUri, skillUri }) => ({ occupationUri, skillUri }));
  const optional = relations.occupationSkills
    .filter((r) => !r.essential)
    .map(({ occupationUri, skillUri }) => ({ occupationUri, skillUri }));

  const collectionMemberships: Record<string, number> = {};
  for (const concept of [...esco.skills.values(), ...esco.occupations.values()]) {
    for (const collection of concept.collections) {
      const key = `${collection} ${'iscoGroup' in concept ? 'occupations' : 'skills'}`;
      collectionMemberships[key] = (collectionMemberships[key] ?? 0) + 1;
    }
  }
  const skippedTotal = relations.skipped.reduce((sum, entry) => sum + entry.count, 0);

  const { removedStaleRelations, deprecated } = await graph.writeTransaction(async (tx) => {
    await writeInBatches(tx, 'skills', upsertConcepts('Skill'), [...esco.skills.values()], params, onProgress);
    await writeInBatches(
      tx,
      'skill groups',
      upsertConcepts('SkillGroup'),
      [...esco.skillGroups.values()],
      params,
      onProgress,
    );
    await writeInBatches(
      tx,
      'ISCO groups',
      upsertConcepts('IscoGroup'),
      [...esco.iscoGroups.values()],
      params,
      onProgress,
    );
    await writeInBatches(
      tx,
      'occupations',
      upsertConcepts('Occupation'),
      [...esco.occupations.values()],
      params,
      onProgress,
    );
    for (const [pair, records] of byKindPair) {
      const [fromKind, toKind] = pair.split('>') as [ConceptKind, ConceptKind];
      await writeInBatches(
        tx,
        `broader ${fromKind}→${toKind}`,
        mergeBroader(fromKind, toKind),
        relationRows(records),
        params,
        onProgress,
      );
    }
    await writeInBatches(
      tx,
      'essential skills',
      mergeOccupationSkills('ESSENTIAL_SKILL'),
      essential,
      params,
      onProgress,
    );
    await writeInBatches(tx, 'optional skills', mergeOccupationSkills('OPTIONAL_SKILL'), optional, params, onProgress);
    await writeInBatches(
      tx,
      'related skills',
      MERGE_RELATED_SKILLS,
      relations.skillSkills.map(({ from, to, relationType }) => ({ from, to, relationType })),
      params,
      onProgress,
    );
    const [{ removed }] = (await tx.run(REMOVE_STALE_RELATIONS, params)) as Array<{ removed: number }>;
    const deprecatedCounts = {} as Record<ConceptKind, number>;
    for (const label of CONCEPT_LABELS) {
      const [row] = (await tx.run(deprecateMissing(label), params)) as Array<{ deprecated: number }>;
      deprecatedCounts[label] = row.deprecated;
    }
    await tx.run(RECORD_RELEASE, {
      version,
      release: {
        versionSource,
        language: esco.language,
        source: path.basename(path.resolve(dir)),
        skippedRelationCount: skippedTotal,
      },
    });
    onProgress({ phase: 'commit', done: 1, total: 1 });
    return { removedStaleRelations: removed, deprecated: deprecatedCounts };
  });

  return {
    version,
    versionSource,
    language: esco.language,
    source: path.resolve(dir),
    counts: {
      skills: esco.skills.size,
      skillGroups: esco.skillGroups.size,
      occupations: esco.occupations.size,
      iscoGroups: esco.iscoGroups.size,
      essentialRelations: essential.length,
      optionalRelations: optional.length,
      broaderRelations: relations.broader.length,
      relatedSkillRelations: relations.skillSkills.length,
      collectionMemberships,
    },
    skipped: relations.skipped,
    skippedTotal,
    deprecated,
    removedStaleRelations,
    durationMs: Date.now() - startedAt,
  };
}
