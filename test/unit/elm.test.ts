import { describe, expect, it } from 'vitest';
import { fromElmDocument, toElmSpecification } from '../../src/catalogue/elm.js';
import { validateMicroCredential } from '../../src/catalogue/model.js';

function offer(extra: Record<string, unknown>) {
  const result = validateMicroCredential({ id: 'mc-1', title: 'Digital content creation', awardingBodies: ['Uni'], ...extra });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

describe('toElmSpecification', () => {
  it('maps the elements whose ELM concepts are confirmed, in the shape of the Commission sample', () => {
    const { specification, unmapped } = toElmSpecification(
      offer({ eqfLevel: 6, workloadValue: 2, workloadUnit: 'ECTS', participationForm: 'BLENDED', languages: ['en'], prerequisites: ['an EU Login account'] }),
      [{ id: 'mc-1#abc', text: 'Develop digital content', stated: true, confirmedSkills: [{ uri: 'http://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a', preferredLabel: 'develop digital content' }] }],
    );
    expect(specification).toMatchObject({
      type: 'LearningAchievementSpecification',
      title: { en: 'Digital content creation' },
      eqfLevel: { id: 'http://data.europa.eu/snb/eqf/6', type: 'Concept' },
      creditPoint: { type: 'CreditPoint', point: '2', framework: { id: 'http://data.europa.eu/snb/education-credit/6fcec5c5af' } },
      volumeOfLearning: 'PT55H',
      mode: { id: 'http://data.europa.eu/snb/learning-assessment/e92d221e4d', prefLabel: { en: 'Blended' } },
      language: [{ id: 'http://publications.europa.eu/resource/authority/language/ENG' }],
      entryRequirement: { type: 'Note', noteLiteral: { en: 'an EU Login account' } },
      learningOutcome: [
        {
          type: 'LearningOutcome',
          title: { en: 'Develop digital content' },
          relatedESCOSkill: [{ id: 'http://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a', inScheme: { id: 'http://data.europa.eu/esco/concept-scheme/skills' } }],
        },
      ],
    });
    expect(specification.awardingOpportunity).toEqual([
      { id: 'urn:skills-hub:awardingOpportunity:mc-1:1', type: 'AwardingOpportunity', awardingBody: [{ id: 'urn:skills-hub:organisation:mc-1:1', type: 'Organisation', legalName: { en: 'Uni' } }] },
    ]);
    expect(unmapped).toEqual([]);
  });

  it('leaves out what it cannot map, says so, and never exports a title stand-in as an outcome', () => {
    const { specification, unmapped } = toElmSpecification(
      offer({ workloadValue: 3, workloadUnit: 'DAYS', participationForm: 'ONSITE', nationalLevel: '4', nationalFramework: 'CROQF', supervision: 'SUPERVISED_ONLINE' }),
      [{ id: 'mc-1#t', text: 'Digital content creation', stated: false, confirmedSkills: [] }],
    );
    expect(specification.creditPoint).toBeUndefined();
    expect(specification.volumeOfLearning).toBe('PT22.5H');
    expect(specification.mode).toBeUndefined();
    expect(specification.learningOutcome).toBeUndefined();
    expect(unmapped).toEqual([
      'nationalLevel (CROQF 4): needs the QDR concept URI',
      'participationForm ONSITE: concept URI not confirmed',
      'supervision: not mapped to ELM yet',
    ]);
  });
});

const skill = (id: string, label: string) => ({ id: `http://data.europa.eu/esco/skill/${id}`, type: 'Concept', notation: 'Skill', prefLabel: { en: label } });
const concept = (id: string, label: string) => ({ id, type: 'Concept', prefLabel: { en: label } });

describe('fromElmDocument', () => {
  it('reads back what toElmSpecification writes', () => {
    const original = offer({
      title: 'Welding inspection', awardingBodies: ['Uni', 'Guild'], issuerCountries: ['IE', 'DK'], eqfLevel: 5, workloadValue: 4, workloadUnit: 'ECTS',
      participationForm: 'ONLINE', languages: ['en', 'ga'], prerequisites: ['basic welding'], learningOutcomes: ['Inspect welds'],
    });
    const { specification } = toElmSpecification(original, [{ id: 'mc-1#x', text: 'Inspect welds', stated: true, confirmedSkills: [{ uri: 'http://data.europa.eu/esco/skill/w1', preferredLabel: 'inspect welds' }] }]);
    const reading = fromElmDocument(JSON.parse(JSON.stringify(specification)));
    expect(reading.notRead).toEqual([]);
    expect(reading.statedSkills).toEqual([{ credentialId: 'mc-1', outcome: 'Inspect welds', skillUri: 'http://data.europa.eu/esco/skill/w1' }]);
    const result = validateMicroCredential(reading.microCredentials[0]);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const mapped = ['id', 'title', 'awardingBodies', 'issuerCountries', 'eqfLevel', 'workloadValue', 'workloadUnit', 'workloadHours', 'participationForm', 'languages', 'prerequisites', 'learningOutcomes'] as const;
    for (const field of mapped) expect([field, result.value[field]]).toEqual([field, original[field]]);
  });

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
                location: { id: 'urn:epass:location:1', type: 'Location', address: { id: 'urn:epass:address:1', type: 'Address', countryCode: concept('http://publications.europa.eu/resource/authority/country/IRL', 'Ireland') } },
              },
            },
            hasPart: {
              id: 'urn:epass:learningAssessment:1',
              type: 'LearningAssessment',
              idVerification: concept('http://data.europa.eu/snb/supervision-verification/c598449d64', 'Unsupervised without ID Verification'),
              specifiedBy: { id: 'urn:epass:learningAssessmentSpec:1', type: 'LearningAssessmentSpecification', title: { en: 'Portfolio assessment' } },
            },
            specifiedBy: {
              id: 'urn:epass:qualification:1',
              type: 'Qualification',
              title: { en: 'Digital credential design' },
              eqfLevel: concept('http://data.europa.eu/snb/eqf/6', 'Level 6'),
              nqfLevel: concept('http://data.europa.eu/snb/qdr/c_example', 'Level 8 (national)'),
              creditPoint: { id: 'urn:epass:creditPoint:1', type: 'CreditPoint', framework: concept('http://data.europa.eu/snb/education-credit/6fcec5c5af', 'ECTS'), point: '3' },
              volumeOfLearning: 'PT75H',
              mode: concept('http://data.europa.eu/snb/learning-assessment/920fbb3cbe', 'Online'),
              language: concept('http://publications.europa.eu/resource/authority/language/DEU', 'German'),
              entryRequirement: { id: 'urn:epass:note:1', type: 'Note', noteLiteral: { en: 'An account on the issuing platform' } },
              learningOutcome: [
                { id: 'urn:epass:learningOutcome:1', type: 'LearningOutcome', title: { en: 'Design a digital credential' }, relatedESCOSkill: skill('a1', 'design digital credentials') },
                { id: 'urn:epass:learningOutcome:2', type: 'LearningOutcome', title: { en: 'Explain credential standards', es: 'Explicar' }, relatedESCOSkill: [skill('b1', 'one'), skill('b2', 'two')] },
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
    expect(reading.notRead).toEqual([`ELM Qualification 'urn:epass:qualification:1': not read: nqfLevel, maximumDuration`]);
    expect(validateMicroCredential(reading.microCredentials[0]).ok).toBe(true);
  });

  it('keeps a specification without an awarding body, so validation can name the missing element', () => {
    const reading = fromElmDocument({ id: 'urn:x:1', type: 'LearningAchievementSpecification', title: { en: 'Untitled body' } });
    const result = validateMicroCredential(reading.microCredentials[0], 'ELM spec');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual(['awardingBodies']);
  });
});
