import { builder } from '../../graphql/builder.js';
import type { Completeness, ElementStatus, PrincipleCheck } from '../completeness.js';
import { type AnnexElement, MANDATORY_ELEMENTS, OPTIONAL_ELEMENTS } from '../model.js';

/** Annex I completeness of an offer and the Annex II principle checks its entry allows (computed in ../completeness.ts). */

export const AnnexElementEnum = builder.enumType('AnnexElement', {
  description: 'The elements Annex I of the 2022 Council Recommendation asks a micro-credential offer to state.',
  // Learner identity, date of issuing and grade belong to an issued credential, not to the offer.
  values: {
    TITLE: { description: 'Title of the micro-credential (mandatory).' },
    ISSUER_COUNTRY: {
      description:
        'Country(ies) or region(s) of the issuer (mandatory): present when issuerCountries or issuerRegions is given.',
    },
    AWARDING_BODY: { description: 'Awarding body(ies) (mandatory).' },
    LEARNING_OUTCOMES: { description: 'Learning outcomes (mandatory).' },
    WORKLOAD: {
      description: 'Notional workload needed to achieve the learning outcomes, in ECTS where possible (mandatory).',
    },
    LEVEL: {
      description:
        'Level (EQF, national level or QF-EHEA cycle), mandatory if applicable: the one mandatory element that may be declared not applicable.',
    },
    ASSESSMENT_TYPE: { description: 'Type of assessment (mandatory).' },
    PARTICIPATION_FORM: { description: 'Form of participation in the learning activity (mandatory).' },
    QUALITY_ASSURANCE: { description: 'Type of quality assurance used to underpin the micro-credential (mandatory).' },
    PREREQUISITES: { description: 'Prerequisites needed to enrol (optional).' },
    SUPERVISION: { description: 'Supervision and identity verification during assessment (optional).' },
    STACKABILITY: {
      description: 'Integration or stackability: stand-alone, or stackable towards another credential (optional).',
    },
    FURTHER_INFORMATION: { description: 'Further information (optional).' },
  } as const satisfies Record<AnnexElement, { description: string }>,
});
const ElementStateEnum = builder.enumType('ElementState', {
  description: 'Whether an offer states an Annex I element, keeping "not specified" apart from "not applicable".',
  values: {
    PRESENT: { description: 'The offer states the element.' },
    NOT_SPECIFIED: { description: 'The offer does not state it, and does not declare it not applicable.' },
    NOT_APPLICABLE: {
      description: 'The offer declares it not applicable (notApplicable): allowed for LEVEL and the optional elements.',
    },
  } as const,
});
const CheckOutcomeEnum = builder.enumType('CheckOutcome', {
  description: 'The result of a principle check on a catalogue entry.',
  values: {
    PASS: { description: 'The entry meets the check.' },
    WARN: {
      description:
        'Met only in part or in a weaker form (e.g. workload stated in another unit than ECTS, some outcomes written as topics).',
    },
    FAIL: { description: 'The entry does not meet the check.' },
    UNKNOWN: { description: 'The entry lacks what the check needs (e.g. no provider, no revision date).' },
  } as const,
});
const ElementStatusRef = builder.objectRef<ElementStatus>('AnnexElementStatus').implement({
  description: 'Whether an offer states one Annex I element.',
  fields: (t) => ({
    element: t.field({ type: AnnexElementEnum, description: 'The element.', resolve: (e) => e.element }),
    mandatory: t.exposeBoolean('mandatory', {
      description: `Mandatory in Annex I (${MANDATORY_ELEMENTS.length} offer-level elements); false for the ${OPTIONAL_ELEMENTS.length} optional ones.`,
    }),
    state: t.field({ type: ElementStateEnum, description: 'Whether the offer states it.', resolve: (e) => e.state }),
  }),
});

const PrincipleCheckRef = builder.objectRef<PrincipleCheck>('PrincipleCheck').implement({
  description: 'A check of one Annex II principle that can be computed from the catalogue entry.',
  fields: (t) => ({
    check: t.exposeString('check', {
      description:
        'Which check: WORKLOAD_IN_ECTS, OUTCOMES_WRITTEN_AS_OUTCOMES, ACCREDITED_PROVIDER, REVISION_DATE or LEARNING_PATHWAY.',
    }),
    principle: t.exposeString('principle', {
      description: 'The Annex II principle it tests: Transparency, Quality, Relevance or Learning pathways.',
    }),
    outcome: t.field({ type: CheckOutcomeEnum, description: 'The result.', resolve: (c) => c.outcome }),
    detail: t.exposeString('detail', { description: 'What was found, in words.' }),
  }),
});

export const CompletenessRef = builder.objectRef<Completeness>('Completeness').implement({
  description:
    'How completely an offer states the Annex I elements, and the Annex II principle checks its entry allows.',
  fields: (t) => ({
    score: t.exposeFloat('score', { description: 'Share of the mandatory offer elements present, 0–1.' }),
    mandatoryPresent: t.exposeInt('mandatoryPresent', {
      description: 'Mandatory elements present (LEVEL also counts when declared not applicable).',
    }),
    mandatoryTotal: t.exposeInt('mandatoryTotal', {
      description: `Mandatory offer-level elements counted (${MANDATORY_ELEMENTS.length}).`,
    }),
    missingMandatory: t.field({
      type: [AnnexElementEnum],
      description: 'Mandatory elements not specified.',
      resolve: (c) => c.missingMandatory,
    }),
    missingOptional: t.field({
      type: [AnnexElementEnum],
      description: 'Optional elements not specified (those declared not applicable are not missing).',
      resolve: (c) => c.missingOptional,
    }),
    elements: t.field({
      type: [ElementStatusRef],
      description: `Every Annex I offer element (${MANDATORY_ELEMENTS.length + OPTIONAL_ELEMENTS.length}), mandatory first, and its state.`,
      resolve: (c) => c.elements,
    }),
    checks: t.field({
      type: [PrincipleCheckRef],
      description: 'The Annex II principle checks that can be computed from the entry and its provider.',
      resolve: (c) => c.checks,
    }),
    method: t.exposeString('method', { description: 'How the score was computed, in words.' }),
  }),
});
