import { describe, expect, it } from 'vitest';
import { offerInScope } from '../../src/intelligence/recommendations.js';
import { TRANSITION_FLOOR, skillRelevance } from '../../src/intelligence/relevance.js';

const offer = (
  where: { form?: string; countries?: string[]; regions?: string[] },
  skills: string[],
  targets: string[] = [],
) => ({
  participationForm: where.form ?? 'ONSITE',
  issuerCountries: where.countries ?? [],
  issuerRegions: where.regions ?? [],
  skills,
  targetOccupations: targets,
});
const scope = {
  region: 'FR',
  skillsInDemand: new Set(['s:pour-concrete']),
  occupationsInDemand: new Set(['o:mason']),
  provider: false,
};

describe('offerInScope: which offers the update list of a slice considers', () => {
  it('keeps an offer reaching the region that teaches a skill in demand or targets an occupation in demand', () => {
    expect(offerInScope(offer({ countries: ['FR'] }, ['s:pour-concrete']), scope)).toBe(true);
    expect(offerInScope(offer({ regions: ['FR10'] }, [], ['o:mason']), scope)).toBe(true);
    expect(offerInScope(offer({ form: 'ONLINE', countries: ['IE'] }, ['s:pour-concrete']), scope)).toBe(true);
  });

  it('leaves out an offer of another country, and one teaching nothing the slice needs', () => {
    // An Austrian e-commerce course for French construction: neither reaches France nor teaches its skills.
    expect(offerInScope(offer({ countries: ['AT'] }, ['s:pour-concrete']), scope)).toBe(false);
    expect(offerInScope(offer({ countries: ['FR'] }, ['s:e-commerce'], ['o:shop-assistant']), scope)).toBe(false);
    expect(offerInScope(offer({ form: 'ONLINE' }, ['s:e-commerce']), scope)).toBe(false);
  });

  it('keeps every offer of a provider when one is asked', () => {
    expect(offerInScope(offer({ countries: ['AT'] }, ['s:e-commerce']), { ...scope, provider: true })).toBe(true);
  });
});

describe('the transition floor', () => {
  const member = { collections: ['green'], broader: [], narrower: [] };
  const specialisation = { collections: [], broader: [{ collections: ['green'] }], narrower: [] };
  const general = { collections: [], broader: [], narrower: [{ collections: ['green'] }] };
  it('passes a collection member and a specialisation of one, not a general skill with a green specialisation', () => {
    expect(TRANSITION_FLOOR).toBe(0.5);
    expect([member, specialisation, general].map((s) => skillRelevance(s, 'green') >= TRANSITION_FLOOR)).toEqual([
      true,
      true,
      false,
    ]);
  });
});
