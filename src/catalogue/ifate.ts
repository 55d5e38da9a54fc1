import { ImportError } from '../errors.js';
import type { QualificationInput } from './model.js';

/**
 * UK apprenticeship standards as the IfATE API publishes them (`{"standards": [...]}`, one object per
 * standard) read as qualifications: a full route of 12–48 months, supply of its own kind, not a
 * micro-credential. Pure. The mapping, field by field:
 *
 *   larsCode                      → id `ifate-<larsCode>`
 *   title                         → title (trimmed)
 *   level                         → nationalLevel "<level>", nationalFramework "RQF (England)", and eqfLevel
 *                                   by RQF_TO_EQF, the referencing of England's frameworks to the EQF (2019):
 *                                   RQF 1→2, 2→3, 3→4, 4→5, 5→5, 6→6, 7→7, 8→8 (eqfConversion says so)
 *   typicalDuration (months)      → durationMonths
 *   route                         → route
 *   jobRoles, typicalJobTitles    → jobRoles (the two lists merged, duplicates dropped); with the title, what
 *                                   occupation search reads to find the ESCO occupations (see standard-occupations.ts)
 *   overviewOfRole, occupationalSummary → description (the summary's HTML decoded to text)
 *   skills, knowledges, behaviours → learningOutcomes, kind SKILL / KNOWLEDGE / BEHAVIOUR, the source's ids
 *                                   kept, isThisACoreSkill → core
 *   duties                        → duties, with mappedSkills, mappedKnowledge and mappedBehaviour as the ids
 *                                   of the outcomes mapped to each; isThisACoreDuty → core
 *   standardPageUrl               → sourceReference; sourceName "IfATE apprenticeship standards"
 *   lastDateStarts                → status RETIRED when set (closed to new starts on that date), else PUBLISHED
 *   (fixed)                       → qualificationType "apprenticeship standard", country GB, awardingBody
 *                                   IfATE (it approves the standard), issuerRegions England's NUTS 1 regions:
 *                                   apprenticeship standards are England's; Scotland, Wales and Northern
 *                                   Ireland have their own apprenticeships
 * Not read (each named in the import's notes): NOT_READ below.
 */

export const RQF_TO_EQF: Record<number, number> = { 1: 2, 2: 3, 3: 4, 4: 5, 5: 5, 6: 6, 7: 7, 8: 8 };
export const RQF_CONVERSION =
  'RQF level to EQF level as England and Northern Ireland reference their frameworks to the EQF (2019): 1→2, 2→3, 3→4, 4→5, 5→5, 6→6, 7→7, 8→8';
/** England's NUTS 1 regions (NUTS 2016): North East to South West. */
export const ENGLAND_NUTS1 = ['UKC', 'UKD', 'UKE', 'UKF', 'UKG', 'UKH', 'UKI', 'UKJ', 'UKK'];
export const IFATE_SOURCE = 'IfATE apprenticeship standards';
export const IFATE_BODY = 'Institute for Apprenticeships and Technical Education (IfATE)';

/** Fields of a standard the adapter does not map, and why. */
export const NOT_READ: Record<string, string> = {
  maxFunding: 'the funding band maximum (GBP) is a cap on public funding, not the price of an offer',
  ssa1: 'sector subject areas have no NACE mapping here',
  ssa2: 'sector subject areas have no NACE mapping here',
  pathway: 'kept only as the route above it',
  cluster: 'kept only as the route above it',
  routecode: 'the route is kept by name',
  keywords: 'search words of the IfATE site, not job roles',
  integratedDegree: 'whether a degree is part of the route is not part of the catalogue model',
  integrated: 'whether a degree is part of the route is not part of the catalogue model',
  qualifications: 'qualifications a standard includes are not linked as their own records',
  professionalRecognition: 'professional bodies recognising the standard are not recorded',
  regulated: 'regulation of the occupation is recorded on the ESCO occupation, not here',
  regulatedBody: 'regulation of the occupation is recorded on the ESCO occupation, not here',
  regulationDetail: 'regulation of the occupation is recorded on the ESCO occupation, not here',
  regulatedEPAOOnly: 'end-point assessment regulation is not part of the catalogue model',
  regulatedEPAO: 'end-point assessment regulation is not part of the catalogue model',
  regulatedProvider: 'provider regulation is not part of the catalogue model',
  regulatedProvider6: 'provider regulation is not part of the catalogue model',
  regulatedProvider7: 'provider regulation is not part of the catalogue model',
  coreSkillsCount: 'a count the statements themselves give',
  options: "an option's duties are text without mapped statements",
};

export const MAPPED = [
  'larsCode',
  'title',
  'level',
  'typicalDuration',
  'route',
  'jobRoles',
  'typicalJobTitles',
  'overviewOfRole',
  'occupationalSummary',
  'skills',
  'knowledges',
  'behaviours',
  'duties',
  'standardPageUrl',
  'lastDateStarts',
];

interface Statement {
  skillId?: string;
  knowledgeId?: string;
  behaviourId?: string;
  detail?: string;
  isThisACoreSkill?: boolean;
}
interface Duty {
  dutyID?: string;
  dutyDetail?: string;
  isThisACoreDuty?: number | boolean;
  mappedSkills?: string[] | null;
  mappedKnowledge?: string[] | null;
  mappedBehaviour?: string[] | null;
}
type Standard = Record<string, unknown> & {
  larsCode?: number;
  title?: string;
  level?: number;
  skills?: Statement[];
  knowledges?: Statement[];
  behaviours?: Statement[];
  duties?: Duty[];
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** HTML (entity-escaped, as the API sends it) to plain text. */
export function htmlToText(html: string): string {
  const decode = (text: string) =>
    text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, code: string) => {
      if (code.startsWith('#x') || code.startsWith('#X')) return String.fromCodePoint(parseInt(code.slice(2), 16));
      if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)));
      return ENTITIES[code.toLowerCase()] ?? whole;
    });
  return decode(
    decode(html)
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/p>/gi, '\n')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

const cleanList = (...lists: unknown[]) => [
  ...new Set(
    lists
      .flatMap((list) => (Array.isArray(list) ? list : []))
      .filter((item): item is string => typeof item === 'string')
      .map((item) => item.trim())
      .filter(Boolean),
  ),
];

/** A register's date, dd/mm/yyyy (IfATE, Ofqual's download) or yyyy-mm-dd(Thh:mm…) (Ofqual's API), as YYYY-MM-DD; else null. */
export function registerDate(text: unknown): string | null {
  const value = typeof text === 'string' ? text.trim() : '';
  const uk = /^(\d{2})\/(\d{2})\/(\d{4})/.exec(value);
  if (uk) return `${uk[3]}-${uk[2]}-${uk[1]}`;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return iso ? iso[1] : null;
}

export interface IfateReading {
  qualifications: QualificationInput[];
  recordNames: string[];
  notes: string[];
}

export function fromIfateStandards(body: unknown, file: string): IfateReading {
  const standards = (body as { standards?: unknown })?.standards;
  if (!Array.isArray(standards))
    throw new ImportError('not IfATE standards: expected an object with a "standards" list', { file });
  const notRead = new Map<string, number>();
  const retired: string[] = [];
  const dropped: string[] = [];
  const qualifications = standards.map((raw: Standard, index): QualificationInput => {
    if (typeof raw !== 'object' || raw === null)
      throw new ImportError(`standards[${index}] is not an object`, { file });
    for (const key of Object.keys(raw)) if (key in NOT_READ) notRead.set(key, (notRead.get(key) ?? 0) + 1);
    const id = Number.isInteger(raw.larsCode) ? `ifate-${raw.larsCode}` : (raw.larsCode as unknown as string);
    const level = typeof raw.level === 'number' ? raw.level : null;
    const closed = registerDate(raw.lastDateStarts);
    if (closed) retired.push(`${id} (${closed})`);
    const summary = typeof raw.occupationalSummary === 'string' ? htmlToText(raw.occupationalSummary) : '';
    const overview = typeof raw.overviewOfRole === 'string' ? raw.overviewOfRole.trim() : '';
    const statements = (list: Statement[] | undefined, kind: 'SKILL' | 'KNOWLEDGE' | 'BEHAVIOUR') =>
      (list ?? []).map((statement) => ({
        id: statement.skillId ?? statement.knowledgeId ?? statement.behaviourId ?? null,
        kind,
        text: statement.detail ?? null,
        core: kind === 'SKILL' && typeof statement.isThisACoreSkill === 'boolean' ? statement.isThisACoreSkill : null,
      }));
    const learningOutcomes = [
      ...statements(raw.skills, 'SKILL'),
      ...statements(raw.knowledges, 'KNOWLEDGE'),
      ...statements(raw.behaviours, 'BEHAVIOUR'),
    ];
    // 11 standards map their duties to knowledge and behaviour statements the API did not send: those mappings go.
    const known = new Set(learningOutcomes.map((o) => o.id));
    let unresolved = 0;
    const mapped = (duty: Duty) => {
      const ids = cleanList(duty.mappedSkills, duty.mappedKnowledge, duty.mappedBehaviour);
      unresolved += ids.filter((outcome) => !known.has(outcome)).length;
      return ids.filter((outcome) => known.has(outcome));
    };
    const record: QualificationInput = {
      id: typeof id === 'string' ? id : null,
      title: typeof raw.title === 'string' ? raw.title.trim() : null,
      country: 'GB',
      issuerRegions: ENGLAND_NUTS1,
      qualificationType: 'apprenticeship standard',
      awardingBody: IFATE_BODY,
      nationalLevel: level === null ? null : String(level),
      nationalFramework: 'RQF (England)',
      eqfLevel: level === null ? null : (RQF_TO_EQF[level] ?? null),
      eqfConversion: level !== null && RQF_TO_EQF[level] ? RQF_CONVERSION : null,
      durationMonths: typeof raw.typicalDuration === 'number' ? raw.typicalDuration : null,
      route: typeof raw.route === 'string' ? raw.route : null,
      jobRoles: cleanList(raw.jobRoles, raw.typicalJobTitles),
      description: [overview, summary].filter(Boolean).join('\n\n') || null,
      status: closed ? 'RETIRED' : 'PUBLISHED',
      learningOutcomes: learningOutcomes.length > 0 ? learningOutcomes : null,
      duties:
        (raw.duties ?? []).length > 0
          ? raw.duties!.map((duty) => ({
              id: duty.dutyID ?? null,
              text: duty.dutyDetail ?? null,
              core: duty.isThisACoreDuty === undefined ? null : Boolean(duty.isThisACoreDuty),
              outcomes: mapped(duty),
            }))
          : null,
      sourceName: IFATE_SOURCE,
      sourceReference: typeof raw.standardPageUrl === 'string' ? raw.standardPageUrl : null,
    };
    if (unresolved > 0) dropped.push(`${id} (${unresolved})`);
    return record;
  });
  const notes = [
    ...[...notRead.entries()].map(
      ([field, count]) => `not read: ${field} (in ${count} standard(s)): ${NOT_READ[field]}`,
    ),
    ...(retired.length > 0
      ? [`${retired.length} standard(s) closed to new starts, imported as RETIRED: ${retired.join(', ')}`]
      : []),
    ...(dropped.length > 0
      ? [
          `duty mappings to statements the file does not include left out, in ${dropped.length} standard(s) (mappings): ${dropped.join(', ')}`,
        ]
      : []),
  ];
  return {
    qualifications,
    recordNames: qualifications.map((q, index) => (q.id ? `qualification '${q.id}'` : `${file} standards[${index}]`)),
    notes,
  };
}
