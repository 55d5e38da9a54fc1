import type { MicroCredential } from './model.js';

/**
 * A micro-credential offer as a European Learning Model (ELM v3) LearningAchievementSpecification, in the
 * JSON shape of the Commission's "uploadable" samples (European-Learning-Model repository,
 * Credentials/JSON-LD Examples (ELM v3)/Sample-MC-Annex1-unsigned-uploadable.json). Write-only for now.
 *
 * Only elements whose controlled-vocabulary concepts that sample confirms are mapped: EQF level, ECTS credit
 * points, volume of learning, learning outcomes with their confirmed ESCO skills, online/blended mode,
 * languages and entry requirements. `unmapped` lists what an offer states but this export leaves out,
 * so nobody mistakes a partial export for a complete one. Pure.
 */

const EQF_SCHEME = { id: 'http://data.europa.eu/snb/eqf/25831c2', type: 'ConceptScheme' };
const ECTS_FRAMEWORK = {
  id: 'http://data.europa.eu/snb/education-credit/6fcec5c5af',
  type: 'Concept',
  inScheme: { id: 'http://data.europa.eu/snb/education-credit/25831c2', type: 'ConceptScheme' },
  prefLabel: { en: 'European Credit Transfer System' },
};
const ESCO_SKILLS_SCHEME = { id: 'http://data.europa.eu/esco/concept-scheme/skills', type: 'ConceptScheme' };
const LEARNING_MODE_SCHEME = { id: 'http://data.europa.eu/snb/learning-assessment/25831c2', type: 'ConceptScheme' };
/** The two modes whose concept URIs the Commission's sample shows; ONSITE and WORK_BASED are not mapped yet. */
const MODES: Record<string, { id: string; label: string }> = {
  ONLINE: { id: 'http://data.europa.eu/snb/learning-assessment/920fbb3cbe', label: 'Online' },
  BLENDED: { id: 'http://data.europa.eu/snb/learning-assessment/e92d221e4d', label: 'Blended' },
};
/** ISO 639-1 → the EU language authority table's codes, for the official EU languages. */
const LANGUAGE_AUTHORITY: Record<string, [string, string]> = {
  bg: ['BUL', 'Bulgarian'], cs: ['CES', 'Czech'], da: ['DAN', 'Danish'], de: ['DEU', 'German'], el: ['ELL', 'Greek'],
  en: ['ENG', 'English'], es: ['SPA', 'Spanish'], et: ['EST', 'Estonian'], fi: ['FIN', 'Finnish'], fr: ['FRA', 'French'],
  ga: ['GLE', 'Irish'], hr: ['HRV', 'Croatian'], hu: ['HUN', 'Hungarian'], it: ['ITA', 'Italian'], lt: ['LIT', 'Lithuanian'],
  lv: ['LAV', 'Latvian'], mt: ['MLT', 'Maltese'], nl: ['NLD', 'Dutch'], pl: ['POL', 'Polish'], pt: ['POR', 'Portuguese'],
  ro: ['RON', 'Romanian'], sk: ['SLK', 'Slovak'], sl: ['SLV', 'Slovenian'], sv: ['SWE', 'Swedish'],
};

export interface ElmOutcome {
  id: string;
  text: string;
  stated: boolean;
  /** Only links a curator accepted or added: an export publishes confirmed claims, not suggestions. */
  confirmedSkills: Array<{ uri: string; preferredLabel: string }>;
}

export interface ElmExport {
  specification: Record<string, unknown>;
  unmapped: string[];
}

const text = (value: string) => ({ en: value });

export function toElmSpecification(credential: MicroCredential, outcomes: ElmOutcome[]): ElmExport {
  const unmapped: string[] = [];
  const spec: Record<string, unknown> = {
    id: `urn:skills-hub:learningAchievementSpecification:${credential.id}`,
    type: 'LearningAchievementSpecification',
    title: text(credential.title),
  };
  if (credential.description) spec.description = text(credential.description);

  const stated = outcomes.filter((outcome) => outcome.stated);
  if (stated.length > 0) {
    spec.learningOutcome = stated.map((outcome) => ({
      id: `urn:skills-hub:learningOutcome:${outcome.id}`,
      type: 'LearningOutcome',
      title: text(outcome.text),
      ...(outcome.confirmedSkills.length > 0
        ? {
            relatedESCOSkill: outcome.confirmedSkills.map((skill) => ({
              id: skill.uri,
              type: 'Concept',
              inScheme: ESCO_SKILLS_SCHEME,
              notation: 'Skill',
              prefLabel: text(skill.preferredLabel),
            })),
          }
        : {}),
    }));
  }

  if (credential.eqfLevel !== null) {
    spec.eqfLevel = { id: `http://data.europa.eu/snb/eqf/${credential.eqfLevel}`, type: 'Concept', inScheme: EQF_SCHEME, prefLabel: text(`Level ${credential.eqfLevel}`) };
  }
  if (credential.nationalLevel !== null) unmapped.push(`nationalLevel (${credential.nationalFramework ?? 'framework'} ${credential.nationalLevel}): needs the QDR concept URI`);

  if (credential.workloadUnit === 'ECTS' && credential.workloadValue !== null) {
    spec.creditPoint = { id: `urn:skills-hub:creditPoint:${credential.id}`, type: 'CreditPoint', framework: ECTS_FRAMEWORK, point: String(credential.workloadValue) };
  }
  if (credential.workloadHours !== null) spec.volumeOfLearning = `PT${credential.workloadHours}H`;

  if (credential.participationForm !== null) {
    const mode = MODES[credential.participationForm];
    if (mode) spec.mode = { id: mode.id, type: 'Concept', inScheme: LEARNING_MODE_SCHEME, prefLabel: text(mode.label) };
    else unmapped.push(`participationForm ${credential.participationForm}: concept URI not confirmed`);
  }

  const languages = (credential.languages ?? []).map((code) => LANGUAGE_AUTHORITY[code]);
  if (languages.length > 0) {
    spec.language = (credential.languages ?? []).flatMap((code, index) => {
      const entry = languages[index];
      if (!entry) {
        unmapped.push(`language ${code}: not an official EU language in the authority table used here`);
        return [];
      }
      return [{
        id: `http://publications.europa.eu/resource/authority/language/${entry[0]}`,
        type: 'Concept',
        inScheme: { id: 'http://publications.europa.eu/resource/authority/language', type: 'ConceptScheme' },
        notation: 'language',
        prefLabel: text(entry[1]),
      }];
    });
  }

  if (credential.prerequisites && credential.prerequisites.length > 0) {
    spec.entryRequirement = { id: `urn:skills-hub:note:entryRequirement:${credential.id}`, type: 'Note', noteLiteral: text(credential.prerequisites.join('; ')) };
  }

  const stillUnmapped: Array<[string, unknown]> = [
    ['awardingBodies', credential.awardingBodies.length > 0 ? credential.awardingBodies : null],
    ['assessmentType', credential.assessmentType],
    ['supervision', credential.supervision],
    ['qualityAssurance', credential.qualityAssurance],
    ['stackability', credential.stackability],
    ['issuerCountries', credential.issuerCountries?.length ? credential.issuerCountries : null],
  ];
  for (const [element, value] of stillUnmapped) if (value !== null && value !== undefined) unmapped.push(`${element}: not mapped to ELM yet`);
  return { specification: spec, unmapped };
}
