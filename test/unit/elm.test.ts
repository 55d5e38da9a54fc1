import { describe, expect, it } from 'vitest';
import { durationHours, fromElmDocument } from '../../src/catalogue/elm.js';
import { hoursAsDuration, toElmSpecification } from '../../src/catalogue/elm-export.js';
import { validateMicroCredential } from '../../src/catalogue/validation.js';

function offer(extra: Record<string, unknown>) {
  const result = validateMicroCredential({
    id: 'mc-1',
    title: 'Digital content creation',
    awardingBodies: ['Uni'],
    ...extra,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

describe('toElmSpecification', () => {
  it('writes a JSON-LD document in the shape of the Commission sample: a Qualification with its level, ECTS, outcomes and a located awarding body', () => {
    const { specification, unmapped } = toElmSpecification(
      offer({
        eqfLevel: 6,
        workloadValue: 2,
        workloadUnit: 'ECTS',
        participationForm: 'BLENDED',
        languages: ['en'],
        prerequisites: ['an EU Login account'],
        issuerCountries: ['IE'],
        issuerRegions: ['IE061'],
      }),
      [
        {
          id: 'mc-1#abc',
          text: 'Develop digital content',
          stated: true,
          confirmedSkills: [
            {
              uri: 'http://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a',
              preferredLabel: 'develop digital content',
            },
          ],
        },
      ],
    );
    expect(Object.keys(specification)[0]).toBe('@context');
    expect(specification).toMatchObject({
      '@context': ['https://www.w3.org/2018/credentials/v1', 'http://data.europa.eu/snb/model/context/edc-ap'],
      id: 'urn:skills-hub:learningAchievementSpecification:mc-1',
      type: 'Qualification',
      title: { en: 'Digital content creation' },
      eqfLevel: { id: 'http://data.europa.eu/snb/eqf/6', type: 'Concept' },
      creditPoint: {
        type: 'CreditPoint',
        point: '2',
        framework: { id: 'http://data.europa.eu/snb/education-credit/6fcec5c5af' },
      },
      volumeOfLearning: 'PT55H',
      mode: { id: 'http://data.europa.eu/snb/learning-assessment/e92d221e4d', prefLabel: { en: 'Blended' } },
      language: [{ id: 'http://publications.europa.eu/resource/authority/language/ENG' }],
      entryRequirement: { type: 'Note', noteLiteral: { en: 'an EU Login account' } },
      learningOutcome: [
        {
          type: 'LearningOutcome',
          title: { en: 'Develop digital content' },
          relatedESCOSkill: [
            {
              id: 'http://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a',
              inScheme: { id: 'http://data.europa.eu/esco/concept-scheme/skills' },
            },
          ],
        },
      ],
    });
    const location = {
      id: 'urn:skills-hub:location:mc-1:IE',
      type: 'Location',
      geographicName: { en: 'NUTS IE061' },
      address: {
        id: 'urn:skills-hub:address:mc-1:IE',
        type: 'Address',
        countryCode: {
          id: 'http://publications.europa.eu/resource/authority/country/IRL',
          type: 'Concept',
          inScheme: { id: 'http://publications.europa.eu/resource/authority/country', type: 'ConceptScheme' },
          notation: 'country',
          prefLabel: { en: 'Ireland' },
        },
      },
    };
    // The awarding body is located where the offer is issued (ELM requires an Organisation's location).
    expect(specification.awardingOpportunity).toEqual([
      {
        id: 'urn:skills-hub:awardingOpportunity:mc-1:1',
        type: 'AwardingOpportunity',
        awardingBody: [
          {
            id: 'urn:skills-hub:organisation:mc-1:1',
            type: 'Organisation',
            legalName: { en: 'Uni' },
            location: [location],
          },
        ],
        location,
      },
    ]);
    expect(unmapped).toEqual([]);
  });

  it('writes fractional hours as an xsd:duration, converted ECTS as credit points, and the elements without an ELM property as labelled notes', () => {
    const { specification, unmapped } = toElmSpecification(
      offer({
        workloadValue: 3,
        workloadUnit: 'DAYS',
        participationForm: 'ONSITE',
        nationalLevel: '4',
        nationalFramework: 'CROQF',
        supervision: 'SUPERVISED_ONLINE',
        qualityAssurance: 'External review by the agency',
        stackability: 'STACKABLE',
        stacksInto: ['CROQF level 4 qualification'],
        furtherInformation: 'Valid for 3 years.',
        assessmentType: 'Practical test',
        issuerCountries: ['HR'],
      }),
      [{ id: 'mc-1#t', text: 'Digital content creation', stated: false, confirmedSkills: [] }],
    );
    expect(specification.type).toBe('LearningAchievementSpecification');
    expect(specification.eqfLevel).toBeUndefined();
    expect(specification.volumeOfLearning).toBe('PT22H30M');
    // 3 days × 7.5 h = 22.5 h; 22.5 h / 27.5 h per ECTS = 0.82.
    expect(specification.creditPoint).toMatchObject({ point: '0.82' });
    expect(specification.mode).toMatchObject({
      id: 'http://data.europa.eu/snb/learning-assessment/9191af2ed9',
      prefLabel: { en: 'Presential' },
    });
    expect(specification.provenBy).toEqual({
      id: 'urn:skills-hub:learningAssessmentSpecification:mc-1',
      type: 'LearningAssessmentSpecification',
      title: { en: 'Practical test' },
    });
    expect(specification.learningOutcome).toBeUndefined();
    expect(
      (specification.additionalNote as Array<{ noteLiteral: { en: string } }>).map((note) => note.noteLiteral.en),
    ).toEqual([
      'Supervision and identity verification: supervised online or onsite with identity verification (online)',
      'Quality assurance: External review by the agency',
      'National qualification level: CROQF level 4',
      'Stackability: stackable into CROQF level 4 qualification',
      'Further information: Valid for 3 years.',
      expect.stringMatching(/^ECTS credit points converted: /),
    ]);
    expect(unmapped).toEqual([]);
  });

  it('says what it leaves out and why', () => {
    const { specification, unmapped } = toElmSpecification(
      offer({
        participationForm: 'WORK_BASED',
        languages: ['en', 'tr'],
        issuerCountries: ['TR'],
        issuerRegions: ['DE21'],
      }),
      [],
    );
    expect(specification.mode).toBeUndefined();
    expect(specification.language).toEqual([
      expect.objectContaining({ id: 'http://publications.europa.eu/resource/authority/language/ENG' }),
    ]);
    expect(unmapped).toEqual([
      'participationForm WORK_BASED: the mode-of-learning scheme has no concept for it',
      'language tr: not an official EU language in the authority table used here',
      'issuerCountries TR: not an EU or EEA country in the authority table used here',
      'issuerRegions DE21: not within an exported issuer country',
      'awarding body location: the offer names no EU or EEA country where its awarding bodies are established or where it is issued, and ELM requires each awarding body to have a location',
    ]);
  });
});

describe('hoursAsDuration', () => {
  it('writes whole hours, minutes and seconds, never a fractional hour', () => {
    expect([60, 97.5, 22.5, 0.25, 1 / 3, 0].map(hoursAsDuration)).toEqual([
      'PT60H',
      'PT97H30M',
      'PT22H30M',
      'PT0H15M',
      'PT0H20M',
      'PT0H',
    ]);
    expect([60, 97.5, 0.25].map((h) => durationHours(hoursAsDuration(h)))).toEqual([60, 97.5, 0.25]);
    expect(durationHours('PT97.5H')).toBe(97.5);
    expect(durationHours('P1M')).toBeNull();
  });
});

const skill = (id: string, label: string) => ({
  id: `http://data.europa.eu/esco/skill/${id}`,
  type: 'Concept',
  notation: 'Skill',
  prefLabel: { en: label },
});
const concept = (id: string, label: string) => ({ id, type: 'Concept', prefLabel: { en: label } });

describe('fromElmDocument', () => {
  const ANNEX_FIELDS = [
    'id',
    'title',
    'description',
    'awardingBodies',
    'awardingBodyCountries',
    'issuerCountries',
    'issuerRegions',
    'learningOutcomes',
    'eqfLevel',
    'workloadValue',
    'workloadUnit',
    'workloadHours',
    'workloadEcts',
    'nationalLevel',
    'nationalFramework',
    'assessmentType',
    'participationForm',
    'qualityAssurance',
    'prerequisites',
    'supervision',
    'stackability',
    'stacksInto',
    'furtherInformation',
    'languages',
  ] as const;
  const ROUND_TRIPS = {
    'several prerequisites, outcomes, awarding bodies and countries, ECTS stated': {
      title: 'Welding inspection',
      description: 'Inspection of welded joints.',
      awardingBodies: ['Uni', 'Guild'],
      issuerCountries: ['IE', 'DK'],
      issuerRegions: ['IE061', 'DK01'],
      eqfLevel: 5,
      workloadValue: 4,
      workloadUnit: 'ECTS',
      participationForm: 'ONLINE',
      languages: ['en', 'ga'],
      prerequisites: ['basic welding', 'a safety course'],
      learningOutcomes: ['Inspect welds', 'Write an inspection report'],
    },
    'an international awarding body: established in one country, no country of issue': {
      title: 'International welding practitioner',
      awardingBodies: ['International Institute of Welding'],
      awardingBodyCountries: ['IT'],
      eqfLevel: 4,
    },
    'awarding bodies established elsewhere than where the offer is issued': {
      title: 'Cross-border welding',
      awardingBodies: ['Uni', 'Guild'],
      awardingBodyCountries: ['AT', 'DE'],
      issuerCountries: ['SI'],
      issuerRegions: ['SI04'],
    },
    'no prerequisites (an empty list), a national framework without a level': {
      title: 'Aquafarming',
      awardingBodies: ['QQI'],
      issuerCountries: ['IE'],
      prerequisites: [],
      nationalFramework: 'Irish NFQ',
      participationForm: 'BLENDED',
    },
    'no prerequisite stated, every note, hours with a fraction': {
      title: 'Retail guidance',
      awardingBodies: ['AMU centre'],
      issuerCountries: ['DK'],
      workloadValue: 97.5,
      workloadUnit: 'HOURS',
      participationForm: 'ONSITE',
      nationalLevel: '4',
      nationalFramework: 'Danish NQF',
      assessmentType: 'Practical test',
      qualityAssurance: 'Ministry approval',
      supervision: 'ONSITE_WITH_IDENTITY_VERIFICATION',
      stackability: 'STACKABLE',
      stacksInto: ['AMU certificate; retail', 'Diploma'],
      furtherInformation: 'Free for employees.',
    },
  };

  for (const [paths, fields] of Object.entries(ROUND_TRIPS)) {
    it(`reads back every element toElmSpecification writes, and writes the same document again: ${paths}`, () => {
      const original = offer(fields);
      const labels = new Map([['http://data.europa.eu/esco/skill/w1', 'inspect welds']]);
      const outcomesOf = (m: typeof original, skills: Map<string, string[]>) =>
        (m.learningOutcomes ?? []).map((text, index) => ({
          id: `${m.id}#${index}`,
          text,
          stated: true,
          confirmedSkills: (skills.get(text) ?? []).map((uri) => ({ uri, preferredLabel: labels.get(uri)! })),
        }));
      const first = toElmSpecification(
        original,
        outcomesOf(original, new Map([['Inspect welds', ['http://data.europa.eu/esco/skill/w1']]])),
      );
      const reading = fromElmDocument(JSON.parse(JSON.stringify(first.specification)));
      expect(reading.notRead).toEqual([]);
      const result = validateMicroCredential(reading.microCredentials[0]);
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      for (const field of ANNEX_FIELDS) expect([field, result.value[field]]).toEqual([field, original[field]]);
      const skills = new Map<string, string[]>();
      for (const stated of reading.statedSkills)
        skills.set(stated.outcome, [...(skills.get(stated.outcome) ?? []), stated.skillUri]);
      expect(toElmSpecification(result.value, outcomesOf(result.value, skills))).toEqual(first);
    });
  }

  it('reads the offer a European Digital Credential claims, with its awarding body and assessment, and names what it does not read', () => {
    const document = {
      credential: {
        id: 'urn:credential:1',
        type: ['VerifiableCredential', 'EuropeanDigitalCredential'],
        credentialSubject: {
          id: 'urn:epass:person:1',
          type: 'Person',
          hasClaim: {
            id: 'urn:epass:learningAchievement:1',
            type: 'LearningAchievement',
            title: { en: 'Digital credential design' },
            awardedBy: {
              id: 'urn:epass:awardingProcess:1',
              type: 'AwardingProcess',
              awardingBody: {
                id: 'urn:epass:org:1',
                type: 'Organisation',
                legalName: { en: 'Example Institute of Technology' },
                location: {
                  id: 'urn:epass:location:1',
                  type: 'Location',
                  address: {
                    id: 'urn:epass:address:1',
                    type: 'Address',
                    countryCode: concept('http://publications.europa.eu/resource/authority/country/IRL', 'Ireland'),
                  },
                },
              },
            },
            hasPart: {
              id: 'urn:epass:learningAssessment:1',
              type: 'LearningAssessment',
              idVerification: concept(
                'http://data.europa.eu/snb/supervision-verification/c598449d64',
                'Unsupervised without ID Verification',
              ),
              specifiedBy: {
                id: 'urn:epass:learningAssessmentSpec:1',
                type: 'LearningAssessmentSpecification',
                title: { en: 'Portfolio assessment' },
              },
            },
            specifiedBy: {
              id: 'urn:epass:qualification:1',
              type: 'Qualification',
              title: { en: 'Digital credential design' },
              eqfLevel: concept('http://data.europa.eu/snb/eqf/6', 'Level 6'),
              nqfLevel: concept('http://data.europa.eu/snb/qdr/c_example', 'Level 8 (national)'),
              creditPoint: {
                id: 'urn:epass:creditPoint:1',
                type: 'CreditPoint',
                framework: concept('http://data.europa.eu/snb/education-credit/6fcec5c5af', 'ECTS'),
                point: '3',
              },
              volumeOfLearning: 'PT75H',
              mode: concept('http://data.europa.eu/snb/learning-assessment/920fbb3cbe', 'Online'),
              language: concept('http://publications.europa.eu/resource/authority/language/DEU', 'German'),
              entryRequirement: {
                id: 'urn:epass:note:1',
                type: 'Note',
                noteLiteral: { en: 'An account on the issuing platform' },
              },
              learningOutcome: [
                {
                  id: 'urn:epass:learningOutcome:1',
                  type: 'LearningOutcome',
                  title: { en: 'Design a digital credential' },
                  relatedESCOSkill: skill('a1', 'design digital credentials'),
                },
                {
                  id: 'urn:epass:learningOutcome:2',
                  type: 'LearningOutcome',
                  title: { en: 'Explain credential standards', es: 'Explicar' },
                  relatedESCOSkill: [skill('b1', 'one'), skill('b2', 'two')],
                },
              ],
              maximumDuration: 'P1M',
            },
          },
        },
        '@context': ['https://www.w3.org/2018/credentials/v1'],
      },
    };
    const reading = fromElmDocument(document);
    expect(reading.microCredentials).toEqual([
      {
        id: 'elm:urn:epass:qualification:1',
        title: 'Digital credential design',
        awardingBodies: ['Example Institute of Technology'],
        issuerCountries: ['IE'],
        learningOutcomes: ['Design a digital credential', 'Explain credential standards'],
        eqfLevel: 6,
        workloadValue: 3,
        workloadUnit: 'ECTS',
        participationForm: 'ONLINE',
        languages: ['de'],
        prerequisites: ['An account on the issuing platform'],
        assessmentType: 'Portfolio assessment',
        supervision: 'UNSUPERVISED_NO_IDENTITY_VERIFICATION',
        sourceName: 'European Learning Model (ELM v3) document',
        sourceReference: 'urn:epass:qualification:1',
      },
    ]);
    expect(reading.statedSkills.map((s) => [s.outcome, s.skillUri.split('/').pop()])).toEqual([
      ['Design a digital credential', 'a1'],
      ['Explain credential standards', 'b1'],
      ['Explain credential standards', 'b2'],
    ]);
    expect(reading.notRead).toEqual([
      `ELM Qualification 'urn:epass:qualification:1': not read: maximumDuration, nqfLevel http://data.europa.eu/snb/qdr/c_example ("Level 8 (national)": no framework and level in its label)`,
    ]);
    expect(validateMicroCredential(reading.microCredentials[0]).ok).toBe(true);
  });

  it('keeps a specification without an awarding body, so validation can name the missing element', () => {
    const reading = fromElmDocument({
      id: 'urn:x:1',
      type: 'LearningAchievementSpecification',
      title: { en: 'Untitled body' },
    });
    const result = validateMicroCredential(reading.microCredentials[0], 'ELM spec');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual(['awardingBodies']);
  });
});
