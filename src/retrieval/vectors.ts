import { pushTo } from '../collections.js';
import { idf } from './bm25.js';

/**
 * TF-IDF vectors and cosine similarity between documents of one collection: which documents are about
 * the same thing. Each document is a few weighted fields (a label, its synonyms, a description), each
 * given as its analysed keys (src/retrieval/text.ts):
 *
 *   term weight(d, k) = Σ over d's fields holding k of the field's weight (a key counts once per field)
 *                       × idf(N, n) (src/retrieval/bm25.ts; N documents, n of them holding k)
 *   vector(d)         = the term weights, divided by their Euclidean length
 *   cosine(a, b)      = Σ over shared keys of vector(a)[k] × vector(b)[k]   (0 to 1)
 *
 * nearest(d) walks only the documents sharing a key with d (an inverted index), so its cost grows with
 * how common d's words are, not with the collection.
 */

export interface WeightedField {
  keys: string[];
  weight: number;
}

export class TermVectors {
  readonly size: number;
  private readonly vectors: Array<Map<string, number>>;
  private readonly postings = new Map<string, Array<[document: number, weight: number]>>();

  constructor(documents: WeightedField[][]) {
    this.size = documents.length;
    const raw = documents.map((fields) => {
      const weights = new Map<string, number>();
      for (const { keys, weight } of fields)
        for (const key of new Set(keys)) weights.set(key, (weights.get(key) ?? 0) + weight);
      return weights;
    });
    const containing = new Map<string, number>();
    for (const weights of raw) for (const key of weights.keys()) containing.set(key, (containing.get(key) ?? 0) + 1);
    this.vectors = raw.map((weights) => {
      const vector = new Map<string, number>();
      let squares = 0;
      for (const [key, weight] of weights) {
        const value = weight * idf(this.size, containing.get(key)!);
        vector.set(key, value);
        squares += value * value;
      }
      const length = Math.sqrt(squares);
      if (length > 0) for (const [key, value] of vector) vector.set(key, value / length);
      return vector;
    });
    this.vectors.forEach((vector, document) => {
      for (const [key, value] of vector) pushTo(this.postings, key, [document, value] as [number, number]);
    });
  }

  cosine(a: number, b: number): number {
    const [small, large] = this.vectors[a].size <= this.vectors[b].size ? [a, b] : [b, a];
    let sum = 0;
    for (const [key, value] of this.vectors[small]) sum += value * (this.vectors[large].get(key) ?? 0);
    return sum;
  }

  /**
   * Every other document's cosine with `document`, for those sharing at least one key with it, plus
   * `bonus(other)` (a caller's extra evidence, such as a shared parent); those reaching `min`, best first.
   */
  nearest(
    document: number,
    min: number,
    bonus: (other: number) => number = () => 0,
  ): Array<{ document: number; similarity: number }> {
    const sums = new Map<number, number>();
    for (const [key, value] of this.vectors[document])
      for (const [other, weight] of this.postings.get(key)!)
        if (other !== document) sums.set(other, (sums.get(other) ?? 0) + value * weight);
    const found: Array<{ document: number; similarity: number }> = [];
    for (const [other, sum] of sums) {
      const similarity = sum + bonus(other);
      if (similarity >= min) found.push({ document: other, similarity });
    }
    return found.sort((a, b) => b.similarity - a.similarity || a.document - b.document);
  }
}
