import { describe, expect, it } from 'vitest';
import { REGULATED_TEXT, UNREGULATED_TEXT, regulationCaveat, regulationOf } from '../../src/taxonomy/regulation.js';

describe('regulationOf', () => {
  it('puts ESCO’s two regulated-profession concepts into words, keeps an unknown note as given, and says nothing without one', () => {
    expect(regulationOf('http://data.europa.eu/esco/regulated-professions/regulated')).toEqual({
      regulated: true,
      text: REGULATED_TEXT,
    });
    expect(regulationOf('http://data.europa.eu/esco/regulated-professions/unregulated')).toEqual({
      regulated: false,
      text: UNREGULATED_TEXT,
    });
    expect(regulationOf('regulated in Belgium')).toEqual({ regulated: null, text: 'regulated in Belgium' });
    expect(regulationOf(null)).toEqual({ regulated: null, text: null });
    expect(REGULATED_TEXT).toContain('Directive 2005/36/EC');
  });

  it('gives a caveat only for a regulated profession', () => {
    expect(regulationCaveat('http://data.europa.eu/esco/regulated-professions/regulated')).toBe(REGULATED_TEXT);
    expect(regulationCaveat('http://data.europa.eu/esco/regulated-professions/unregulated')).toBeNull();
    expect(regulationCaveat(undefined)).toBeNull();
  });
});
