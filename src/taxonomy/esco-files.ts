import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import { ImportError } from '../errors.js';

/**
 * Reads an ESCO CSV export (any release, any language) into plain records, checking every file's
 * header and every row's required values. Nothing here touches the database: a bad file fails
 * before a single write, with the file, line and column in the message.
 */

export type ConceptKind = 'Skill' | 'SkillGroup' | 'Occupation' | 'IscoGroup';

export interface SkillRecord {
  uri: string;
  preferredLabel: string;
  altLabels: string[];
  hiddenLabels: string[];
  description: string | null;
  definition: string | null;
  scopeNote: string | null;
  skillType: string | null;
  reuseLevel: string | null;
  status: string | null;
  modifiedDate: string | null;
  collections: string[];
}

export interface SkillGroupRecord {
  uri: string;
  code: string | null;
  preferredLabel: string;
  altLabels: string[];
  description: string | null;
  status: string | null;
  hierarchyLevel: number | null;
}

export interface OccupationRecord {
  uri: string;
  code: string | null;
  iscoGroup: string | null;
  preferredLabel: string;
  altLabels: string[];
  hiddenLabels: string[];
  description: string | null;
  definition: string | null;
  regulatedProfessionNote: string | null;
  status: string | null;
  modifiedDate: string | null;
  collections: string[];
}

export interface IscoGroupRecord {
  uri: string;
  code: string;
  preferredLabel: string;
  altLabels: string[];
  description: string | null;
  status: string | null;
}

/** Where a row came from, so a skipped or rejected relation can be named precisely. */
export interface SourceRow {
  file: string;
  line: number;
}

export interface RelationRecord extends SourceRow {
  from: string;
  to: string;
  fromKind: ConceptKind;
  toKind: ConceptKind;
}

export interface OccupationSkillRecord extends SourceRow {
  occupationUri: string;
  skillUri: string;
  essential: boolean;
}

export interface SkillSkillRecord extends SourceRow {
  from: string;
  to: string;
  relationType: string;
}

export interface CollectionMembership extends SourceRow {
  collection: string;
  uri: string;
  kind: 'Skill' | 'Occupation';
}

export interface EscoExport {
  dir: string;
  language: string;
  newestModifiedDate: string | null;
  skills: Map<string, SkillRecord>;
  skillGroups: Map<string, SkillGroupRecord>;
  occupations: Map<string, OccupationRecord>;
  iscoGroups: Map<string, IscoGroupRecord>;
  broader: RelationRecord[];
  occupationSkills: OccupationSkillRecord[];
  skillSkills: SkillSkillRecord[];
  collections: CollectionMembership[];
}

/** The collections ESCO publishes, by file stem; the key becomes the collection's id in the graph. */
export const COLLECTION_FILES: Array<{ stem: string; collection: string; kind: 'Skill' | 'Occupation' }> = [
  { stem: 'greenSkillsCollection', collection: 'green', kind: 'Skill' },
  { stem: 'digitalSkillsCollection', collection: 'digital', kind: 'Skill' },
  { stem: 'digCompSkillsCollection', collection: 'digcomp', kind: 'Skill' },
  { stem: 'transversalSkillsCollection', collection: 'transversal', kind: 'Skill' },
  { stem: 'languageSkillsCollection', collection: 'language', kind: 'Skill' },
  { stem: 'researchSkillsCollection', collection: 'research', kind: 'Skill' },
  { stem: 'researchOccupationsCollection', collection: 'research', kind: 'Occupation' },
];

const ESCO_TYPE_TO_KIND: Record<string, ConceptKind> = {
  KnowledgeSkillCompetence: 'Skill',
  SkillGroup: 'SkillGroup',
  Occupation: 'Occupation',
  ISCOGroup: 'IscoGroup',
};

type CsvRow = Record<string, string | undefined>;

/** Streams one CSV file, checks its header, and hands each row with its first line number to `onRow`. */
export async function readCsv(
  filePath: string,
  requiredColumns: string[],
  onRow: (row: CsvRow, line: number) => void,
  options: { allowShortRows?: boolean } = {},
): Promise<number> {
  const file = path.basename(filePath);
  if (!fs.existsSync(filePath)) throw new ImportError('file not found', { file: filePath });
  const parser = fs.createReadStream(filePath).pipe(
    parse({
      bom: true,
      info: true,
      relax_column_count_less: options.allowShortRows ?? false,
      columns: (header: string[]) => {
        const missing = requiredColumns.filter((column) => !header.includes(column));
        if (missing.length > 0) {
          throw new ImportError(
            `wrong header: missing column(s) ${missing.map((c) => `'${c}'`).join(', ')}; found ${header.join(',')}`,
            {
              file,
              line: 1,
            },
          );
        }
        return header;
      },
    }),
  );
  let rows = 0;
  let previousEndLine = 1;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: CsvRow; info: { lines: number } }>) {
      onRow(record, previousEndLine + 1);
      previousEndLine = info.lines;
      rows += 1;
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const csvError = error as Error & { lines?: number; column?: number | string };
    throw new ImportError(`malformed CSV: ${csvError.message}`, {
      file,
      line: csvError.lines,
      column: csvError.column,
    });
  }
  return rows;
}

/** A row accessor that names the file, line and column when a required value is missing. */
function fieldsOf(file: string, line: number, row: CsvRow) {
  const optional = (column: string): string | null => {
    const value = row[column]?.trim();
    return value ? value : null;
  };
  const required = (column: string): string => {
    const value = optional(column);
    if (value === null) throw new ImportError(`missing value in column '${column}'`, { file, line, column });
    return value;
  };
  const list = (column: string): string[] =>
    (row[column] ?? '')
      .split(/\n|\|/)
      .map((value) => value.trim())
      .filter(Boolean);
  const uri = (column: string): string => {
    const value = required(column);
    if (!/^https?:\/\/\S+$/.test(value)) throw new ImportError(`not a concept URI: '${value}'`, { file, line, column });
    return value;
  };
  return { optional, required, list, uri };
}

/** Detects the export's language from its skills file name (skills_en.csv → en). */
export function detectLanguage(dir: string): string {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new ImportError('ESCO directory not found', { file: dir });
  }
  const skillsFile = fs.readdirSync(dir).find((name) => /^skills_[a-z]{2,3}\.csv$/.test(name));
  if (!skillsFile) throw new ImportError('no skills_<language>.csv file: is this an ESCO CSV export?', { file: dir });
  return skillsFile.slice('skills_'.length, -'.csv'.length);
}

export function emptyEscoExport(dir: string, language: string): EscoExport {
  return {
    dir,
    language,
    newestModifiedDate: null,
    skills: new Map(),
    skillGroups: new Map(),
    occupations: new Map(),
    iscoGroups: new Map(),
    broader: [],
    occupationSkills: [],
    skillSkills: [],
    collections: [],
  };
}

export async function readEscoExport(
  dir: string,
  onFile: (file: string, rows: number) => void = () => {},
): Promise<EscoExport> {
  const language = detectLanguage(dir);
  const fileName = (stem: string) => `${stem}_${language}.csv`;
  const filePath = (stem: string) => path.join(dir, fileName(stem));
  const esco = emptyEscoExport(dir, language);
  const noteModified = (date: string | null) => {
    if (date && (!esco.newestModifiedDate || date > esco.newestModifiedDate)) esco.newestModifiedDate = date;
  };
  const read = async (
    stem: string,
    columns: string[],
    onRow: (f: ReturnType<typeof fieldsOf>, line: number, row: CsvRow) => void,
    allowShortRows = false,
  ) => {
    const file = fileName(stem);
    const rows = await readCsv(filePath(stem), columns, (row, line) => onRow(fieldsOf(file, line, row), line, row), {
      allowShortRows,
    });
    onFile(file, rows);
  };
  const kindOf = (file: string, line: number, column: string, value: string | null): ConceptKind => {
    const kind = value ? ESCO_TYPE_TO_KIND[value] : undefined;
    if (!kind) throw new ImportError(`unknown concept type '${value ?? ''}'`, { file, line, column });
    return kind;
  };

  await read(
    'skills',
    [
      'conceptUri',
      'preferredLabel',
      'altLabels',
      'hiddenLabels',
      'skillType',
      'reuseLevel',
      'status',
      'modifiedDate',
      'description',
    ],
    (f) => {
      const record: SkillRecord = {
        uri: f.uri('conceptUri'),
        preferredLabel: f.required('preferredLabel'),
        altLabels: f.list('altLabels'),
        hiddenLabels: f.list('hiddenLabels'),
        description: f.optional('description'),
        definition: f.optional('definition'),
        scopeNote: f.optional('scopeNote'),
        skillType: f.optional('skillType'),
        reuseLevel: f.optional('reuseLevel'),
        status: f.optional('status'),
        modifiedDate: f.optional('modifiedDate'),
        collections: [],
      };
      noteModified(record.modifiedDate);
      esco.skills.set(record.uri, record);
    },
  );

  await read('skillGroups', ['conceptUri', 'preferredLabel', 'altLabels', 'status', 'description', 'code'], (f) => {
    const record: SkillGroupRecord = {
      uri: f.uri('conceptUri'),
      code: f.optional('code'),
      preferredLabel: f.required('preferredLabel'),
      altLabels: f.list('altLabels'),
      description: f.optional('description'),
      status: f.optional('status'),
      hierarchyLevel: null,
    };
    noteModified(f.optional('modifiedDate'));
    esco.skillGroups.set(record.uri, record);
  });

  await read(
    'occupations',
    [
      'conceptUri',
      'iscoGroup',
      'preferredLabel',
      'altLabels',
      'hiddenLabels',
      'status',
      'modifiedDate',
      'description',
      'code',
    ],
    (f) => {
      const record: OccupationRecord = {
        uri: f.uri('conceptUri'),
        code: f.optional('code'),
        iscoGroup: f.optional('iscoGroup'),
        preferredLabel: f.required('preferredLabel'),
        altLabels: f.list('altLabels'),
        hiddenLabels: f.list('hiddenLabels'),
        description: f.optional('description'),
        definition: f.optional('definition'),
        regulatedProfessionNote: f.optional('regulatedProfessionNote'),
        status: f.optional('status'),
        modifiedDate: f.optional('modifiedDate'),
        collections: [],
      };
      noteModified(record.modifiedDate);
      esco.occupations.set(record.uri, record);
    },
  );

  await read('ISCOGroups', ['conceptUri', 'code', 'preferredLabel', 'status', 'altLabels', 'description'], (f) => {
    const record: IscoGroupRecord = {
      uri: f.uri('conceptUri'),
      code: f.required('code'),
      preferredLabel: f.required('preferredLabel'),
      altLabels: f.list('altLabels'),
      description: f.optional('description'),
      status: f.optional('status'),
    };
    esco.iscoGroups.set(record.uri, record);
  });

  for (const stem of ['broaderRelationsOccPillar', 'broaderRelationsSkillPillar']) {
    await read(stem, ['conceptType', 'conceptUri', 'broaderType', 'broaderUri'], (f, line) => {
      esco.broader.push({
        file: fileName(stem),
        line,
        from: f.uri('conceptUri'),
        to: f.uri('broaderUri'),
        fromKind: kindOf(fileName(stem), line, 'conceptType', f.optional('conceptType')),
        toKind: kindOf(fileName(stem), line, 'broaderType', f.optional('broaderType')),
      });
    });
  }

  await read('occupationSkillRelations', ['occupationUri', 'relationType', 'skillUri'], (f, line) => {
    const relationType = f.required('relationType');
    if (relationType !== 'essential' && relationType !== 'optional') {
      throw new ImportError(`relationType must be 'essential' or 'optional', got '${relationType}'`, {
        file: fileName('occupationSkillRelations'),
        line,
        column: 'relationType',
      });
    }
    esco.occupationSkills.push({
      file: fileName('occupationSkillRelations'),
      line,
      occupationUri: f.uri('occupationUri'),
      skillUri: f.uri('skillUri'),
      essential: relationType === 'essential',
    });
  });

  await read('skillSkillRelations', ['originalSkillUri', 'relationType', 'relatedSkillUri'], (f, line) => {
    esco.skillSkills.push({
      file: fileName('skillSkillRelations'),
      line,
      from: f.uri('originalSkillUri'),
      to: f.uri('relatedSkillUri'),
      relationType: f.required('relationType'),
    });
  });

  // The hierarchy file gives each skill group its level (0 = pillar top) and the parent one level up.
  const levels = [0, 1, 2, 3];
  await read(
    'skillsHierarchy',
    levels.map((level) => `Level ${level} URI`),
    (f, line) => {
      const uris = levels.map((level) => f.optional(`Level ${level} URI`));
      const deepest = uris.reduce<number>((found, uri, level) => (uri ? level : found), -1);
      if (deepest < 0) return;
      const group = esco.skillGroups.get(uris[deepest]!);
      if (group) {
        group.hierarchyLevel = deepest;
        group.code ??= f.optional(`Level ${deepest} code`);
      }
      if (deepest > 0 && uris[deepest - 1]) {
        const file = fileName('skillsHierarchy');
        const childKind: ConceptKind = esco.skillGroups.has(uris[deepest]!) ? 'SkillGroup' : 'Skill';
        const parentKind: ConceptKind = esco.skillGroups.has(uris[deepest - 1]!) ? 'SkillGroup' : 'Skill';
        esco.broader.push({
          file,
          line,
          from: uris[deepest]!,
          to: uris[deepest - 1]!,
          fromKind: childKind,
          toKind: parentKind,
        });
      }
    },
    true,
  );

  for (const { stem, collection, kind } of COLLECTION_FILES) {
    await read(stem, ['conceptUri'], (f, line) => {
      esco.collections.push({ file: fileName(stem), line, collection, uri: f.uri('conceptUri'), kind });
    });
  }

  // Read for its header only: a release without it is not a complete export.
  await read('conceptSchemes', ['conceptSchemeUri', 'preferredLabel'], () => {});
  return esco;
}

/**
 * The taxonomy version, as data: the --version option, else a version in the folder name
 * (esco-v1.1.1-en → 1.1.1), else the newest modified date found in the files.
 */
export function resolveVersion(
  dir: string,
  explicit: string | undefined,
  newestModifiedDate: string | null,
): { version: string; versionSource: string } {
  if (explicit) return { version: explicit, versionSource: '--version option' };
  const fromName = /v?(\d+\.\d+(?:\.\d+)?)/.exec(path.basename(path.resolve(dir)));
  if (fromName) return { version: fromName[1], versionSource: `folder name '${path.basename(path.resolve(dir))}'` };
  if (newestModifiedDate)
    return {
      version: `modified-${newestModifiedDate.slice(0, 10)}`,
      versionSource: 'newest modifiedDate in the files',
    };
  throw new ImportError('cannot tell the taxonomy version: pass --version', { file: dir });
}
