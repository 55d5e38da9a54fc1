import { LRUCache } from 'lru-cache';

/**
 * The hub's one cache helper: what it holds and when it goes stale are the caller's key.
 *
 * - `PromiseMemo(max)`: promises by key, at most `max`, the least recently used evicted first (lru-cache).
 *   Concurrent callers of a key share one computation. A rejected computation is forgotten so the next
 *   call retries; only its own entry is dropped, never a newer one stored under the same key after it
 *   was evicted.
 * - `PerStamp`: one value for the current stamp (a taxonomy release, a demand import, a catalogue state):
 *   a `PromiseMemo` of size 1 keyed by the stamp, so a new stamp builds anew and drops the old value.
 *
 * Freshness is the key's job: put in it every stamp the value depends on (`test/unit/cache.test.ts`).
 */
export class PromiseMemo<T> {
  private readonly entries: LRUCache<string, Promise<T>>;

  constructor(max: number) {
    this.entries = new LRUCache<string, Promise<T>>({ max });
  }

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const held = this.entries.get(key);
    if (held) return held;
    const entry = compute();
    this.entries.set(key, entry);
    entry.catch(() => {
      if (this.entries.peek(key) === entry) this.entries.delete(key);
    });
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The value for the current stamp: built once per stamp and shared; a new stamp replaces it. */
export class PerStamp<T> {
  private readonly memo = new PromiseMemo<T>(1);

  get(stamp: string, build: () => Promise<T>): Promise<T> {
    return this.memo.get(stamp, build);
  }
}
