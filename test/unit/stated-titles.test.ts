import { describe, expect, it } from 'vitest';
import { statedTitles } from '../../src/linking/stated-titles.js';

describe('statedTitles', () => {
  it('reads the job titles a person states, up to a preposition, a comma or the sentence end', () => {
    expect(
      statedTitles('I worked 8 years as a warehouse forklift driver, did inventory with SAP, and trained new staff'),
    ).toEqual(['warehouse forklift driver']);
    expect(
      statedTitles(
        'I have been a registered general nurse for 12 years on a general surgical ward. I assess patients.',
      ),
    ).toEqual(['registered general nurse']);
    expect(
      statedTitles("I'm a welder. Before that I was an apprentice in a garage and worked as a van driver."),
    ).toEqual(['welder', 'van driver']);
  });

  it('states nothing without such a phrase, and leaves out a grade word alone, a run of more than five words or one with digits', () => {
    expect(statedTitles('Drove forklifts, kept stock records.')).toEqual([]);
    expect(statedTitles('I was a very very good and reliable member')).toEqual(['very very good']);
    expect(statedTitles('I worked as a senior lead principal chief staff engineer')).toEqual([]);
    expect(statedTitles('I was a 2nd line support engineer')).toEqual([]);
    expect(statedTitles('as a nurse, as a nurse.')).toEqual(['nurse']);
  });
});
