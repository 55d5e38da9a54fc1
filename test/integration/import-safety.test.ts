import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { ImportError } from '../../src/errors.js';
import type { GraphClient } from '../../src/graph/client.js';
import { importEsco } from '../../src/taxonomy/esco-import.js';
import { demoSeedDir } from '../../src/taxonomy/seed.js';
import {
  type GraphFingerprint,
  escoDir,
  freshTestGraph,
  graphFingerprint,
  sharedDataDir,
  testConfig,
} from '../helpers.js';

function copySeed(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'esco-copy-'));
  fs.cpSync(demoSeedDir, dir, { recursive: true });
  return dir;
}

/**
 * Runs the CLI with `args` and kills it (SIGKILL) as soon as its stderr shows `inside` (well inside the
 * import's transaction); fails if the import ends first.
 */
async function killImportWhen(args: string[], inside: (output: string) => boolean): Promise<void> {
  const config = testConfig();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/hub.ts', ...args], {
    cwd: projectRoot,
    env: { ...process.env, NEO4J_URI: config.neo4j.uri, NEO4J_PASSWORD: config.neo4j.password, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (inside(output) && !child.killed) {
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.on('exit', (code) =>
      child.killed ? undefined : reject(new Error(`import ended (code ${code}) before it could be killed:\n${output}`)),
    );
  });
}

/** The graph's fingerprint once the server has rolled back the killed import's transaction (it does so when the connection drops). */
async function fingerprintSettledAt(graph: GraphClient, expected: GraphFingerprint): Promise<GraphFingerprint> {
  let after = await graphFingerprint(graph);
  for (let attempt = 0; attempt < 20 && JSON.stringify(after) !== JSON.stringify(expected); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    after = await graphFingerprint(graph);
  }
  return after;
}

describe('a failed import leaves the graph as it was', () => {
  let graph: GraphClient;
  beforeAll(async () => {
    graph = await freshTestGraph({ seed: true });
  });
  afterAll(() => graph.close());

  it('rejects a malformed CSV row, naming file and line, before writing anything', async () => {
    const before = await graphFingerprint(graph);
    const dir = copySeed();
    const file = path.join(dir, 'occupationSkillRelations_en.csv');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines[5] = `${lines[5]},"unbalanced`;
    fs.writeFileSync(file, lines.join('\n'));
    const error = await importEsco(graph, dir, { version: 'broken' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(/^occupationSkillRelations_en\.csv:\d+/);
    expect(await graphFingerprint(graph)).toEqual(before);
  });

  it('rejects a wrong header and a missing required value', async () => {
    const before = await graphFingerprint(graph);
    const badHeader = copySeed();
    const skills = path.join(badHeader, 'skills_en.csv');
    fs.writeFileSync(skills, fs.readFileSync(skills, 'utf8').replace('preferredLabel', 'prefLabel'));
    await expect(importEsco(graph, badHeader, { version: 'broken' })).rejects.toThrow(
      /skills_en\.csv:1: wrong header: missing column\(s\) 'preferredLabel'/,
    );

    const missingValue = copySeed();
    const occupations = path.join(missingValue, 'occupations_en.csv');
    const rows = fs.readFileSync(occupations, 'utf8').split('\n');
    rows[1] = rows[1].replace(/^Occupation,[^,]+,/, 'Occupation,,');
    fs.writeFileSync(occupations, rows.join('\n'));
    await expect(importEsco(graph, missingValue, { version: 'broken' })).rejects.toThrow(
      /occupations_en\.csv:2:conceptUri: missing value in column 'conceptUri'/,
    );
    expect(await graphFingerprint(graph)).toEqual(before);
  });

  it('survives an import killed while it writes', async () => {
    const before = await graphFingerprint(graph);
    // Well inside the single transaction: concepts written, relations being written.
    await killImportWhen(['import', 'esco', escoDir], (output) => output.includes('writing essential skills'));
    expect(await fingerprintSettledAt(graph, before)).toEqual(before);
  });
});

describe('a demand import killed while it writes', () => {
  let graph: GraphClient;
  beforeAll(async () => {
    graph = await freshTestGraph({ seed: true });
  });
  afterAll(() => graph.close());

  it('leaves the graph as it was: the one transaction is rolled back', async () => {
    const before = await graphFingerprint(graph);
    // Eurostat's LFS extract: 15,000 figures, one transaction (under MAX_FIGURES_PER_TRANSACTION), written in
    // batches; killed once some are written and more are to come.
    await killImportWhen(
      ['import', 'demand', path.join(sharedDataDir, 'eurostat-lfsa_eisn2'), '--format', 'eurostat-lfs'],
      (output) => {
        const written = /figures: ([\d,]+)\/([\d,]+)/.exec(output);
        return written !== null && written[1] !== written[2];
      },
    );
    expect(await fingerprintSettledAt(graph, before)).toEqual(before);
    expect((await graph.read<{ n: number }>('MATCH (s:DemandSignal) RETURN count(s) AS n'))[0].n).toBe(0);
  });
});

describe('a catalogue import killed while it writes', () => {
  let graph: GraphClient;
  beforeAll(async () => {
    graph = await freshTestGraph({ seed: true });
  });
  afterAll(() => graph.close());

  it('leaves the catalogue as it was: the one transaction is rolled back', async () => {
    const before = await graphFingerprint(graph);
    const qualificationsBefore = (await graph.read<{ n: number }>('MATCH (q:Qualification) RETURN count(q) AS n'))[0].n;
    // The real IfATE register (515 standards): killed once its qualifications and offers are written in the
    // transaction and their outcomes are being linked.
    await killImportWhen(
      [
        'import',
        'catalogue',
        path.join(sharedDataDir, 'catalogues', 'uk-ifate-apprenticeship-standards-2021', 'standards.json'),
        '--format',
        'ifate-standards',
      ],
      (output) =>
        output.includes('writing qualifications: 515/515') &&
        output.includes('outcome links of offers and qualifications: 0/'),
    );
    expect(await fingerprintSettledAt(graph, before)).toEqual(before);
    expect((await graph.read<{ n: number }>('MATCH (q:Qualification) RETURN count(q) AS n'))[0].n).toBe(
      qualificationsBefore,
    );
  });
});

describe('importing a newer release over an older one', () => {
  let graph: GraphClient;
  beforeAll(async () => {
    graph = await freshTestGraph({ seed: true });
  });
  afterAll(() => graph.close());

  it('updates concepts in place, removes relations the new release dropped, and deprecates the concepts that disappeared, keeping them', async () => {
    const dir = copySeed();
    const skillsFile = path.join(dir, 'skills_en.csv');
    const [header, firstRow, secondRow, ...otherRows] = fs
      .readFileSync(skillsFile, 'utf8')
      .split(/\n(?=KnowledgeSkillCompetence,)/);
    const removedUri = /^KnowledgeSkillCompetence,([^,]+),/.exec(firstRow)![1];
    // The second skill is renamed in the new release.
    const [, renamedUri, oldLabel] = /^KnowledgeSkillCompetence,([^,]+),[^,]*,[^,]*,([^,]+),/.exec(secondRow)!;
    const renamedRow = secondRow.replace(`,${oldLabel},`, `,${oldLabel} (renamed),`);
    fs.writeFileSync(skillsFile, [header, renamedRow, ...otherRows].join('\n'));
    // One occupation→skill relation between two concepts that stay is dropped from the new release.
    const relationsFile = path.join(dir, 'occupationSkillRelations_en.csv');
    const relationLines = fs.readFileSync(relationsFile, 'utf8').split('\n');
    const droppedIndex = relationLines.findIndex(
      (line, index) => index > 0 && line.includes(',essential,') && !line.includes(removedUri),
    );
    const [droppedOccupation, , , droppedSkill] = relationLines[droppedIndex].split(',');
    fs.writeFileSync(relationsFile, relationLines.filter((_, index) => index !== droppedIndex).join('\n'));
    const relationsOfRemoved =
      relationLines.filter((line) => line.includes(removedUri)).length +
      fs
        .readFileSync(path.join(demoSeedDir, 'broaderRelationsSkillPillar_en.csv'), 'utf8')
        .split('\n')
        .filter((line) => line.includes(removedUri)).length +
      fs
        .readFileSync(path.join(demoSeedDir, 'skillSkillRelations_en.csv'), 'utf8')
        .split('\n')
        .filter((line) => line.includes(removedUri)).length;
    // Something that points at both skills from outside the taxonomy, as micro-credential links do.
    await graph.write(
      'MATCH (s:Skill) WHERE s.uri IN $uris CREATE (:LearningOutcome {id: "lo-" + s.uri})-[:DEVELOPS]->(s)',
      { uris: [removedUri, renamedUri] },
    );
    const skillsBefore = (await graph.read<{ n: number }>('MATCH (s:Skill) RETURN count(s) AS n'))[0].n;

    const summary = await importEsco(graph, dir, { version: '1.1.2-demo' });
    expect(summary.deprecated).toEqual({ Skill: 1, SkillGroup: 0, Occupation: 0, IscoGroup: 0 });
    expect(summary.removedStaleRelations).toBe(relationsOfRemoved + 1);

    const skill = async (uri: string) =>
      (
        await graph.read<{
          label: string;
          deprecated: boolean;
          deprecatedIn: string | null;
          lastSeenVersion: string;
          links: number;
          occupations: number;
          nodes: number;
        }>(
          `MATCH (s:Skill {uri: $uri})
           RETURN s.preferredLabel AS label, s.deprecated AS deprecated, s.deprecatedIn AS deprecatedIn, s.lastSeenVersion AS lastSeenVersion,
                  COUNT { (s)<-[:DEVELOPS]-() } AS links, COUNT { (s)<-[:ESSENTIAL_SKILL|OPTIONAL_SKILL]-() } AS occupations,
                  COUNT { MATCH (other:Skill {uri: $uri}) RETURN other } AS nodes`,
          { uri },
        )
      )[0];
    // Renamed in place: the same single node, its outside link kept, its relations kept.
    expect(await skill(renamedUri)).toMatchObject({
      label: `${oldLabel} (renamed)`,
      deprecated: false,
      deprecatedIn: null,
      lastSeenVersion: '1.1.2-demo',
      links: 1,
      nodes: 1,
    });
    expect((await skill(renamedUri)).occupations).toBeGreaterThan(0);
    // Gone from the release: kept, marked, still linked from outside, its taxonomy relations removed.
    expect(await skill(removedUri)).toEqual({
      label: expect.any(String),
      deprecated: true,
      deprecatedIn: '1.1.2-demo',
      lastSeenVersion: '1.1.1-demo',
      links: 1,
      occupations: 0,
      nodes: 1,
    });
    expect((await graph.read<{ n: number }>('MATCH (s:Skill) RETURN count(s) AS n'))[0].n).toBe(skillsBefore);
    const [{ dropped }] = await graph.read<{ dropped: number }>(
      'RETURN COUNT { (:Occupation {uri: $o})-[:ESSENTIAL_SKILL]->(:Skill {uri: $s}) } AS dropped',
      { o: droppedOccupation, s: droppedSkill },
    );
    expect(dropped).toBe(0);
    const [current] = await graph.read<{ version: string }>(
      'MATCH (r:TaxonomyRelease {current: true}) RETURN r.version AS version',
    );
    expect(current.version).toBe('1.1.2-demo');
  });
});
