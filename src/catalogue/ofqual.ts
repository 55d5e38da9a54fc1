import { parseCatalogueCsv } from './csv.js';
import { ImportError } from '../errors.js';
import { ENGLAND_NUTS1, RQF_CONVERSION, RQF_TO_EQF, registerDate } from './ifate.js';
import type { QualificationInput } from './model.js';

/**
 * The Ofqual Register of regulated qualifications (England and Northern Ireland) as CSV, one qualification a
 * row, read as qualifications. Pure. The columns are the Register's qualification fields as its API
 * publishes them (ofqual-register-api: qualificationNumber, title, organisationName, level, eqfLevel, ssa,
 * tqt, glh, offeredInEngland, …); the CSV download writes the same fields in words ("Qualification Number",
 * "Owner Organisation Name"), so a header matches without case, spaces or punctuation, and the "owner" and
 * "qualification" prefixes of the download are optional. The mapping:
 *
 *   qualificationNumber             → id `ofqual-<number without obliques>`; sourceReference "Ofqual Register <number>"
 *                                     (linkToSpecification, when given, instead)
 *   title                           → title
 *   organisationName                → awardingBody
 *   type                            → qualificationType
 *   level ("Level 3", "Entry Level") → nationalLevel as written, nationalFramework "RQF (England and Northern Ireland)"
 *   eqfLevel                        → eqfLevel when the Register states it; else from the RQF level by RQF_TO_EQF
 *                                     (entry level → EQF 1), with eqfConversion saying so
 *   ssa                             → route (the sector subject area)
 *   tqt, glh                        → workloadHours (total qualification time; else guided learning hours), with
 *                                     workloadBasis saying which
 *   offeredInEngland, offeredInNorthernIreland → issuerRegions: England's nine NUTS 1 regions, Northern Ireland UKN;
 *                                     neither: no region (an offer reaching no region is named in gap explanations)
 *   status, certificationEndDate    → RETIRED when the status says it is no longer awarded or certification ended
 *                                     before the file's date (retrievedOn), else PUBLISHED
 *   (fixed)                         → country GB, sourceName "Ofqual Register of Regulated Qualifications"
 * The Register states no learning outcomes: a qualification is linked to ESCO through its title alone, marked
 * unstated, and so counts at half weight as supply. Every other column is named in the notes (NOT_READ).
 */

export const OFQUAL_SOURCE = 'Ofqual Register of Regulated Qualifications';
const FRAMEWORK = 'RQF (England and Northern Ireland)';
const RETIRED_STATUS = /no longer awarded|withdrawn|expired/i;

/** A column key: lower case, letters and digits only, without the download's "owner"/"qualification" prefix. */
export function columnKey(header: string): string {
  const key = header
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/^owner(?=organisation)/, '')
    .replace(/^qualification(?!number)(?=.)/, '');
  return COLUMN_ALIASES[key] ?? key;
}

/** The download's words for fields the API abbreviates. */
const COLUMN_ALIASES: Record<string, string> = {
  totalqualificationtime: 'tqt',
  guidedlearninghours: 'glh',
  sectorsubjectarea: 'ssa',
  awardingorganisation: 'organisationname',
};

const MAPPED = new Set(
  [
    'qualificationNumber',
    'qualificationNumberNoObliques',
    'title',
    'organisationName',
    'type',
    'level',
    'eqfLevel',
    'ssa',
    'tqt',
    'glh',
    'offeredInEngland',
    'offeredInNorthernIreland',
    'status',
    'certificationEndDate',
    'linkToSpecification',
  ].map(columnKey),
);

/** Why a column of the Register is not read. */
export const NOT_READ: Record<string, string> = {
  organisationacronym: 'the awarding body is kept by name',
  organisationrecognitionnumber: 'the awarding body is kept by name',
  organisationid: 'the awarding body is kept by name',
  sublevel: 'the level is kept as written',
  gradingtype: 'grading is not part of the catalogue model',
  gradingscale: 'grading is not part of the catalogue model',
  totalcredits: 'the size is kept in hours (total qualification time)',
  minimumglh: 'the size is kept in hours (total qualification time)',
  maximumglh: 'the size is kept in hours (total qualification time)',
  regulationstartdate: 'regulation dates other than the end of certification are not recorded',
  operationalstartdate: 'regulation dates other than the end of certification are not recorded',
  operationalenddate: 'regulation dates other than the end of certification are not recorded',
  reviewdate: 'regulation dates other than the end of certification are not recorded',
  embargodate: 'regulation dates other than the end of certification are not recorded',
  lastupdateddate: 'regulation dates other than the end of certification are not recorded',
  offeredinternationally: 'no list of countries: an international offer reaches no region here',
  specialism: 'specialisms and pathways are not separate records',
  pathways: 'specialisms and pathways are not separate records',
  assessmentmethods: 'a qualification records no assessment type here',
  approvedfordelfundedprogramme: 'funding approval is not part of the catalogue model',
  apprenticeshipstandardreferencenumber:
    'the standard is not linked (the IfATE file holds LARS codes, not ST references)',
  apprenticeshipstandardtitle: 'the standard is not linked (the IfATE file holds LARS codes, not ST references)',
  regulatedbynorthernireland: 'where it is offered is read from offeredInNorthernIreland',
  nidiscountcode: 'discount codes are not part of the catalogue model',
  gcesizeequivalence: 'size equivalences are not part of the catalogue model',
  gcsesizeequivalence: 'size equivalences are not part of the catalogue model',
  entitlementframeworkdesignation: 'not part of the catalogue model',
  levelid: 'a Register code; the level is read as written',
  typeid: 'a Register code; the type is read as written',
  ssaid: 'a Register code; the subject area is read as written',
  gradingtypeid: 'a Register code',
  gradingscaleid: 'a Register code',
};

const yes = (value: string | undefined) => /^(true|yes|y|1)$/i.test((value ?? '').trim());

/** "Level 3" → 3, "Entry Level" → 0 (EQF 1); null when no number. */
function rqfLevel(level: string): number | null {
  if (/entry/i.test(level)) return 0;
  const match = /(\d)/.exec(level);
  return match ? Number(match[1]) : null;
}

export interface OfqualReading {
  qualifications: QualificationInput[];
  recordNames: string[];
  notes: string[];
}

export function fromOfqualCsv(text: string, file: string, retrievedOn: string | null): OfqualReading {
  const rows = parseCatalogueCsv(text, file, (headers) => headers.map(columnKey));
  if (rows.length === 0) throw new ImportError('nothing to import: no qualification rows', { file });
  const columns = Object.keys(rows[0].record);
  for (const required of ['qualificationnumber', 'title'])
    if (!columns.includes(required))
      throw new ImportError(
        `not an Ofqual Register export: no "${required === 'title' ? 'Qualification Title' : 'Qualification Number'}" column (found ${columns.join(', ')})`,
        { file },
      );
  const today = retrievedOn ?? new Date().toISOString().slice(0, 10);
  const qualifications = rows.map(({ record }): QualificationInput => {
    const number = (record.qualificationnumber ?? '').trim();
    const compact = (record.qualificationnumbernoobliques ?? '').trim() || number.replace(/\//g, '');
    const level = (record.level ?? '').trim();
    const rqf = level ? rqfLevel(level) : null;
    const statedEqf = rqfLevel(record.eqflevel ?? '');
    const eqf =
      statedEqf && statedEqf > 0 ? statedEqf : rqf === null ? null : rqf === 0 ? 1 : (RQF_TO_EQF[rqf] ?? null);
    const tqt = Number((record.tqt ?? '').trim());
    const glh = Number((record.glh ?? '').trim());
    const hours = (record.tqt ?? '').trim() && tqt > 0 ? tqt : (record.glh ?? '').trim() && glh > 0 ? glh : null;
    const ended = registerDate(record.certificationenddate);
    const retired = RETIRED_STATUS.test(record.status ?? '') || (ended !== null && ended < today);
    return {
      id: compact ? `ofqual-${compact}` : null,
      title: record.title ?? null,
      country: 'GB',
      issuerRegions: [
        ...(yes(record.offeredinengland) ? ENGLAND_NUTS1 : []),
        ...(yes(record.offeredinnorthernireland) ? ['UKN'] : []),
      ],
      awardingBody: record.organisationname || null,
      qualificationType: record.type || null,
      nationalLevel: level || null,
      nationalFramework: level ? FRAMEWORK : null,
      eqfLevel: eqf,
      eqfConversion: statedEqf && statedEqf > 0 ? null : eqf !== null ? `${RQF_CONVERSION}; entry level→1` : null,
      route: record.ssa || null,
      workloadHours: hours,
      workloadBasis:
        hours === null ? null : hours === tqt ? 'total qualification time (TQT)' : 'guided learning hours (GLH)',
      status: retired ? 'RETIRED' : 'PUBLISHED',
      sourceName: OFQUAL_SOURCE,
      sourceReference: record.linktospecification || (number ? `Ofqual Register ${number}` : null),
    };
  });
  const unread = columns.filter((column) => !MAPPED.has(column));
  const notes = unread.map((column) =>
    column in NOT_READ
      ? `not read: ${column}: ${NOT_READ[column]}`
      : `not read: ${column}: a column the adapter does not know`,
  );
  const nowhere = qualifications.filter((q) => (q.issuerRegions ?? []).length === 0).length;
  if (nowhere > 0)
    notes.push(`${nowhere} qualification(s) offered neither in England nor in Northern Ireland: they reach no region`);
  return {
    qualifications,
    recordNames: rows.map(({ record, info }) =>
      record.qualificationnumber
        ? `qualification '${record.qualificationnumber}' (line ${info.lines})`
        : `${file} line ${info.lines}`,
    ),
    notes,
  };
}
