import path from 'node:path';
import { ImportError } from '../errors.js';
import type { GraphClient, WriteTransaction } from '../graph/client.js';
import type { ReleaseLinker } from '../linking/cache.js';
import type { ImportProgress } from '../taxonomy/esco-import.js';
import { type CatalogueFile, type CatalogueFormat, readCatalogueFile } from './catalogue-files.js';
import type { ElmStatedSkill } from './elm.js';
import { ElmDocumentError, type ElmValidator } from './elm-validation.js';
import { relinkOutcomes } from './linking.js';
import {
  MICRO_CREDENTIAL_FIELDS,
  type MicroCredential,
  type MicroCredentialInput,
  type Provider,
  type Qualification,
} from './model.js';
import { upsertQualifications } from './qualification-store.js';
import { type OccupationMatch, type SearchHit, matchOccupations } from './standard-occupations.js';
import {
  existingProviderIds,
  existingStackTargets,
  microCredentialsById,
  outcomeId,
  upsertMicroCredentials,
  upsertProviders,
  stackingEdges,
} from './store.js';
import { stackingAfterWrite, stackingCycle } from './stacking.js';
import {
  type FieldError,
  formatFieldError,
  validateMicroCredential,
  validateProvider,
  validateQualification,
} from './validation.js';

export type { CatalogueFile } from './catalogue-files.js';

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
  for (const id of new Set(duplicate(qualifications.map((q) => q.id))))
    errors.push({ record: `qualification '${id}'`, field: 'id', reason: 'appears more than once in the file' });
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
  const acyclic = await withoutStackingLoops(graph, valid, errors);
  const kept = new Set(acyclic.map((m) => m.id));
  return {
    providers,
    qualifications,
    microCredentials: acyclic,
    statedSkills: (file.statedSkills ?? []).filter((link) => kept.has(link.credentialId)),
    errors,
  };
}

/** The offers whose stacksInto closes no loop with the catalogue's (stacking.ts); each loop found is an error. */
async function withoutStackingLoops(
  graph: GraphClient,
  offers: MicroCredential[],
  errors: FieldError[],
): Promise<MicroCredential[]> {
  const targets = offers.flatMap((m) => m.stacksInto ?? []);
  if (targets.length === 0) return offers;
  const stored = await stackingEdges(graph, [...new Set([...offers.map((m) => m.id), ...targets])]);
  const edges = stackingAfterWrite(stored, offers);
  return offers.filter((credential) => {
    const problems: FieldError[] = [];
    (credential.stacksInto ?? []).forEach((target, index) => {
      const loop = target === credential.id ? null : stackingCycle(edges, credential.id, target);
      if (loop)
        problems.push({
          record: `microCredential '${credential.id}'`,
          field: `stacksInto[${index}]`,
          reason: `stacking into '${target}' closes a loop: ${loop.join(' → ')}`,
        });
    });
    errors.push(...problems);
    return problems.length === 0;
  });
}

export interface CatalogueImportSummary {
  file: string;
  providers: number;
  qualifications: number;
  microCredentials: number;
  learningOutcomes: number;
  /** Statements of the qualifications (their skills, knowledge, behaviours), and their duties. */
  qualificationOutcomes: number;
  duties: number;
  /** Qualifications that state no outcomes, linked through their title (and description) instead. */
  linkedWithoutStatedOutcomes: number;
  /** Qualifications whose ESCO occupations occupation search found, and how many it found in all. */
  occupationsMatched: { qualifications: number; occupations: number };
  /** Outcomes (offers' and qualifications') left with no suggested or stated skill link. */
  outcomesWithoutLinks: number;
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

/**
 * Writes a validated catalogue in the caller's transaction and re-links its outcomes; `onProgress` hears each
 * kind of record once written, and the outcome linking as it starts (0 of the offers and qualifications) and ends.
 */
export async function writeCatalogue(
  tx: WriteTransaction,
  catalogue: ValidatedCatalogue,
  release: ReleaseLinker | null,
  options: {
    source?: string;
    occupationMatches?: Map<string, OccupationMatch[]>;
    onProgress?: (progress: ImportProgress) => void;
  } = {},
): Promise<{ suggested: number; stated: { added: number; unknownSkills: number } }> {
  const onProgress = options.onProgress ?? (() => undefined);
  const written = (phase: string, total: number) => onProgress({ phase, done: total, total });
  await upsertProviders(tx, catalogue.providers);
  written('providers', catalogue.providers.length);
  await upsertQualifications(tx, catalogue.qualifications, options.occupationMatches ?? new Map());
  written('qualifications', catalogue.qualifications.length);
  await upsertMicroCredentials(tx, catalogue.microCredentials);
  written('micro-credentials', catalogue.microCredentials.length);
  const stated = await writeStatedSkills(tx, catalogue.statedSkills, options.source ?? 'catalogue import');
  written('stated skill links', catalogue.statedSkills.length);
  if (!release) return { suggested: 0, stated };
  const ids = recordIds(catalogue);
  onProgress({ phase: 'outcome links of offers and qualifications', done: 0, total: ids.length });
  const suggested = await relinkOutcomes(tx, release, ids);
  written('outcome links of offers and qualifications', ids.length);
  return { suggested, stated };
}

const recordIds = (catalogue: ValidatedCatalogue) => [
  ...catalogue.microCredentials.map((m) => m.id),
  ...catalogue.qualifications.map((q) => q.id),
];

/** How many outcomes of these offers and qualifications have no skill link but rejected ones (an import's summary). */
async function unlinkedOutcomes(tx: WriteTransaction, ids: string[]): Promise<number> {
  const [{ unlinked }] = (await tx.run(
    `UNWIND $ids AS id
     MATCH (:MicroCredential|Qualification {id: id})-[:HAS_OUTCOME]->(lo:LearningOutcome)
     WHERE NOT EXISTS { (lo)-[d:DEVELOPS]->() WHERE d.state <> 'REJECTED' }
     RETURN count(lo) AS unlinked`,
    { ids },
  )) as Array<{ unlinked: number }>;
  return unlinked;
}

/**
 * The ESCO occupations of each qualification that names none itself, found by occupation search over
 * its title, description and job roles (standard-occupations.ts).
 */
export function qualificationOccupations(
  qualifications: Qualification[],
  search: ((text: string, first: number) => SearchHit[]) | null,
  levelOf?: (uri: string) => number | null,
): Map<string, OccupationMatch[]> {
  const matches = new Map<string, OccupationMatch[]>();
  if (!search) return matches;
  for (const qualification of qualifications) {
    if ((qualification.targetOccupations ?? []).length > 0) continue;
    const found = matchOccupations(qualification, search, levelOf);
    if (found.length > 0) matches.set(qualification.id, found);
  }
  return matches;
}

export async function importCatalogue(
  graph: GraphClient,
  file: string,
  release: ReleaseLinker | null,
  options: {
    skipInvalid?: boolean;
    /** The register's format (catalogue-files.ts); default: our JSON or CSV, or ELM. */
    format?: CatalogueFormat;
    /** The day the register was exported (catalogue-files.ts). */
    retrievedOn?: string | null;
    /** Occupation search (text, how many) for qualifications that name no ESCO occupation; without it, none is matched. */
    occupationSearch?: ((text: string, first: number) => SearchHit[]) | null;
    /** The EQF level of an ESCO occupation (occupationLevels), so matches stay within reach of the qualification's (LEVEL_REACH). */
    occupationLevel?: (uri: string) => number | null;
    /** The ELM shapes' validator, loaded only when the file is an ELM document (as the request context holds it). */
    elmValidator?: () => Promise<ElmValidator>;
    /** Hears each write step (writeCatalogue); the CLI prints them. */
    onProgress?: (progress: ImportProgress) => void;
  } = {},
): Promise<CatalogueImportSummary> {
  const fileRead = readCatalogueFile(file, options.format, { retrievedOn: options.retrievedOn });
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
  const matches = qualificationOccupations(
    catalogue.qualifications,
    options.occupationSearch ?? null,
    options.occupationLevel,
  );
  const written = await graph.writeTransaction(async (tx) => ({
    ...(await writeCatalogue(tx, catalogue, release, {
      source: `ELM import (${path.basename(file)})`,
      occupationMatches: matches,
      onProgress: options.onProgress,
    })),
    unlinked: await unlinkedOutcomes(tx, recordIds(catalogue)),
  }));
  return {
    file: path.basename(file),
    providers: catalogue.providers.length,
    qualifications: catalogue.qualifications.length,
    microCredentials: catalogue.microCredentials.length,
    learningOutcomes: catalogue.microCredentials.reduce((sum, m) => sum + (m.learningOutcomes?.length ?? 0), 0),
    qualificationOutcomes: catalogue.qualifications.reduce((sum, q) => sum + (q.learningOutcomes?.length ?? 0), 0),
    duties: catalogue.qualifications.reduce((sum, q) => sum + (q.duties?.length ?? 0), 0),
    linkedWithoutStatedOutcomes: catalogue.qualifications.filter((q) => (q.learningOutcomes ?? []).length === 0).length,
    occupationsMatched: {
      qualifications: matches.size,
      occupations: [...matches.values()].reduce((sum, list) => sum + list.length, 0),
    },
    outcomesWithoutLinks: written.unlinked,
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
