import { checkReferences } from './esco-import.js';
import type { EscoExport } from './esco-files.js';
import { type SnapshotData, TaxonomySnapshot } from './snapshot.js';
import type { AnyConceptRow } from './store.js';

/**
 * The snapshot the hub would serve after importing this export into an empty graph, built without a
 * graph (for `npm run eval:skills`). The import's own reference check decides which relations count,
 * so relations to a concept the export lacks are left out here exactly as they are in the graph;
 * `test/integration/linking-quality.test.ts` checks that the skills it gives the linker equal those
 * of the snapshot read from the graph.
 */
export function snapshotFromExport(esco: EscoExport, version: string): TaxonomySnapshot {
  const relations = checkReferences(esco);
  const base = { deprecated: false, lastSeenVersion: version };
  const concepts: AnyConceptRow[] = [
    ...[...esco.skills.values()].map((skill): AnyConceptRow => ({ ...skill, ...base, kind: 'Skill' })),
    ...[...esco.skillGroups.values()].map((group): AnyConceptRow => ({ ...group, ...base, kind: 'SkillGroup' })),
    ...[...esco.occupations.values()].map((occupation): AnyConceptRow => ({
      ...occupation,
      ...base,
      kind: 'Occupation',
    })),
    ...[...esco.iscoGroups.values()].map((group): AnyConceptRow => ({ ...group, ...base, kind: 'IscoGroup' })),
  ];
  const essential = relations.occupationSkills
    .filter((r) => r.essential)
    .map((r): [string, string] => [r.occupationUri, r.skillUri]);
  const optional = relations.occupationSkills
    .filter((r) => !r.essential)
    .map((r): [string, string] => [r.occupationUri, r.skillUri]);
  const data: SnapshotData = {
    stamp: `${version}@export`,
    summary: {
      version,
      language: esco.language,
      source: null,
      versionSource: 'export',
      importedAt: null,
      skillCount: esco.skills.size,
      occupationCount: esco.occupations.size,
      skillGroupCount: esco.skillGroups.size,
      iscoGroupCount: esco.iscoGroups.size,
      deprecatedSkillCount: 0,
      deprecatedOccupationCount: 0,
      essentialRelationCount: essential.length,
      optionalRelationCount: optional.length,
      collectionCounts: [],
    },
    concepts,
    essential,
    optional,
    broader: relations.broader.map((r): [string, string] => [r.from, r.to]),
    related: relations.skillSkills.map((r): [string, string, string] => [r.from, r.to, r.relationType]),
  };
  return new TaxonomySnapshot(data);
}
