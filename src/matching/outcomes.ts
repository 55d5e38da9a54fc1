/**
 * What happened after counsellors' plans, as aggregates that may leave the counsellor's scope: per
 * offer or provider, how many people had it proposed, chose it, enrolled, completed it, and were
 * employed six months later. Small numbers identify people, so any count from 1 to 4 is suppressed
 * (shown as null, "fewer than 5"), and when fewer than 5 people had the offer proposed or chosen at
 * all, every figure is. Pure.
 */

export const MIN_PEOPLE = 5;

export interface OutcomeCounts {
  proposed: number;
  chosen: number;
  enrolled: number;
  completed: number;
  employedAfter6Months: number;
}

export interface PublishedOutcomes {
  proposed: number | null;
  chosen: number | null;
  enrolled: number | null;
  completed: number | null;
  employedAfter6Months: number | null;
  /** completed / enrolled and employed / completed, where both are published. */
  completionRate: number | null;
  employmentRate: number | null;
  suppressed: string[];
  note: string;
}

export function publishOutcomes(counts: OutcomeCounts): PublishedOutcomes {
  const people = Math.max(counts.proposed, counts.chosen);
  const all = people < MIN_PEOPLE;
  const suppressed: string[] = [];
  const cell = (name: keyof OutcomeCounts) => {
    const value = counts[name];
    if (all || (value > 0 && value < MIN_PEOPLE)) {
      suppressed.push(name);
      return null;
    }
    return value;
  };
  const published = {
    proposed: cell('proposed'),
    chosen: cell('chosen'),
    enrolled: cell('enrolled'),
    completed: cell('completed'),
    employedAfter6Months: cell('employedAfter6Months'),
  };
  const rate = (a: number | null, b: number | null) =>
    a !== null && b !== null && b > 0 ? Math.round((a / b) * 1000) / 1000 : null;
  return {
    ...published,
    completionRate: rate(published.completed, published.enrolled),
    employmentRate: rate(published.employedAfter6Months, published.completed),
    suppressed,
    note: all
      ? `Fewer than ${MIN_PEOPLE} people had it proposed or chose it: every figure is suppressed.`
      : suppressed.length > 0
        ? `Counts from 1 to ${MIN_PEOPLE - 1} are suppressed: ${suppressed.join(', ')}.`
        : `Counted over ${people} people; nothing suppressed.`,
  };
}
