import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromElmDocument } from '../../src/catalogue/elm.js';
import { toElmSpecification, withoutContext } from '../../src/catalogue/elm-export.js';
import { ElmDocumentError, type ElmValidator, elmValidatorFor, unsigned } from '../../src/catalogue/elm-validation.js';
import { validateMicroCredential } from '../../src/catalogue/validation.js';
import { sharedDataDir } from '../helpers.js';

// The Commission's shapes, ontology and sample (../shared/data/elm-v3), checked with a real SHACL engine (rdf-validate-shacl).
const ELM_DIR = path.join(sharedDataDir, 'elm-v3');
const SAMPLES = path.join(ELM_DIR, 'samples');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(SAMPLES, file), 'utf8'));

function offer(fields: Record<string, unknown>) {
  const result = validateMicroCredential({
    id: 'hand-made',
    title: 'Hand-made offer',
    awardingBodies: ['Zavod za obrazovanje'],
    issuerCountries: ['HR'],
    ...fields,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

const skill = (uuid: string, label: string) => ({
  uri: `http://data.europa.eu/esco/skill/${uuid}`,
  preferredLabel: label,
});

/** Hand-made offers that reach the paths the demo catalogue does not. */
const HAND_MADE = {
  'ECTS as the stated unit, several awarding bodies and countries, a region': offer({
    eqfLevel: 5,
    workloadValue: 4,
    workloadUnit: 'ECTS',
    awardingBodies: ['Sveučilište u Zagrebu', 'Pučko otvoreno učilište'],
    issuerCountries: ['HR', 'SI'],
    issuerRegions: ['HR050'],
  }),
  'several prerequisites, a description, further information and quality assurance': offer({
    description: 'Short course.',
    prerequisites: ['Completed secondary school', 'Basic computer skills'],
    furtherInformation: 'See the provider site.',
    qualityAssurance: 'Accredited by the Agency for VET',
    stackability: 'STACKABLE',
    stacksInto: ['CROQF level 4 qualification'],
    supervision: 'ONSITE_WITH_IDENTITY_VERIFICATION',
    assessmentType: 'Written and practical exam',
    participationForm: 'ONSITE',
    languages: ['hr', 'en'],
    nationalLevel: '4.1',
    nationalFramework: 'CROQF',
  }),
  'an international awarding body: located where it is established, no country of issue': offer({
    issuerCountries: null,
    awardingBodies: ['International Institute of Welding'],
    awardingBodyCountries: ['IT'],
    eqfLevel: 4,
    workloadValue: 150,
    workloadUnit: 'HOURS',
  }),
  'awarding bodies established elsewhere than where the offer is issued': offer({
    awardingBodyCountries: ['AT', 'SI'],
    issuerRegions: ['HR050'],
  }),
  'fractional hours and converted ECTS': offer({
    eqfLevel: 3,
    workloadValue: 97.5,
    workloadUnit: 'HOURS',
    participationForm: 'ONLINE',
  }),
};
const OUTCOMES = [
  {
    id: 'o1',
    text: 'Weld steel plates in all positions',
    stated: true,
    confirmedSkills: [
      skill('ccdf3597-5c80-410f-896d-e1bdfa223de9', 'stimulate creativity in the team'),
      skill('5fd5c985-eaaa-47aa-8314-62359c54505a', 'develop digital content'),
    ],
  },
  { id: 'o2', text: 'Read technical drawings', stated: true, confirmedSkills: [] },
];

describe('ELM exports against the Commission shapes (EDC-generic-full)', () => {
  let validator: ElmValidator;
  let carrier: { credentialSubject: { hasClaim: { specifiedBy: unknown } } };
  beforeAll(async () => {
    validator = await elmValidatorFor(ELM_DIR);
    carrier = unsigned(readJson('Sample-MC-Annex1-signed.jsonld')) as typeof carrier;
  });

  it('finds the Commission sample conforming when signed, and the unsigned one missing only what issuing adds', async () => {
    expect(await validator.validate(readJson('Sample-MC-Annex1-signed.jsonld'))).toMatchObject({
      conforms: true,
      violations: [],
    });
    const draft = await validator.validate(readJson('Sample-MC-Annex1-unsigned.jsonld'));
    expect(draft.conforms).toBe(false);
    expect(draft.violations.map((v) => v.path)).toEqual([
      'https://www.w3.org/2018/credentials#issued',
      'https://www.w3.org/2018/credentials#issuer',
    ]);
  });

  it("reads every Annex I element the Commission's sample carries, naming the ELM properties it does not read", () => {
    const reading = fromElmDocument(unsigned(readJson('Sample-MC-Annex1-signed.jsonld')));
    expect(reading.microCredentials).toEqual([
      {
        id: 'elm:urn:epass:qualification:1',
        title: 'Digital micro-credential creation',
        awardingBodies: ['University of Zed'],
        issuerCountries: ['IE'],
        learningOutcomes: ['Communication, collaboration and creativity', 'Developing digital content'],
        eqfLevel: 6,
        nationalFramework: 'RQF',
        nationalLevel: '6',
        workloadValue: 2,
        workloadUnit: 'ECTS',
        participationForm: 'BLENDED',
        languages: ['en'],
        prerequisites: [
          'The learner needs to have an EDC Online Credential Builder account, that requires an EU Login ID.',
        ],
        assessmentType: 'Digital artefact assessment',
        supervision: 'UNSUPERVISED_NO_IDENTITY_VERIFICATION',
        sourceName: 'European Learning Model (ELM v3) document',
        sourceReference: 'urn:epass:qualification:1',
      },
    ]);
    expect(reading.statedSkills.map((link) => link.skillUri)).toEqual([
      'http://data.europa.eu/esco/skill/ccdf3597-5c80-410f-896d-e1bdfa223de9',
      'http://data.europa.eu/esco/skill/80f308e6-0e09-404a-80cd-ec5f50f6f304',
      'http://data.europa.eu/esco/skill/326809fc-238d-40c2-881e-40042f7f2f0d',
      'http://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a',
    ]);
    expect(reading.notRead).toEqual([
      "ELM Qualification 'urn:epass:qualification:1': not read: thematicArea, isPartialQualification, learningSetting, maximumDuration, dcType",
    ]);
  });

  for (const [paths, credential] of Object.entries(HAND_MADE)) {
    it(`exports a conforming document, standalone and inside the sample credential: ${paths}`, async () => {
      const { specification, unmapped } = toElmSpecification(credential, OUTCOMES);
      expect(unmapped).toEqual([]);
      const standalone = await validator.validate(specification);
      expect(standalone.violations).toEqual([]);
      expect(standalone.conforms).toBe(true);
      const credentialWithOffer = structuredClone(carrier);
      credentialWithOffer.credentialSubject.hasClaim.specifiedBy = withoutContext(specification);
      expect((await validator.validate(credentialWithOffer)).violations).toEqual([]);
    });
  }

  it('names the node, property and reason of what breaks a shape', async () => {
    const { specification } = toElmSpecification(HAND_MADE['fractional hours and converted ECTS'], OUTCOMES);
    // The two faults the exports used to have: a fractional hour, and an awarding body without a location.
    const broken = structuredClone(specification) as Record<string, any>;
    broken.volumeOfLearning = 'PT97.5H';
    delete broken.awardingOpportunity[0].awardingBody[0].location;
    const result = await validator.validate(broken);
    expect(result.conforms).toBe(false);
    // The duration breaks two shapes: a Qualification is also a LearningAchievementSpecification (ELM's subclass triples).
    expect(
      result.violations.map((v) => [
        v.focusNode,
        v.path?.replace('http://data.europa.eu/snb/model/elm/', 'elm:'),
        v.message,
      ]),
    ).toEqual([
      [
        'urn:skills-hub:learningAchievementSpecification:hand-made',
        'elm:volumeOfLearning',
        'Value does not have datatype <http://www.w3.org/2001/XMLSchema#duration>',
      ],
      [
        'urn:skills-hub:learningAchievementSpecification:hand-made',
        'elm:volumeOfLearning',
        'Value does not have datatype <http://www.w3.org/2001/XMLSchema#duration>',
      ],
      ['urn:skills-hub:organisation:hand-made:1', 'elm:location', 'Less than 1 values'],
    ]);
  });

  it('refuses a document a JSON-LD processor would read nothing from, or whose context is not held locally', async () => {
    const { specification } = toElmSpecification(HAND_MADE['fractional hours and converted ECTS'], OUTCOMES);
    await expect(validator.validate(withoutContext(specification))).rejects.toThrow(ElmDocumentError);
    await expect(validator.validate(withoutContext(specification))).rejects.toThrow(/no @context/);
    await expect(
      validator.validate({ ...specification, '@context': 'https://example.org/other-context' }),
    ).rejects.toThrow(/not one of the ELM contexts held locally/);
  });
});
