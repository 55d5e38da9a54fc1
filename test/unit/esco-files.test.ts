import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/errors.js';
import { type EscoExport, emptyEscoExport, readCsv, resolveVersion } from '../../src/taxonomy/esco-files.js';
import { checkReferences } from '../../src/taxonomy/esco-import.js';

function tempCsv(content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-csv-'));
  const file = path.join(dir, 'skills_en.csv');
  fs.writeFileSync(file, content);
  return file;
}

describe('readCsv', () => {
  it('reads quoted multi-line fields and reports each row with its first line number', async () => {
    const file = tempCsv('conceptUri,altLabels\nhttp://x/1,"a\nb"\nhttp://x/2,c\n');
    const seen: Array<[string | undefined, number]> = [];
    const rows = await readCsv(file, ['conceptUri'], (row, line) => seen.push([row.conceptUri, line]));
    expect(rows).toBe(2);
    expect(seen).toEqual([
      ['http://x/1', 2],
      ['http://x/2', 4],
    ]);
  });

  it('names the file and the missing column when the header is wrong', async () => {
    const file = tempCsv('uri,label\nhttp://x/1,a\n');
    await expect(readCsv(file, ['conceptUri', 'label'], () => {})).rejects.toThrow(
      /skills_en\.csv:1: wrong header: missing column\(s\) 'conceptUri'/,
    );
  });

  it('names the file and line of a malformed row', async () => {
    const file = tempCsv('conceptUri,label\nhttp://x/1,a\nhttp://x/2,b,extra\n');
    const error = await readCsv(file, ['conceptUri'], () => {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(/^skills_en\.csv:3: malformed CSV/);
  });

  it('says which file is missing', async () => {
    await expect(readCsv('/nonexistent/skills_en.csv', [], () => {})).rejects.toThrow(/skills_en\.csv: file not found/);
  });
});

describe('resolveVersion', () => {
  it('prefers the explicit option, then the folder name, then the newest modified date', () => {
    expect(resolveVersion('/data/esco-v1.1.1-en', '1.2.0', null)).toEqual({
      version: '1.2.0',
      versionSource: '--version option',
    });
    expect(resolveVersion('/data/esco-v1.1.1-en', undefined, null).version).toBe('1.1.1');
    expect(resolveVersion('/data/ESCO dataset - v1.2.0 - classification', undefined, null).version).toBe('1.2.0');
    expect(resolveVersion('/data/export', undefined, '2024-03-01T10:00:00Z').version).toBe('modified-2024-03-01');
    expect(() => resolveVersion('/data/export', undefined, null)).toThrow(/pass --version/);
  });
});

function exportWith(partial: Partial<EscoExport>): EscoExport {
  return { ...emptyEscoExport('/x', 'en'), ...partial };
}

const skill = (uri: string) => ({
  uri,
  preferredLabel: uri,
  altLabels: [],
  hiddenLabels: [],
  description: null,
  definition: null,
  scopeNote: null,
  skillType: null,
  reuseLevel: null,
  status: null,
  modifiedDate: null,
  collections: [] as string[],
});
const occupation = (uri: string) => ({
  uri,
  code: null,
  iscoGroup: null,
  preferredLabel: uri,
  altLabels: [],
  hiddenLabels: [],
  description: null,
  definition: null,
  regulatedProfessionNote: null,
  status: null,
  modifiedDate: null,
  collections: [] as string[],
});

describe('checkReferences', () => {
  it('skips relations to concepts absent from the release, grouped by the missing URI with their lines', () => {
    const esco = exportWith({
      skills: new Map([['s1', skill('s1')]]),
      occupations: new Map([['o1', occupation('o1')]]),
      occupationSkills: [
        { file: 'rel.csv', line: 2, occupationUri: 'o1', skillUri: 's1', essential: true },
        { file: 'rel.csv', line: 3, occupationUri: 'gone', skillUri: 's1', essential: true },
        { file: 'rel.csv', line: 4, occupationUri: 'gone', skillUri: 's1', essential: true },
        { file: 'rel.csv', line: 5, occupationUri: 'gone', skillUri: 's1', essential: false },
      ],
      collections: [
        { file: 'green.csv', line: 2, collection: 'green', uri: 's1', kind: 'Skill' },
        { file: 'green.csv', line: 3, collection: 'green', uri: 'nope', kind: 'Skill' },
      ],
    });
    const result = checkReferences(esco);
    expect(result.occupationSkills).toHaveLength(1);
    expect(result.skipped).toEqual([
      {
        file: 'rel.csv',
        relation: 'essential skill',
        missingUri: 'gone',
        missingKind: 'Occupation',
        count: 2,
        lines: [3, 4],
      },
      {
        file: 'green.csv',
        relation: 'green collection',
        missingUri: 'nope',
        missingKind: 'Skill',
        count: 1,
        lines: [3],
      },
      {
        file: 'rel.csv',
        relation: 'optional skill',
        missingUri: 'gone',
        missingKind: 'Occupation',
        count: 1,
        lines: [5],
      },
    ]);
    expect(esco.skills.get('s1')!.collections).toEqual(['green']);
  });
});
