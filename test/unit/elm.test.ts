import { describe, expect, it } from 'vitest';
import { toElmSpecification } from '../../src/catalogue/elm.js';
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
    expect(unmapped).toEqual(['awardingBodies: not mapped to ELM yet']);
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
      'awardingBodies: not mapped to ELM yet',
      'supervision: not mapped to ELM yet',
    ]);
  });
});
