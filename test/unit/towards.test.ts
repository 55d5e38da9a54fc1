import { describe, expect, it } from 'vitest';
import { OccupationIndex } from '../../src/intelligence/skill-demand.js';
import { rankOccupations } from '../../src/matching/occupation-fit.js';
import { heldCredits } from '../../src/matching/held-credits.js';
import { rankTransitions } from '../../src/matching/transitions.js';
import { isTarget, parseTowards } from '../../src/matching/towards.js';

const none = { broader: () => [], narrower: () => [], related: () => [], similar: () => [] };

// A nurse (2221) with skills a, b, c. Health informatics (2511) and ICT trainer (2356) are digital roles
// (relevance 0.8 and 0.5), web developer (2513) too (0.95) but shares no skill; midwife (2222) is not (0.1).
const index = new OccupationIndex([
  { uri: 'o:nurse', iscoGroup: '2221', essential: ['a', 'b', 'c'], optional: [] },
  { uri: 'o:midwife', iscoGroup: '2222', essential: ['a', 'b', 'x'], optional: [] },
  { uri: 'o:informatics', iscoGroup: '2511', essential: ['a', 'y', 'z', 'w'], optional: [] },
  { uri: 'o:trainer', iscoGroup: '2356', essential: ['b', 'y'], optional: [] },
  { uri: 'o:web', iscoGroup: '2513', essential: ['y'], optional: [] },
]);
const digital = new Map([
  ['o:nurse', 0.05],
  ['o:midwife', 0.1],
  ['o:informatics', 0.8],
  ['o:trainer', 0.5],
  ['o:web', 0.95],
]);

describe('towards', () => {
  it('reads DIGITAL, GREEN and ISCO groups of 1 to 4 digits, and names the argument for anything else', () => {
    expect(parseTowards('DIGITAL')).toEqual({ kind: 'DIGITAL' });
    expect(parseTowards(' GREEN ')).toEqual({ kind: 'GREEN' });
    expect(parseTowards('ISCO:25')).toEqual({ kind: 'GROUP', prefix: '25' });
    expect(parseTowards(null)).toBeNull();
    for (const bad of ['digital', 'ISCO:', 'ISCO:25123', 'ISCO:2a', 'ESCO:25', ''])
      expect(() => parseTowards(bad), bad).toThrowError(
        expect.objectContaining({ extensions: expect.objectContaining({ field: 'towards', code: 'BAD_USER_INPUT' }) }),
      );
  });

  it('takes a role as digital or green from relevance 0.5, and an ISCO group by its code’s start', () => {
    const targets = (value: string, relevance: Map<string, number> | null) =>
      [...index.byUri.values()].filter((n) => isTarget(parseTowards(value)!, n, relevance)).map((n) => n.uri);
    expect(targets('DIGITAL', digital)).toEqual(['o:informatics', 'o:trainer', 'o:web']);
    expect(targets('GREEN', new Map([['o:midwife', 0.49]]))).toEqual([]);
    expect(targets('ISCO:222', null)).toEqual(['o:nurse', 'o:midwife']);
    expect(targets('ISCO:25', null)).toEqual(['o:informatics', 'o:web']);
  });

  it('aims matching and transitions at the targets only, ranked and with their gaps as without one', () => {
    const only = (n: { uri: string; iscoGroup: string | null }) =>
      isTarget(parseTowards('DIGITAL')!, n as never, digital);
    const credits = heldCredits(['a', 'b', 'c'], none);
    const matches = rankOccupations(index, credits, {
      demand: null,
      automation: () => null,
      own: new Set(['o:nurse']),
      level: 4,
      only,
    });
    // Trainer 1 of 2 (0.5, viable); informatics 1 of 4 (0.25, a stretch); web shares nothing: no candidate.
    expect(matches.map((m) => [m.uri, m.skillFit, m.viable, m.missingEssential])).toEqual([
      ['o:trainer', 0.5, true, ['y']],
      ['o:informatics', 0.25, false, ['y', 'z', 'w']],
    ]);
    const moves = rankTransitions('o:nurse', index, none, { demand: null, automation: () => null, only });
    expect(moves.map((t) => t.to)).toEqual(['o:trainer', 'o:informatics']);
    // Without a target the midwife leads: 2 of its 3 essential skills (another unit group, no bonus).
    expect(rankTransitions('o:nurse', index, none, { demand: null, automation: () => null })[0].to).toBe('o:midwife');
  });
});
