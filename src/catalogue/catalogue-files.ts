import fs from 'node:fs';
import path from 'node:path';
import { parseCatalogueCsv } from './csv.js';
import { ImportError } from '../errors.js';
import { type ElmStatedSkill, fromElmDocument } from './elm.js';
import { fromCtdlDocuments } from './ctdl.js';
import { fromIfateStandards } from './ifate.js';
import { fromOfqualCsv } from './ofqual.js';
import { fromRegisterCsv } from './register-csv.js';
import type { MicroCredentialInput, ProviderInput, QualificationInput } from './model.js';
import { recordName } from './validation.js';

/**
 * Catalogue files: JSON ({ "providers": [...], "qualifications": [...], "microCredentials": [...] }, fields as in the GraphQL
 * inputs), CSV (one micro-credential a row; list cells separated by '|') or an ELM v3 JSON-LD document (see elm.ts).
 * A file is written all or nothing, in one transaction, after every record has been validated; with
 * `skipInvalid`, invalid records are left out and each is reported instead.
 */

export interface CatalogueFile {
  providers: ProviderInput[];
  qualifications: QualificationInput[];
  microCredentials: MicroCredentialInput[];
  /** For messages: how to name record n of each kind. */
  recordNames: { providers: string[]; qualifications: string[]; microCredentials: string[] };
  /** Skill links the source document itself states (ELM relatedESCOSkill): written as added links. */
  statedSkills?: ElmStatedSkill[];
  /** What the reader saw but did not import, to report. */
  notes?: string[];
  /** The document itself, when the file is an ELM document (checked against the ELM shapes on import). */
  elmDocument?: unknown;
}

/** An ELM document rather than our own catalogue shape: JSON-LD context, a wrapped credential, or a bare specification. */
function isElmDocument(body: Record<string, unknown>): boolean {
  const types = Array.isArray(body.type) ? body.type : [body.type];
  return (
    '@context' in body ||
    'credential' in body ||
    types.some((type) =>
      ['LearningAchievementSpecification', 'Qualification', 'VerifiableCredential'].includes(type as string),
    )
  );
}

const LIST_FIELDS = new Set([
  'awardingBodies',
  'awardingBodyCountries',
  'issuerCountries',
  'issuerRegions',
  'learningOutcomes',
  'prerequisites',
  'stacksInto',
  'languages',
  'sectors',
  'targetOccupations',
  'notApplicable',
]);
const NUMBER_FIELDS = new Set(['workloadValue', 'eqfLevel', 'costAmount']);
const BOOLEAN_FIELDS = new Set(['voucherEligible', 'ilaEligible']);

const CATALOGUE_LISTS = ['providers', 'qualifications', 'microCredentials'];

/** The register formats an import reads besides our own (`--format`); each adapter's header states its mapping. */
export const CATALOGUE_FORMATS = [
  { name: 'catalogue', description: 'our JSON or CSV catalogue, or an ELM v3 JSON-LD document (the default)' },
  { name: 'ifate-standards', description: 'UK apprenticeship standards as the IfATE API publishes them (JSON)' },
  {
    name: 'register-csv',
    description: 'a national register of qualifications as CSV, one row each, columns as in register-csv.ts',
  },
  {
    name: 'ofqual',
    description: 'the Ofqual Register of regulated qualifications as CSV (its download or API field names)',
  },
  {
    name: 'ctdl',
    description: 'CTDL JSON-LD records of the Credential Engine Registry: a file, or a folder of .json files',
  },
] as const;
export type CatalogueFormat = (typeof CATALOGUE_FORMATS)[number]['name'];

export function catalogueFormat(name: string | undefined): CatalogueFormat | null {
  if (name === undefined) return 'catalogue';
  return CATALOGUE_FORMATS.find((format) => format.name === name)?.name ?? null;
}

/** A register of qualifications only (no providers or offers). */
function qualificationsOnly(reading: {
  qualifications: QualificationInput[];
  recordNames: string[];
  notes: string[];
}): CatalogueFile {
  return {
    providers: [],
    qualifications: reading.qualifications,
    microCredentials: [],
    recordNames: { providers: [], qualifications: reading.recordNames, microCredentials: [] },
    notes: reading.notes,
  };
}

function readJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ImportError(`not valid JSON: ${(error as Error).message}`, { file });
  }
}

export function readCatalogueFile(
  file: string,
  format: CatalogueFormat = 'catalogue',
  /** The day the register was exported (Ofqual: certification ended before it means retired); default today. */
  options: { retrievedOn?: string | null } = {},
): CatalogueFile {
  if (!fs.existsSync(file)) throw new ImportError('file not found', { file });
  const name = path.basename(file);
  if (format === 'register-csv') {
    const reading = fromRegisterCsv(fs.readFileSync(file, 'utf8'), name);
    return qualificationsOnly({ ...reading, notes: [] });
  }
  if (format === 'ofqual') {
    const reading = fromOfqualCsv(fs.readFileSync(file, 'utf8'), name, options.retrievedOn ?? null);
    return qualificationsOnly(reading);
  }
  if (format === 'ctdl') {
    const files = fs.statSync(file).isDirectory()
      ? fs
          .readdirSync(file)
          .filter((entry) => entry.endsWith('.json') || entry.endsWith('.jsonld'))
          .sort()
          .map((entry) => path.join(file, entry))
      : [file];
    if (files.length === 0) throw new ImportError('no .json or .jsonld files in the folder', { file: name });
    const reading = fromCtdlDocuments(
      files.map((each) => ({
        name: path.basename(each),
        body: readJson(path.basename(each), fs.readFileSync(each, 'utf8')),
      })),
    );
    return { ...reading };
  }
  const text = fs.readFileSync(file, 'utf8');
  if (format === 'ifate-standards') {
    const reading = fromIfateStandards(readJson(name, text), name);
    return qualificationsOnly(reading);
  }
  if (file.endsWith('.json') || file.endsWith('.jsonld')) {
    const body = readJson(name, text) as Partial<CatalogueFile>;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new ImportError(
        'expected an object with "providers", "qualifications" and "microCredentials" lists, or an ELM document',
        { file: name },
      );
    }
    if (isElmDocument(body as Record<string, unknown>)) {
      const reading = fromElmDocument(body);
      if (reading.microCredentials.length === 0)
        throw new ImportError('an ELM document without any LearningAchievementSpecification or Qualification', {
          file: name,
        });
      return {
        providers: [],
        qualifications: [],
        microCredentials: reading.microCredentials,
        recordNames: {
          providers: [],
          qualifications: [],
          microCredentials: reading.microCredentials.map((m, i) =>
            recordName('microCredential', m.id, `${name} specification ${i + 1}`),
          ),
        },
        statedSkills: reading.statedSkills,
        notes: reading.notRead,
        elmDocument: body,
      };
    }
    if (!CATALOGUE_LISTS.some((list) => list in body)) {
      const keys = Object.keys(body);
      throw new ImportError(
        `nothing to import: expected an object with "providers", "qualifications" or "microCredentials" lists, or an ELM document (with "@context"), but found ${keys.length > 0 ? `only ${keys.map((key) => `"${key}"`).join(', ')}` : 'an empty object'}`,
        { file: name },
      );
    }
    const providers = body.providers ?? [];
    const qualifications = body.qualifications ?? [];
    const microCredentials = body.microCredentials ?? [];
    if (!Array.isArray(providers) || !Array.isArray(qualifications) || !Array.isArray(microCredentials)) {
      throw new ImportError('"providers", "qualifications" and "microCredentials" must be lists', { file: name });
    }
    return {
      providers,
      qualifications,
      microCredentials,
      recordNames: {
        providers: providers.map((p, i) => recordName('provider', p?.id, `${name} providers[${i}]`)),
        qualifications: qualifications.map((q, i) =>
          recordName('qualification', q?.id, `${name} qualifications[${i}]`),
        ),
        microCredentials: microCredentials.map((m, i) =>
          recordName('microCredential', m?.id, `${name} microCredentials[${i}]`),
        ),
      },
    };
  }
  if (file.endsWith('.csv')) {
    const rows = parseCatalogueCsv(text, name);
    const microCredentials = rows.map(({ record }) => {
      const input: Record<string, unknown> = {};
      for (const [column, raw] of Object.entries(record)) {
        const value = raw.trim();
        if (value === '') continue;
        if (LIST_FIELDS.has(column))
          input[column] = value
            .split('|')
            .map((item) => item.trim())
            .filter(Boolean);
        else if (NUMBER_FIELDS.has(column)) input[column] = Number(value);
        else if (BOOLEAN_FIELDS.has(column))
          input[column] = ['true', 'yes', '1'].includes(value.toLowerCase())
            ? true
            : ['false', 'no', '0'].includes(value.toLowerCase())
              ? false
              : value;
        else input[column] = value;
      }
      return input as MicroCredentialInput;
    });
    if (rows.length === 0) throw new ImportError('nothing to import: a CSV file with no offer rows', { file: name });
    return {
      providers: [],
      qualifications: [],
      microCredentials,
      recordNames: {
        providers: [],
        qualifications: [],
        microCredentials: rows.map(
          ({ record, info }) => `${name} line ${info.lines}${record.id ? ` (microCredential '${record.id}')` : ''}`,
        ),
      },
    };
  }
  throw new ImportError('unsupported file type: use .json or .csv', { file: name });
}
