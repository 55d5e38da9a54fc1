import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { ImportError } from '../errors.js';
import type { GraphClient, WriteTransaction } from '../graph/client.js';
import type { ReleaseLinker } from '../linking/cache.js';
import { type ElmStatedSkill, fromElmDocument } from './elm.js';
import { ElmDocumentError, type ElmValidator } from './elm-validation.js';
import { relinkOutcomes } from './linking.js';
import {
  MICRO_CREDENTIAL_FIELDS,
  type MicroCredential,
  type MicroCredentialInput,
  type Provider,
  type ProviderInput,
  type Qualification,
  type QualificationInput,
} from './model.js';
import {
  existingProviderIds,
  existingStackTargets,
  microCredentialsById,
  outcomeId,
  upsertMicroCredentials,
  upsertProviders,
  upsertQualifications,
} from './store.js';
import {
  type FieldError,
  formatFieldError,
  recordName,
  validateMicroCredential,
  validateProvider,
  validateQualification,
} from './validation.js';

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

export function readCatalogueFile(file: string): CatalogueFile {
  if (!fs.existsSync(file)) throw new ImportError('file not found', { file });
  const name = path.basename(file);
  const text = fs.readFileSync(file, 'utf8');
  if (file.endsWith('.json') || file.endsWith('.jsonld')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new ImportError(`not valid JSON: ${(error as Error).message}`, { file: name });
    }
    const body = parsed as Partial<CatalogueFile>;
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
    let rows: Array<{ record: Record<string, string>; info: { lines: number } }>;
    try {
      rows = parse(text, { columns: true, bom: true, info: true, skip_empty_lines: true });
    } catch (error) {
      const csvError = error as Error & { lines?: number };
      throw new ImportError(`malformed CSV: ${csvError.message}`, { file: name, line: csvError.lines });
    }
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

export interface ValidatedCatalogue {
  providers: Provider[];
  qualifications: Qualification[];
  microCredentials: MicroCredential[];
  statedSkills: ElmStatedSkill[];
  errors: FieldError[];
}

/** Validates every record, and that each providerId names a provider in the file or already in the graph. */
export async function validateCatalogue(file: CatalogueFile, graph: GraphClient): Promise<ValidatedCatalogue> {
  const errors: FieldError[] = [];
  const providers: Provider[] = [];
  const qualifications: Qualification[] = [];
  const microCredentials: MicroCredential[] = [];
  file.providers.forEach((input, index) => {
    const result = validateProvider(input ?? {}, file.recordNames.providers[index]);
    if (result.ok) providers.push(result.value);
    else errors.push(...result.errors);
  });
  file.qualifications.forEach((input, index) => {
    const result = validateQualification(input ?? {}, file.recordNames.qualifications[index]);
    if (result.ok) qualifications.push(result.value);
    else errors.push(...result.errors);
  });
  file.microCredentials.forEach((input, index) => {
    const result = validateMicroCredential(input ?? {}, file.recordNames.microCredentials[index]);
    if (result.ok) microCredentials.push(result.value);
    else errors.push(...result.errors);
  });
  const duplicate = (ids: string[]) => ids.filter((id, index) => ids.indexOf(id) !== index);
  for (const id of new Set(duplicate(providers.map((p) => p.id))))
    errors.push({ record: `provider '${id}'`, field: 'id', reason: 'appears more than once in the file' });
  for (const id of new Set(duplicate(microCredentials.map((m) => m.id))))
    errors.push({ record: `microCredential '${id}'`, field: 'id', reason: 'appears more than once in the file' });

  const inFile = new Set(providers.map((p) => p.id));
  const referenced = [
    ...new Set(microCredentials.map((m) => m.providerId).filter((id): id is string => id !== null && !inFile.has(id))),
  ];
  const inGraph = await existingProviderIds(graph, referenced);
  const targetsInFile = new Set([...microCredentials.map((m) => m.id), ...qualifications.map((q) => q.id)]);
  const targetsInGraph = await existingStackTargets(graph, [
    ...new Set(microCredentials.flatMap((m) => m.stacksInto ?? []).filter((id) => !targetsInFile.has(id))),
  ]);
  const valid = microCredentials.filter((credential) => {
    const problems: FieldError[] = [];
    if (credential.providerId && !inFile.has(credential.providerId) && !inGraph.has(credential.providerId)) {
      problems.push({
        record: `microCredential '${credential.id}'`,
        field: 'providerId',
        reason: `no provider '${credential.providerId}' in the file or the catalogue`,
      });
    }
    (credential.stacksInto ?? []).forEach((target, index) => {
      if (target === credential.id)
        problems.push({
          record: `microCredential '${credential.id}'`,
          field: `stacksInto[${index}]`,
          reason: 'an offer cannot stack into itself',
        });
      else if (!targetsInFile.has(target) && !targetsInGraph.has(target)) {
        problems.push({
          record: `microCredential '${credential.id}'`,
          field: `stacksInto[${index}]`,
          reason: `no micro-credential or qualification '${target}' in the file or the catalogue`,
        });
      }
    });
    errors.push(...problems);
    return problems.length === 0;
  });
  const kept = new Set(valid.map((m) => m.id));
  return {
    providers,
    qualifications,
    microCredentials: valid,
    statedSkills: (file.statedSkills ?? []).filter((link) => kept.has(link.credentialId)),
    errors,
  };
}

export interface CatalogueImportSummary {
  file: string;
  providers: number;
  qualifications: number;
  microCredentials: number;
  learningOutcomes: number;
  suggestedLinks: number;
  /** Links the file itself states (ELM) newly written as added links; those to skills not in the taxonomy are counted apart. */
  statedLinks: number;
  statedLinksToUnknownSkills: number;
  taxonomyVersion: string | null;
  skipped: string[];
  notes: string[];
  /** What breaks the Commission's ELM shapes, for an ELM document: reported, not refused. */
  warnings: string[];
}

/**
 * Links a source document states are a claim by its issuer: they become added links (a curator's decision is
 * never overwritten; one already made stays), before re-linking so no suggestion duplicates them.
 */
async function writeStatedSkills(
  tx: WriteTransaction,
  statedSkills: ElmStatedSkill[],
  source: string,
): Promise<{ added: number; unknownSkills: number }> {
  if (statedSkills.length === 0) return { added: 0, unknownSkills: 0 };
  const [counts] = (await tx.run(
    `UNWIND $links AS link
     MATCH (lo:LearningOutcome {id: link.outcomeId})
     OPTIONAL MATCH (s:Skill {uri: link.skillUri})
     CALL (lo, s) {
       WITH lo, s WHERE s IS NOT NULL
       MERGE (lo)-[d:DEVELOPS]->(s)
       WITH d, s WHERE d.state IS NULL OR d.state = 'SUGGESTED'
       SET d.state = 'ADDED', d.method = 'stated in the imported ELM document', d.score = null, d.matchedText = null, d.matchedLabel = null,
           d.taxonomyVersion = s.lastSeenVersion, d.linkedAt = coalesce(d.linkedAt, datetime()), d.reviewedBy = $source, d.reviewedAt = datetime()
       RETURN count(d) AS added
     }
     RETURN sum(added) AS added, count(CASE WHEN s IS NULL THEN 1 END) AS unknownSkills`,
    {
      links: statedSkills.map((link) => ({
        outcomeId: outcomeId(link.credentialId, link.outcome),
        skillUri: link.skillUri,
      })),
      source,
    },
  )) as Array<{ added: number; unknownSkills: number }>;
  return counts;
}

/** Writes a validated catalogue in the caller's transaction and re-links its outcomes. */
export async function writeCatalogue(
  tx: WriteTransaction,
  catalogue: ValidatedCatalogue,
  release: ReleaseLinker | null,
  source = 'catalogue import',
): Promise<{ suggested: number; stated: { added: number; unknownSkills: number } }> {
  await upsertProviders(tx, catalogue.providers);
  await upsertQualifications(tx, catalogue.qualifications);
  await upsertMicroCredentials(tx, catalogue.microCredentials);
  const stated = await writeStatedSkills(tx, catalogue.statedSkills, source);
  const suggested = release
    ? await relinkOutcomes(
        tx,
        release,
        catalogue.microCredentials.map((m) => m.id),
      )
    : 0;
  return { suggested, stated };
}

export async function importCatalogue(
  graph: GraphClient,
  file: string,
  release: ReleaseLinker | null,
  options: {
    skipInvalid?: boolean;
    /** The ELM shapes' validator, loaded only when the file is an ELM document (as the request context holds it). */
    elmValidator?: () => Promise<ElmValidator>;
  } = {},
): Promise<CatalogueImportSummary> {
  const fileRead = readCatalogueFile(file);
  // An ELM document carries part of what the catalogue holds: what it leaves out keeps the catalogue's value.
  const read = fileRead.elmDocument !== undefined ? await keepWhatTheDocumentLeavesOut(graph, fileRead) : fileRead;
  // An ELM document is checked against the Commission's shapes too; what breaks them is reported, not refused
  // (the Annex I elements the catalogue requires are checked below, and refused as always).
  const warnings =
    read.elmDocument !== undefined && options.elmValidator
      ? await shapeWarnings(await options.elmValidator(), read.elmDocument)
      : [];
  const catalogue = await validateCatalogue(read, graph);
  if (catalogue.errors.length > 0 && !options.skipInvalid) {
    const shown = catalogue.errors.slice(0, 50).map(formatFieldError);
    const more =
      catalogue.errors.length > shown.length ? `\n  … and ${catalogue.errors.length - shown.length} more` : '';
    throw new ImportError(
      `${catalogue.errors.length} invalid field(s); nothing imported (use --skip-invalid to import the valid records):\n  ${shown.join('\n  ')}${more}`,
      { file: path.basename(file) },
    );
  }
  const written = await graph.writeTransaction((tx) =>
    writeCatalogue(tx, catalogue, release, `ELM import (${path.basename(file)})`),
  );
  return {
    file: path.basename(file),
    providers: catalogue.providers.length,
    qualifications: catalogue.qualifications.length,
    microCredentials: catalogue.microCredentials.length,
    learningOutcomes: catalogue.microCredentials.reduce((sum, m) => sum + (m.learningOutcomes?.length ?? 0), 0),
    suggestedLinks: written.suggested,
    statedLinks: written.stated.added,
    statedLinksToUnknownSkills: written.stated.unknownSkills,
    taxonomyVersion: release?.taxonomyVersion ?? null,
    skipped: catalogue.errors.map(formatFieldError),
    notes: read.notes ?? [],
    warnings,
  };
}

/** Fields of an offer computed from others on validation: never taken from a stored record. */
const DERIVED_FIELDS = new Set(['workloadHours', 'workloadEcts', 'workloadConversion']);

/**
 * An ELM document states only the Annex I elements it carries (and none of the catalogue's own, such as
 * cost or sectors). For an offer the catalogue already holds, every element the document leaves out keeps
 * its stored value instead of being cleared, and a note names them; the workload's value and unit go together.
 */
async function keepWhatTheDocumentLeavesOut(graph: GraphClient, read: CatalogueFile): Promise<CatalogueFile> {
  const ids = read.microCredentials.map((m) => m?.id).filter((id): id is string => typeof id === 'string');
  const stored = new Map((await microCredentialsById(graph, ids)).map((m) => [m.id, m]));
  const notes: string[] = [];
  const microCredentials = read.microCredentials.map((input) => {
    const current = input?.id ? stored.get(input.id) : undefined;
    if (!current) return input;
    const merged: Record<string, unknown> = { ...input };
    const kept: string[] = [];
    for (const field of MICRO_CREDENTIAL_FIELDS) {
      if (DERIVED_FIELDS.has(field) || field in input) continue;
      if (field === 'workloadUnit' && 'workloadValue' in input) continue;
      const value = current[field];
      merged[field] = value;
      if (value !== null && !(Array.isArray(value) && value.length === 0 && field !== 'prerequisites'))
        kept.push(field);
    }
    if (kept.length > 0)
      notes.push(
        `microCredential '${current.id}': kept as the catalogue holds them (not in the document): ${kept.join(', ')}`,
      );
    return merged as MicroCredentialInput;
  });
  return { ...read, microCredentials, notes: [...(read.notes ?? []), ...notes] };
}

async function shapeWarnings(validator: ElmValidator, document: unknown): Promise<string[]> {
  try {
    const { conforms, violations, profile } = await validator.validate(document);
    if (conforms) return [];
    const shown = violations
      .slice(0, 20)
      .map((v) => `ELM shapes: ${v.severity} at ${v.focusNode}${v.path ? ` ${v.path}` : ''}: ${v.message}`);
    return [
      `ELM shapes: the document does not conform to ${profile} (${violations.length} result(s))`,
      ...shown,
      ...(violations.length > shown.length ? [`ELM shapes: … and ${violations.length - shown.length} more`] : []),
    ];
  } catch (error) {
    if (error instanceof ElmDocumentError) return [`ELM shapes: not checked: ${error.message}`];
    throw error;
  }
}
