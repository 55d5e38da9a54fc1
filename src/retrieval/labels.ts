import { pushTo } from '../collections.js';
import { idf } from './bm25.js';

/**
 * Label matching: many short labels (a skill's or an occupation's preferred, alternative and hidden
 * labels), each owned by one concept, matched against a text by the IDF weight of their words found in it.
 * The skill linker and occupation search score the matches their own way (their headers); this module
 * holds what they share:
 *
 *   key weight      = idf(N, n) (src/retrieval/bm25.ts), counted over labels (N labels, n holding the key)
 *                     or over owners (N concepts, n whose labels hold it: a word in every title of one
 *                     occupation counts once)
 *   label weight    = Σ weight of the label's distinct keys
 *   matched weight  = Σ weight of the label's keys found in the text; coverage = matched ÷ label weight
 *   phrase          = the label's keys stand in the text one after another, in order (isContiguous)
 * Keys of one family (`family`: the skill linker's noun key "~train" and its plain key "train") share
 * one weight, counted over the labels holding any of them.
 */

export type LabelType = 'PREFERRED' | 'ALTERNATIVE' | 'HIDDEN';

export interface LabelEntry {
  /** Index of the concept the label belongs to. */
  owner: number;
  text: string;
  type: LabelType;
  /** The label's analysed keys; repeated keys are dropped, order kept. */
  keys: string[];
}

/** A concept's label entries: its preferred, alternative and hidden labels in that order, each keyed by `keysOf`. */
export function conceptLabels(
  owner: number,
  concept: { preferredLabel: string; altLabels?: string[]; hiddenLabels?: string[] },
  keysOf: (text: string) => string[],
): LabelEntry[] {
  const entry = (text: string, type: LabelType) => ({ owner, text, type, keys: keysOf(text) });
  return [
    entry(concept.preferredLabel, 'PREFERRED'),
    ...(concept.altLabels ?? []).map((text) => entry(text, 'ALTERNATIVE')),
    ...(concept.hiddenLabels ?? []).map((text) => entry(text, 'HIDDEN')),
  ];
}

export interface IndexedLabel extends LabelEntry {
  /** The distinct keys joined by spaces, in label order: the label's normal form, to compare with a whole query. */
  normalised: string;
  totalWeight: number;
}

export class LabelIndex {
  readonly labels: IndexedLabel[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly weights = new Map<string, number>();
  /** Scratch space for matches(): matched weight per label, all zero between calls (matches is synchronous). */
  private readonly matched: Float64Array;

  /**
   * Indexes the entries in order; an entry with no keys, or with the same keys as an earlier label of
   * the same owner, is skipped.
   */
  constructor(
    entries: Iterable<LabelEntry>,
    options: { idfOver: 'labels' | 'owners'; ownerCount: number; family?: (key: string) => string },
  ) {
    const family = options.family ?? ((key: string) => key);
    const seen = new Set<string>();
    const owners = new Map<string, Set<number>>();
    const labelsOf = new Map<string, Set<number>>();
    for (const entry of entries) {
      const keys = [...new Set(entry.keys)];
      const normalised = keys.join(' ');
      const seenKey = `${entry.owner}\u0000${normalised}`;
      if (keys.length === 0 || seen.has(seenKey)) continue;
      seen.add(seenKey);
      const label = { owner: entry.owner, text: entry.text, type: entry.type, keys, normalised, totalWeight: 0 };
      const id = this.labels.push(label) - 1;
      for (const key of keys) {
        pushTo(this.postings, key, id);
        const group = family(key);
        const holders = options.idfOver === 'owners' ? owners : labelsOf;
        const set = holders.get(group) ?? new Set<number>();
        set.add(options.idfOver === 'owners' ? entry.owner : id);
        holders.set(group, set);
      }
    }
    for (const key of this.postings.keys())
      this.weights.set(
        key,
        options.idfOver === 'owners'
          ? idf(options.ownerCount, owners.get(family(key))!.size)
          : idf(this.labels.length, labelsOf.get(family(key))!.size),
      );
    for (const label of this.labels)
      label.totalWeight = label.keys.reduce((sum, key) => sum + this.weights.get(key)!, 0);
    this.matched = new Float64Array(this.labels.length);
  }

  /** The key's IDF weight; undefined when no label holds it. */
  weight(key: string): number | undefined {
    return this.weights.get(key);
  }

  /**
   * Every label holding at least one of the (distinct) keys, in the order first touched, and its matched
   * weight at the same index (parallel arrays: a text touches thousands of labels, objects cost here).
   */
  matches(keys: Iterable<string>): { labels: number[]; weights: number[] } {
    // A reused typed array: a Map here dominated the linker's cost.
    const matched = this.matched;
    const touched: number[] = [];
    for (const key of keys) {
      const weight = this.weights.get(key);
      if (weight === undefined) continue;
      for (const label of this.postings.get(key)!) {
        if (matched[label] === 0) touched.push(label);
        matched[label] += weight;
      }
    }
    // Read out and clear at once, so the scratch array is clean for the next call.
    const weights = touched.map((label) => {
      const weight = matched[label];
      matched[label] = 0;
      return weight;
    });
    return { labels: touched, weights };
  }

  /**
   * Per owner, the weight of the distinct keys found in any of its labels (labels for which `skip` is true
   * left out): how much of a query an owner's labels explain together ("registered general nurse": "general"
   * from one label of the general-care nurse, "nurse" from another).
   */
  ownerWeights(keys: Iterable<string>, skip: (label: number) => boolean = () => false): Map<number, number> {
    const found = new Map<number, number>();
    for (const key of new Set(keys)) {
      const weight = this.weights.get(key);
      if (weight === undefined) continue;
      const owners = new Set<number>();
      for (const label of this.postings.get(key)!) if (!skip(label)) owners.add(this.labels[label].owner);
      for (const owner of owners) found.set(owner, (found.get(owner) ?? 0) + weight);
    }
    return found;
  }
}

/**
 * The largest share of the label's weight whose keys occur within `window` consecutive positions of the
 * text (key → its positions; positions carry gaps at commas and sentence ends, src/retrieval/text.ts).
 */
export function windowCoverage(
  label: Pick<IndexedLabel, 'keys' | 'totalWeight'>,
  positions: Map<string, number[]>,
  weightOf: (key: string) => number,
  window: number,
): number {
  const occurrences: Array<[position: number, key: string]> = [];
  for (const key of label.keys) for (const position of positions.get(key) ?? []) occurrences.push([position, key]);
  occurrences.sort((a, b) => a[0] - b[0]);
  const inWindow = new Map<string, number>();
  let weight = 0;
  let best = 0;
  let start = 0;
  for (const [position, key] of occurrences) {
    if ((inWindow.get(key) ?? 0) === 0) weight += weightOf(key);
    inWindow.set(key, (inWindow.get(key) ?? 0) + 1);
    while (position - occurrences[start][0] >= window) {
      const [, leaving] = occurrences[start++];
      const left = inWindow.get(leaving)! - 1;
      inWindow.set(leaving, left);
      if (left === 0) weight -= weightOf(leaving);
    }
    best = Math.max(best, weight);
  }
  return label.totalWeight > 0 ? best / label.totalWeight : 0;
}

/** True when the keys occur in the text (key → its positions) one after another, in order. */
export function isContiguous(keys: string[], positions: Map<string, number[]>): boolean {
  return (positions.get(keys[0]) ?? []).some((start) =>
    keys.every((key, offset) => positions.get(key)?.includes(start + offset)),
  );
}
