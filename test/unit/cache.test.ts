import { describe, expect, it } from 'vitest';
import { PerStamp, PromiseMemo } from '../../src/cache.js';
import type { GraphClient } from '../../src/graph/client.js';
import { cachedPerDemandStamp } from '../../src/intelligence/store.js';
import { SkillLinkerCache } from '../../src/linking/cache.js';
import { OccupationSearchCache } from '../../src/linking/occupation-finder.js';
import { TaxonomySnapshot } from '../../src/taxonomy/snapshot.js';
import type { AnyConceptRow, TaxonomySummaryRow } from '../../src/taxonomy/store.js';

/** A promise settled by hand, to order settlements against cache operations. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Counts the calls of a computation that answers `value`. */
function counted<T>(value: T): { compute: () => Promise<T>; calls: () => number } {
  let calls = 0;
  return {
    compute: async () => {
      calls += 1;
      return value;
    },
    calls: () => calls,
  };
}

describe('PromiseMemo', () => {
  it('computes a key once, concurrent callers sharing the computation', async () => {
    const memo = new PromiseMemo<string>(4);
    const pending = deferred<string>();
    let calls = 0;
    const compute = () => {
      calls += 1;
      return pending.promise;
    };
    const first = memo.get('k', compute);
    const second = memo.get('k', compute);
    pending.resolve('v');
    expect(await first).toBe('v');
    expect(await second).toBe('v');
    expect(await memo.get('k', compute)).toBe('v');
    expect(calls).toBe(1);
  });

  it('evicts the least recently used key beyond its size, and recomputes it when asked again', async () => {
    const memo = new PromiseMemo<string>(2);
    const a = counted('a');
    const b = counted('b');
    await memo.get('a', a.compute);
    await memo.get('b', b.compute);
    await memo.get('a', a.compute); // a is now the most recently used
    await memo.get('c', async () => 'c'); // evicts b
    expect(memo.size).toBe(2);
    await memo.get('a', a.compute);
    expect(a.calls()).toBe(1);
    await memo.get('b', b.compute);
    expect(b.calls()).toBe(2);
  });

  it('forgets a rejected computation, so the next call retries', async () => {
    const memo = new PromiseMemo<string>(4);
    await expect(memo.get('k', async () => Promise.reject(new Error('graph unavailable')))).rejects.toThrow(
      'graph unavailable',
    );
    expect(await memo.get('k', async () => 'retried')).toBe('retried');
  });

  it('keeps a newer entry when an evicted computation of the same key rejects late', async () => {
    const memo = new PromiseMemo<string>(1);
    const slow = deferred<string>();
    const failed = memo.get('k', () => slow.promise);
    await memo.get('other', async () => 'other'); // evicts k while it is still computing
    const fresh = counted('fresh');
    expect(await memo.get('k', fresh.compute)).toBe('fresh');
    slow.reject(new Error('late failure'));
    await expect(failed).rejects.toThrow('late failure');
    expect(await memo.get('k', fresh.compute)).toBe('fresh');
    expect(fresh.calls()).toBe(1);
  });
});

describe('PerStamp', () => {
  it('builds once per stamp, anew for a new stamp, and holds only the current one', async () => {
    const held = new PerStamp<string>();
    let builds = 0;
    const build = (label: string) => async () => {
      builds += 1;
      return label;
    };
    expect(await held.get('release-1', build('one'))).toBe('one');
    expect(await held.get('release-1', build('ignored'))).toBe('one');
    expect(builds).toBe(1);
    expect(await held.get('release-2', build('two'))).toBe('two');
    expect(builds).toBe(2);
    expect(await held.get('release-1', build('one again'))).toBe('one again'); // the old value was dropped
    expect(builds).toBe(3);
  });
});

describe('cachedPerDemandStamp', () => {
  it('reads each named table once per demand stamp, and again when demand is re-imported', async () => {
    const name = `weights-${Math.random()}`;
    const reads: string[] = [];
    const read = (value: string) => async () => {
      reads.push(value);
      return value;
    };
    expect(await cachedPerDemandStamp(name, 'lfs:hash1', read('v1'))).toBe('v1');
    expect(await cachedPerDemandStamp(name, 'lfs:hash1', read('unused'))).toBe('v1');
    expect(await cachedPerDemandStamp(`${name}-other`, 'lfs:hash1', read('other'))).toBe('other');
    expect(await cachedPerDemandStamp(name, 'lfs:hash2', read('v2'))).toBe('v2');
    expect(reads).toEqual(['v1', 'other', 'v2']);
  });
});

/** A graph client that fails if used: with a snapshot given, the per-release caches must not read the graph. */
const noGraph = new Proxy(
  {},
  {
    get: () => {
      throw new Error('the graph was read');
    },
  },
) as GraphClient;

function release(stamp: string, skills: Array<[string, string]>, occupations: Array<[string, string]>) {
  const base = { deprecated: false, lastSeenVersion: stamp.split('@')[0], collections: [] };
  const concepts: AnyConceptRow[] = [
    ...skills.map(([uri, preferredLabel]) => ({ ...base, kind: 'Skill' as const, uri, preferredLabel })),
    ...occupations.map(([uri, preferredLabel]) => ({ ...base, kind: 'Occupation' as const, uri, preferredLabel })),
  ];
  return new TaxonomySnapshot({
    stamp,
    summary: {} as TaxonomySummaryRow,
    concepts,
    essential: occupations.flatMap(([occupation]) => skills.map(([skill]) => [occupation, skill] as [string, string])),
    optional: [],
    broader: [],
    related: [],
  });
}

describe('per-release caches of the skill linker and occupation search', () => {
  const v1 = release('1.0@2026-01-01', [['s:weld', 'weld metal']], [['o:welder', 'welder']]);
  const v1Again = release('1.0@2026-01-01', [['s:weld', 'weld metal']], [['o:welder', 'welder']]);
  const v2 = release(
    '1.1@2026-06-01',
    [
      ['s:weld', 'weld metal'],
      ['s:bake', 'bake bread'],
    ],
    [
      ['o:welder', 'welder'],
      ['o:baker', 'baker'],
    ],
  );

  it('the linker is built once per release and rebuilt when the release stamp changes', async () => {
    const cache = new SkillLinkerCache();
    const first = await cache.get(noGraph, v1);
    expect(first?.taxonomyVersion).toBe('1.0');
    expect(first?.linker.link('bake bread and weld metal').map((l) => l.uri)).toEqual(['s:weld']);
    expect(await cache.get(noGraph, v1Again)).toBe(first);
    const second = await cache.get(noGraph, v2);
    expect(second).not.toBe(first);
    expect(second?.taxonomyVersion).toBe('1.1');
    expect(
      second?.linker
        .link('bake bread and weld metal')
        .map((l) => l.uri)
        .sort(),
    ).toEqual(['s:bake', 's:weld']);
  });

  it('occupation search is built once per release and rebuilt when the release stamp changes', async () => {
    const cache = new OccupationSearchCache();
    const first = await cache.get(noGraph, v1);
    expect(first?.search('baker').map((hit) => hit.uri)).toEqual([]);
    expect(await cache.get(noGraph, v1Again)).toBe(first);
    const second = await cache.get(noGraph, v2);
    expect(second).not.toBe(first);
    expect(second?.search('baker')[0]?.uri).toBe('o:baker');
  });
});
