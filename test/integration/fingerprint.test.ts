import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphClient } from '../../src/graph/client.js';
import { freshTestGraph, graphFingerprint } from '../helpers.js';

/**
 * The fingerprint is what every "changes nothing" test relies on, so it must see a change to any
 * value: these tests make one small change at a time and show that exactly the touched group moves,
 * and that undoing the change gives the same fingerprint back.
 */
describe('graphFingerprint', () => {
  let graph: GraphClient;
  let skillUri: string;
  let occupationUri: string;

  beforeAll(async () => {
    graph = await freshTestGraph({ seed: true });
    [{ skillUri, occupationUri }] = await graph.read<{ skillUri: string; occupationUri: string }>(
      'MATCH (o:Occupation)-[:ESSENTIAL_SKILL]->(s:Skill) RETURN s.uri AS skillUri, o.uri AS occupationUri ORDER BY skillUri, occupationUri LIMIT 1',
    );
  });
  afterAll(() => graph.close());

  /** Applies `change`, returns which groups' fingerprints moved, then applies `undo` and checks all is back. */
  async function groupsMovedBy(change: string, undo: string): Promise<string[]> {
    const before = await graphFingerprint(graph);
    await graph.write(change, { skillUri, occupationUri });
    const after = await graphFingerprint(graph);
    await graph.write(undo, { skillUri, occupationUri });
    expect(await graphFingerprint(graph)).toEqual(before);
    return [
      ...Object.keys({ ...before.nodes, ...after.nodes })
        .filter((g) => JSON.stringify(before.nodes[g]) !== JSON.stringify(after.nodes[g]))
        .map((g) => `node ${g}`),
      ...Object.keys({ ...before.relationships, ...after.relationships })
        .filter((g) => JSON.stringify(before.relationships[g]) !== JSON.stringify(after.relationships[g]))
        .map((g) => `relationship ${g}`),
    ];
  }

  it('changes when one preferred label is rewritten, and only for skills', async () => {
    expect(
      await groupsMovedBy(
        "MATCH (s:Skill {uri: $skillUri}) SET s.previous = s.preferredLabel, s.preferredLabel = s.preferredLabel + ' (rewritten)'",
        'MATCH (s:Skill {uri: $skillUri}) SET s.preferredLabel = s.previous REMOVE s.previous',
      ),
    ).toEqual(['node Skill']);
  });

  it('changes when one flag flips', async () => {
    expect(
      await groupsMovedBy(
        'MATCH (s:Skill {uri: $skillUri}) SET s.deprecated = true',
        'MATCH (s:Skill {uri: $skillUri}) SET s.deprecated = false',
      ),
    ).toEqual(['node Skill']);
  });

  it('changes when a value keeps its text but changes its type', async () => {
    expect(
      await groupsMovedBy(
        "MATCH (s:Skill {uri: $skillUri}) SET s.lastSeenVersion = ['1.1.1-demo']",
        "MATCH (s:Skill {uri: $skillUri}) SET s.lastSeenVersion = '1.1.1-demo'",
      ),
    ).toEqual(['node Skill']);
  });

  it('changes when one relationship property changes', async () => {
    expect(
      await groupsMovedBy(
        "MATCH (:Occupation {uri: $occupationUri})-[r:ESSENTIAL_SKILL]->(:Skill {uri: $skillUri}) SET r.lastSeenVersion = 'other'",
        "MATCH (:Occupation {uri: $occupationUri})-[r:ESSENTIAL_SKILL]->(:Skill {uri: $skillUri}) SET r.lastSeenVersion = '1.1.1-demo'",
      ),
    ).toEqual(['relationship ESSENTIAL_SKILL']);
  });

  it('changes when a relationship is moved to another end, or a node gets another label', async () => {
    expect(
      await groupsMovedBy(
        'MATCH (o:Occupation {uri: $occupationUri})-[r:ESSENTIAL_SKILL]->(s:Skill {uri: $skillUri}) DELETE r CREATE (o)-[:OPTIONAL_SKILL {lastSeenVersion: "1.1.1-demo"}]->(s)',
        'MATCH (o:Occupation {uri: $occupationUri})-[r:OPTIONAL_SKILL]->(s:Skill {uri: $skillUri}) DELETE r CREATE (o)-[:ESSENTIAL_SKILL {lastSeenVersion: "1.1.1-demo"}]->(s)',
      ),
    ).toEqual(['relationship ESSENTIAL_SKILL', 'relationship OPTIONAL_SKILL']);
    // A relationship's ends are named with their labels, so the skill's relationships move too.
    expect(
      (
        await groupsMovedBy(
          'MATCH (s:Skill {uri: $skillUri}) SET s:Extra',
          'MATCH (s:Skill {uri: $skillUri}) REMOVE s:Extra',
        )
      ).sort(),
    ).toEqual(['node Extra:Skill', 'node Skill', 'relationship BROADER', 'relationship ESSENTIAL_SKILL']);
  });

  it('stays the same when a relationship is deleted and recreated with the same properties', async () => {
    const before = await graphFingerprint(graph);
    await graph.write(
      `MATCH (o:Occupation {uri: $occupationUri})-[r:ESSENTIAL_SKILL]->(s:Skill {uri: $skillUri})
       WITH o, s, properties(r) AS kept, r DELETE r WITH o, s, kept CREATE (o)-[r2:ESSENTIAL_SKILL]->(s) SET r2 = kept`,
      { skillUri, occupationUri },
    );
    expect(await graphFingerprint(graph)).toEqual(before);
  });

  it('covers only the labels asked for, and leaves out the properties named in ignore', async () => {
    const skillsOnly = await graphFingerprint(graph, { labels: ['Skill'] });
    expect(Object.keys(skillsOnly.nodes)).toEqual(['Skill']);
    expect(Object.keys(skillsOnly.relationships).sort()).toEqual(['BROADER', 'RELATED_SKILL']);
    await graph.write("MATCH (r:TaxonomyRelease) SET r.importedAt = datetime('2000-01-01T00:00:00Z')");
    const ignoring = await graphFingerprint(graph, { ignore: ['TaxonomyRelease.importedAt'] });
    await graph.write('MATCH (r:TaxonomyRelease) SET r.importedAt = datetime()');
    expect(await graphFingerprint(graph, { ignore: ['TaxonomyRelease.importedAt'] })).toEqual(ignoring);
    expect((await graphFingerprint(graph)).nodes.TaxonomyRelease).not.toEqual(
      (await graphFingerprint(graph, { ignore: ['TaxonomyRelease.importedAt'] })).nodes.TaxonomyRelease,
    );
  });
});
