import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/web/csv.js';

describe('the page’s CSV downloads', () => {
  it('puts source, retrieval date and query first, then quotes only the cells that need it', () => {
    const text = toCsv(
      { source: 'eurostat-lfsa_eisn2', retrieved: null, query: 'http://x/gaps?sector=F' },
      ['rank', 'skill', 'note'],
      [
        [1, 'use a "forklift"', 'a, b'],
        [2, 'line\nbreak', null],
      ],
    );
    expect(text).toBe(
      [
        '# source: eurostat-lfsa_eisn2',
        '# retrieved: not stated',
        '# query: http://x/gaps?sector=F',
        'rank,skill,note',
        '1,"use a ""forklift""","a, b"',
        '2,"line\nbreak",',
        '',
      ].join('\r\n'),
    );
  });
});
