import { pushTo } from '../collections.js';

/**
 * Okapi BM25 over a fixed set of documents, each given as its analysed keys (src/retrieval/text.ts).
 * One engine for the skill linker's descriptions, occupation search's descriptions and the benchmark's
 * label baseline.
 *
 *   idf(key)        = ln(1 + (N − n + 0.5) ÷ (n + 0.5)), N documents, n of them holding the key
 *   score(doc)      = Σ over the query's distinct keys of idf × tf × (k1 + 1) ÷ (tf + k1 × (1 − b + b × length ÷ average length))
 *   defaults        k1 1.2, b 0.75; length = the document's number of keys
 */

/** Inverse document frequency, the BM25 form (never negative). */
export function idf(documents: number, containing: number): number {
  return Math.log(1 + (documents - containing + 0.5) / (containing + 0.5));
}

export interface Bm25Options {
  k1: number;
  b: number;
}

export const DEFAULT_BM25: Bm25Options = { k1: 1.2, b: 0.75 };

export class Bm25Index {
  readonly documentCount: number;
  /** Per key, the documents holding it and how often, as parallel typed arrays (fast to walk). */
  private readonly postings = new Map<string, { documents: Int32Array; termFrequencies: Uint16Array }>();
  private readonly idf = new Map<string, number>();
  private readonly lengths: Float64Array;
  private readonly averageLength: number;

  constructor(
    documents: string[][],
    private readonly options: Bm25Options = DEFAULT_BM25,
  ) {
    this.documentCount = documents.length;
    const postings = new Map<string, Array<[number, number]>>();
    this.lengths = new Float64Array(documents.length);
    documents.forEach((keys, document) => {
      const counts = new Map<string, number>();
      for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
      for (const [key, count] of counts) pushTo(postings, key, [document, count] as [number, number]);
      this.lengths[document] = keys.length;
    });
    for (const [key, list] of postings) {
      this.idf.set(key, idf(documents.length, list.length));
      this.postings.set(key, {
        documents: Int32Array.from(list, ([document]) => document),
        termFrequencies: Uint16Array.from(list, ([, count]) => Math.min(count, 65535)),
      });
    }
    this.averageLength = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, documents.length);
  }

  /** True when some document holds the key. */
  has(key: string): boolean {
    return this.idf.has(key);
  }

  /**
   * BM25 of each document holding a query key, summed over `keys` in their order (give them distinct).
   * `only`, when given, limits the scored documents to those marked 1 (the linker scores only the skills a
   * label proposed); `skip` leaves one document out (evaluation on held-out descriptions).
   */
  scores(keys: Iterable<string>, { only, skip = -1 }: { only?: Uint8Array; skip?: number } = {}): Map<number, number> {
    const { k1, b } = this.options;
    const scores = new Map<number, number>();
    for (const key of keys) {
      const idf = this.idf.get(key);
      if (idf === undefined) continue;
      const { documents, termFrequencies } = this.postings.get(key)!;
      for (let i = 0; i < documents.length; i++) {
        const document = documents[i];
        if ((only !== undefined && only[document] === 0) || document === skip) continue;
        const tf = termFrequencies[i];
        const norm = tf + k1 * (1 - b + (b * this.lengths[document]) / this.averageLength);
        scores.set(document, (scores.get(document) ?? 0) + (idf * tf * (k1 + 1)) / norm);
      }
    }
    return scores;
  }
}
