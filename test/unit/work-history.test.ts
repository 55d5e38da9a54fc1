import { describe, expect, it } from 'vitest';
import { mergeWorkHistory } from '../../src/matching/profile.js';

const COOK = 'http://data.europa.eu/esco/occupation/cook';
const DRIVER = 'http://data.europa.eu/esco/occupation/driver';

describe('mergeWorkHistory', () => {
  it('holds an occupation given twice once, with the years added and both details, in the order first given', () => {
    expect(
      mergeWorkHistory([
        { uri: COOK, years: 3, detail: 'job title matched to "cook"' },
        { uri: DRIVER, years: null, detail: 'given by the counsellor' },
        { uri: COOK, years: 1.5, detail: 'given by the counsellor' },
        { uri: COOK, years: null, detail: 'given by the counsellor' },
      ]),
    ).toEqual([
      { uri: COOK, years: 4.5, detail: 'job title matched to "cook"; given by the counsellor' },
      { uri: DRIVER, years: null, detail: 'given by the counsellor' },
    ]);
  });

  it('keeps years unknown only when no entry of the occupation gives them', () => {
    const twice = (a: number | null, b: number | null) =>
      mergeWorkHistory([
        { uri: COOK, years: a, detail: 'x' },
        { uri: COOK, years: b, detail: 'x' },
      ])[0].years;
    expect([twice(null, null), twice(null, 2), twice(2, null), twice(0, 0)]).toEqual([null, 2, 2, 0]);
  });
});
