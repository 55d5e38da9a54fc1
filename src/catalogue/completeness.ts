import {
  type AnnexElement,
  MANDATORY_ELEMENTS,
  type MicroCredential,
  OPTIONAL_ELEMENTS,
  type Provider,
} from './model.js';

/**
 * Annex I completeness and the principle checks that can be computed from a catalogue entry. Pure.
 * Completeness = share of the nine offer-level mandatory elements that are present or (for the level
 * only) declared not applicable. Learner identity, date of issuing and grade belong to issued credentials.
 */

export type ElementState = 'PRESENT' | 'NOT_SPECIFIED' | 'NOT_APPLICABLE';

export interface ElementStatus {
  element: AnnexElement;
  mandatory: boolean;
  state: ElementState;
}

export type CheckOutcome = 'PASS' | 'WARN' | 'FAIL' | 'UNKNOWN';

export interface PrincipleCheck {
  check: string;
  principle: string;
  outcome: CheckOutcome;
  detail: string;
}

export interface Completeness {
  score: number;
  mandatoryPresent: number;
  mandatoryTotal: number;
  missingMandatory: AnnexElement[];
  missingOptional: AnnexElement[];
  elements: ElementStatus[];
  checks: PrincipleCheck[];
  method: string;
}

const present: Record<AnnexElement, (c: MicroCredential) => boolean> = {
  TITLE: (c) => Boolean(c.title),
  ISSUER_COUNTRY: (c) => (c.issuerCountries?.length ?? 0) > 0 || (c.issuerRegions?.length ?? 0) > 0,
  AWARDING_BODY: (c) => c.awardingBodies.length > 0,
  LEARNING_OUTCOMES: (c) => (c.learningOutcomes?.length ?? 0) > 0,
  WORKLOAD: (c) => c.workloadValue !== null,
  LEVEL: (c) => c.eqfLevel !== null || c.nationalLevel !== null || c.qfEheaCycle !== null,
  ASSESSMENT_TYPE: (c) => c.assessmentType !== null,
  PARTICIPATION_FORM: (c) => c.participationForm !== null,
  QUALITY_ASSURANCE: (c) => c.qualityAssurance !== null,
  PREREQUISITES: (c) => c.prerequisites !== null,
  SUPERVISION: (c) => c.supervision !== null,
  STACKABILITY: (c) => c.stackability !== null,
  FURTHER_INFORMATION: (c) => c.furtherInformation !== null,
};

/**
 * Verbs that open a learning outcome ("the learner can …"): Bloom-style action verbs and those common
 * in VET outcomes. A text opening with one, or saying "able to", reads as an outcome; a short noun
 * phrase ("welding basics") reads as a topic.
 */
const OUTCOME_VERBS = new Set(
  (
    'analyse analyze apply appraise arrange assemble assess build calculate carry check choose classify collaborate communicate compare compile ' +
    'complete compose conduct configure construct control coordinate create critique debug decide define demonstrate describe design determine ' +
    'develop diagnose differentiate discuss distinguish document draft estimate evaluate examine execute explain formulate handle identify ' +
    'illustrate implement inspect install integrate interpret investigate justify lead list maintain manage measure monitor negotiate operate ' +
    'organise organize outline perform plan prepare present prioritise produce program propose provide recognise recognize recommend record ' +
    'repair report resolve review run select serve set solve summarise supervise support test train troubleshoot understand use weld work write'
  )
    .split(' ')
    .flatMap((verb) => [verb, `${verb}s`, verb.endsWith('e') ? `${verb}s` : `${verb}es`]),
);

export function readsAsOutcome(text: string): boolean {
  const lower = text.toLowerCase();
  if (/\b(able to|can|will be able|is able|are able)\b/.test(lower)) return true;
  const rest = lower.replace(/^(the )?(learner|participant|student|trainee)s?\s+(will\s+)?/, '');
  const firstWord = rest.match(/[a-z]+/)?.[0];
  // Outcomes open with a verb as written ("Weld …", "Manages …"); nouns that share its stem open topics
  // ("Welding safety", "Management basics"), so the word itself is looked up, not its stem.
  return firstWord !== undefined && OUTCOME_VERBS.has(firstWord);
}

export function assessCompleteness(
  credential: MicroCredential,
  provider: Provider | null,
  today = new Date().toISOString().slice(0, 10),
): Completeness {
  const elements: ElementStatus[] = [...MANDATORY_ELEMENTS, ...OPTIONAL_ELEMENTS].map((element) => ({
    element,
    mandatory: (MANDATORY_ELEMENTS as readonly string[]).includes(element),
    state: present[element](credential)
      ? 'PRESENT'
      : credential.notApplicable.includes(element)
        ? 'NOT_APPLICABLE'
        : 'NOT_SPECIFIED',
  }));
  const mandatory = elements.filter((e) => e.mandatory);
  const satisfied = mandatory.filter((e) => e.state !== 'NOT_SPECIFIED').length;
  return {
    score: Math.round((satisfied / mandatory.length) * 100) / 100,
    mandatoryPresent: satisfied,
    mandatoryTotal: mandatory.length,
    missingMandatory: mandatory.filter((e) => e.state === 'NOT_SPECIFIED').map((e) => e.element),
    missingOptional: elements.filter((e) => !e.mandatory && e.state === 'NOT_SPECIFIED').map((e) => e.element),
    elements,
    checks: principleChecks(credential, provider, today),
    method: `share of the ${mandatory.length} offer-level mandatory Annex I elements present (the level also counts when declared not applicable)`,
  };
}

function principleChecks(credential: MicroCredential, provider: Provider | null, today: string): PrincipleCheck[] {
  const checks: PrincipleCheck[] = [];

  if (credential.workloadValue === null) {
    checks.push({
      check: 'WORKLOAD_IN_ECTS',
      principle: 'Transparency',
      outcome: 'FAIL',
      detail: 'no notional workload stated',
    });
  } else if (credential.workloadUnit === 'ECTS') {
    checks.push({
      check: 'WORKLOAD_IN_ECTS',
      principle: 'Transparency',
      outcome: 'PASS',
      detail: `${credential.workloadValue} ECTS stated`,
    });
  } else {
    checks.push({
      check: 'WORKLOAD_IN_ECTS',
      principle: 'Transparency',
      outcome: 'WARN',
      detail: `stated as ${credential.workloadValue} ${credential.workloadUnit}, not ECTS; about ${credential.workloadEcts} ECTS by conversion (${credential.workloadConversion})`,
    });
  }

  const outcomes = credential.learningOutcomes ?? [];
  const topics = outcomes.filter((text) => !readsAsOutcome(text));
  checks.push({
    check: 'OUTCOMES_WRITTEN_AS_OUTCOMES',
    principle: 'Transparency',
    outcome: outcomes.length === 0 ? 'FAIL' : topics.length === 0 ? 'PASS' : 'WARN',
    detail:
      outcomes.length === 0
        ? 'no learning outcomes stated'
        : topics.length === 0
          ? `all ${outcomes.length} outcomes say what the learner can do`
          : `${topics.length} of ${outcomes.length} read as topics rather than what the learner can do: ${topics.map((t) => `'${t}'`).join('; ')}`,
  });

  checks.push(
    provider === null
      ? {
          check: 'ACCREDITED_PROVIDER',
          principle: 'Quality',
          outcome: 'UNKNOWN',
          detail: 'no provider recorded for this offer',
        }
      : provider.accreditationStatus === 'ACCREDITED'
        ? {
            check: 'ACCREDITED_PROVIDER',
            principle: 'Quality',
            outcome: 'PASS',
            detail: `${provider.name} is listed in ${provider.accreditationRegister}${provider.registerId ? ` (${provider.registerId})` : ''}`,
          }
        : provider.accreditationStatus === 'NOT_ACCREDITED'
          ? {
              check: 'ACCREDITED_PROVIDER',
              principle: 'Quality',
              outcome: 'FAIL',
              detail: `${provider.name} is recorded as not accredited`,
            }
          : {
              check: 'ACCREDITED_PROVIDER',
              principle: 'Quality',
              outcome: 'UNKNOWN',
              detail: `${provider.name}: accreditation not specified`,
            },
  );

  if (credential.expectedRevisionDate) {
    const due = credential.expectedRevisionDate < today;
    checks.push({
      check: 'REVISION_DATE',
      principle: 'Relevance',
      outcome: due ? 'FAIL' : 'PASS',
      detail: due
        ? `expected revision date ${credential.expectedRevisionDate} has passed`
        : `next revision expected ${credential.expectedRevisionDate}`,
    });
  } else {
    checks.push({
      check: 'REVISION_DATE',
      principle: 'Relevance',
      outcome: 'UNKNOWN',
      detail: 'no expected revision date',
    });
  }

  checks.push(
    credential.stackability === null
      ? {
          check: 'LEARNING_PATHWAY',
          principle: 'Learning pathways',
          outcome: 'UNKNOWN',
          detail: 'stackability not specified',
        }
      : credential.stackability === 'STACKABLE'
        ? {
            check: 'LEARNING_PATHWAY',
            principle: 'Learning pathways',
            outcome: (credential.stacksInto?.length ?? 0) > 0 ? 'PASS' : 'WARN',
            detail:
              (credential.stacksInto?.length ?? 0) > 0
                ? `stacks into ${credential.stacksInto!.join(', ')}`
                : 'declared stackable, but into what is not stated',
          }
        : { check: 'LEARNING_PATHWAY', principle: 'Learning pathways', outcome: 'PASS', detail: 'stand-alone' },
  );
  return checks;
}
