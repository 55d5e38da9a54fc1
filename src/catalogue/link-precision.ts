/**
 * The precision of outcome → skill suggestions on a hand-labelled validation set (docs/catalogue-registers.md).
 * Pure. The labels are pairs (qualification, statement, skill, 1 right / 0 wrong); the current linker's
 * suggestions for the same statements are set against them. A suggestion the labels do not hold (the linker
 * changed) is counted as unlabelled, never as right or wrong, and reported, so a precision is only read
 * over the labelled share. For each rule: precision = right ÷ labelled suggestions it keeps; recall = right
 * it keeps ÷ right labelled pairs the linker still suggests.
 */

export interface LabelledPair {
  qualificationId: string;
  statement: string;
  stated: boolean;
  skillUri: string;
  right: boolean;
}

export interface CurrentSuggestion {
  qualificationId: string;
  statement: string;
  skillUri: string;
  strong: boolean;
  occupational: boolean;
}

export interface RulePrecision {
  rule: string;
  kept: number;
  labelled: number;
  right: number;
  precision: number | null;
  recall: number | null;
}

/** The rules reported: all suggestions, and those qualification coverage counts (gaps.ts routeLinkCounts). */
export const RULES: Array<{ rule: string; keeps: (s: CurrentSuggestion) => boolean }> = [
  { rule: 'all suggestions', keeps: () => true },
  { rule: 'strong evidence (the whole preferred label)', keeps: (s) => s.strong },
  { rule: "a skill the standard's occupations need", keeps: (s) => s.occupational },
  { rule: 'counted in qualification coverage (either)', keeps: (s) => s.strong || s.occupational },
];

const key = (p: { qualificationId: string; statement: string; skillUri: string }) =>
  `${p.qualificationId}\u0000${p.statement}\u0000${p.skillUri}`;

/** Reads a labels file (tab-separated; columns standard, stated, statement, skillUri, label). */
export function parseLabels(text: string): LabelledPair[] {
  const [header, ...lines] = text.trim().split('\n');
  const columns = header.split('\t');
  const at = (name: string) => {
    const index = columns.indexOf(name);
    if (index < 0) throw new Error(`labels file: no "${name}" column`);
    return index;
  };
  const [standard, stated, statement, skillUri, label] = ['standard', 'stated', 'statement', 'skillUri', 'label'].map(
    at,
  );
  return lines.map((line, n) => {
    const cells = line.split('\t');
    if (cells[label] !== '0' && cells[label] !== '1')
      throw new Error(`labels file line ${n + 2}: label must be 0 or 1 (got '${cells[label]}')`);
    return {
      qualificationId: cells[standard],
      statement: cells[statement],
      stated: cells[stated] === 'true',
      skillUri: cells[skillUri],
      right: cells[label] === '1',
    };
  });
}

/** An occupation match labelled right or wrong (uri '' with right = an occupation exists that the matcher missed). */
export interface LabelledMatch {
  qualificationId: string;
  occupationUri: string;
  right: boolean;
}

export function parseOccupationLabels(text: string): LabelledMatch[] {
  const [header, ...lines] = text.trim().split('\n');
  const columns = header.split('\t');
  const [standard, uri, label] = ['standard', 'occupationUri', 'label'].map((name) => {
    const index = columns.indexOf(name);
    if (index < 0) throw new Error(`occupation labels file: no "${name}" column`);
    return index;
  });
  return lines.map((line) => {
    const cells = line.split('\t');
    return { qualificationId: cells[standard], occupationUri: cells[uri], right: cells[label] === '1' };
  });
}

/**
 * Precision of the current occupation matches of the labelled qualifications: right ÷ labelled matches;
 * matches the labels do not hold are counted apart; `withRight` counts qualifications with a right match.
 */
export function matchPrecision(labels: LabelledMatch[], current: Map<string, string[]>) {
  const truth = new Map(
    labels.filter((l) => l.occupationUri).map((l) => [`${l.qualificationId} ${l.occupationUri}`, l.right]),
  );
  const ids = [...new Set(labels.map((l) => l.qualificationId))];
  const matches = ids.flatMap((id) => (current.get(id) ?? []).map((uri) => `${id} ${uri}`));
  const labelled = matches.filter((m) => truth.has(m));
  const right = labelled.filter((m) => truth.get(m)).length;
  return {
    qualifications: ids.length,
    matched: ids.filter((id) => (current.get(id) ?? []).length > 0).length,
    withRight: ids.filter((id) => (current.get(id) ?? []).some((uri) => truth.get(`${id} ${uri}`))).length,
    matches: matches.length,
    unlabelled: matches.length - labelled.length,
    right,
    precision: labelled.length > 0 ? Math.round((right / labelled.length) * 1000) / 1000 : null,
  };
}

export function linkPrecision(
  labels: LabelledPair[],
  suggestions: CurrentSuggestion[],
): { suggestions: number; unlabelled: number; rules: RulePrecision[] } {
  const truth = new Map(labels.map((p) => [key(p), p.right]));
  const labelled = suggestions.filter((s) => truth.has(key(s)));
  const rightInAll = labelled.filter((s) => truth.get(key(s))).length;
  return {
    suggestions: suggestions.length,
    unlabelled: suggestions.length - labelled.length,
    rules: RULES.map(({ rule, keeps }) => {
      const kept = suggestions.filter(keeps);
      const keptLabelled = labelled.filter(keeps);
      const right = keptLabelled.filter((s) => truth.get(key(s))).length;
      return {
        rule,
        kept: kept.length,
        labelled: keptLabelled.length,
        right,
        precision: keptLabelled.length > 0 ? Math.round((right / keptLabelled.length) * 1000) / 1000 : null,
        recall: rightInAll > 0 ? Math.round((right / rightInAll) * 1000) / 1000 : null,
      };
    }),
  };
}
