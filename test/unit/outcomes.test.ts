import { describe, expect, it } from 'vitest';
import { publishOutcomes } from '../../src/matching/outcomes.js';

describe('publishOutcomes', () => {
  it('publishes counts of 5 or more and zeros, suppresses counts from 1 to 4, and gives rates only over published counts', () => {
    expect(publishOutcomes({ proposed: 12, chosen: 9, enrolled: 8, completed: 6, employedAfter6Months: 3 })).toEqual({
      proposed: 12,
      chosen: 9,
      enrolled: 8,
      completed: 6,
      employedAfter6Months: null,
      completionRate: 0.75,
      employmentRate: null,
      suppressed: ['employedAfter6Months'],
      note: 'Counts from 1 to 4 are suppressed: employedAfter6Months.',
    });
    expect(
      publishOutcomes({ proposed: 7, chosen: 5, enrolled: 5, completed: 0, employedAfter6Months: 0 }),
    ).toMatchObject({ completed: 0, employedAfter6Months: 0, completionRate: 0, employmentRate: null, suppressed: [] });
  });

  it('suppresses every figure when fewer than 5 people had the offer proposed or chose it', () => {
    expect(publishOutcomes({ proposed: 4, chosen: 4, enrolled: 0, completed: 0, employedAfter6Months: 0 })).toEqual({
      proposed: null,
      chosen: null,
      enrolled: null,
      completed: null,
      employedAfter6Months: null,
      completionRate: null,
      employmentRate: null,
      suppressed: ['proposed', 'chosen', 'enrolled', 'completed', 'employedAfter6Months'],
      note: 'Fewer than 5 people had it proposed or chose it: every figure is suppressed.',
    });
  });
});
