/** Appends to the list under `key`, creating it on first use (group-by without copying arrays). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * A bounded memo of promises, least recently used evicted first: `get` returns the entry for `key`,
 * starting `compute` on a miss; a rejected computation is forgotten so the next call retries.
 */
export class PromiseLru<T> {
  private readonly entries = new Map<string, Promise<T>>();
  constructor(private readonly size: number) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key); // re-inserted below: most recently used last
    } else {
      entry = compute();
      entry.catch(() => this.entries.delete(key));
    }
    this.entries.set(key, entry);
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}

/**
 * The `first` best items in order (`compare` < 0: a before b), without sorting them all: a sorted window of
 * `first` that an item enters only when it beats the window's last. For ranking thousands of candidates
 * to show ten; `compare` must be a total order, so the result equals sorting all and slicing.
 */
export function topN<T>(items: Iterable<T>, first: number, compare: (a: T, b: T) => number): T[] {
  if (!Number.isFinite(first)) return [...items].sort(compare);
  const best: T[] = [];
  if (first <= 0) return best;
  for (const item of items) {
    if (best.length === first && compare(item, best[first - 1]) >= 0) continue;
    let at = best.length === first ? first - 1 : best.length;
    while (at > 0 && compare(item, best[at - 1]) < 0) {
      best[at] = best[at - 1];
      at -= 1;
    }
    best[at] = item;
  }
  return best;
}
