/** Appends to the list under `key`, creating it on first use (group-by without copying arrays). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
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
