/**
 * The gap view's what-if, kept in the URL like every filter: `teach` (skill URIs, space-separated) adds one
 * hypothetical offer teaching them in the slice's region (online when the slice has none), `retire` (offer
 * ids, space-separated) takes published offers out of supply, `shiftIsco` with `factor` scales the demand of
 * an ISCO-08 group. The API re-scores the slice under it (sectorSkillGaps' whatIf argument, nothing written);
 * compareRankings() lines the ranking before and after up by skill.
 */

import type { WhatIf } from './gql/graphql.js';

export const WHAT_IF_PARAMS = ['teach', 'retire', 'shiftIsco', 'factor'];
/** The hypothetical offer's name in the API's answer (its coverage detail and whatIf words). */
export const NEW_OFFER_ID = '(what-if)';

/** A space-separated URL value as its items. */
export const listOf = (value: string | null) => (value ?? '').split(' ').filter(Boolean);

/** The what-if the URL states, or null when it states none. A factor that is not a number stays NaN (factorError). */
export function whatIfOf(params: URLSearchParams, region: string | null): WhatIf | null {
  const teach = listOf(params.get('teach'));
  const retire = listOf(params.get('retire'));
  const isco = params.get('shiftIsco')?.trim() || null;
  const whatIf: WhatIf = {};
  if (teach.length > 0)
    whatIf.newOffers = [
      {
        id: NEW_OFFER_ID,
        title: 'A new offer teaching the chosen skills',
        skills: teach,
        ...(region ? { regions: [region] } : { online: true }),
      },
    ];
  if (retire.length > 0) whatIf.retireOffers = retire;
  if (isco) whatIf.demandShifts = [{ isco, factor: Number(params.get('factor') ?? '1') }];
  return Object.keys(whatIf).length > 0 ? whatIf : null;
}

/** Why a what-if's demand factor cannot be sent (JSON has no NaN), or null when it can. */
export function factorError(whatIf: WhatIf | null): string | null {
  const bad = (whatIf?.demandShifts ?? []).some((s) => !Number.isFinite(s.factor) || s.factor < 0);
  return bad ? 'The factor must be a number, 0 or more (1.2 = 20 % more demand).' : null;
}

export interface Ranked {
  rank: number | null;
  uri: string;
  label: string;
  gapScore: number;
}

export interface RankChange {
  uri: string;
  label: string;
  before: { rank: number | null; gapScore: number } | null;
  after: { rank: number | null; gapScore: number } | null;
  /** Places moved up (positive) or down; null when the skill is in only one of the two lists. */
  moved: number | null;
}

/**
 * The skills of either ranking in the order after the change, then those that left it (in their order before):
 * each with its rank and gap score before and after (null where that list does not have it).
 */
export function compareRankings(before: Ranked[], after: Ranked[]): RankChange[] {
  const beforeBy = new Map(before.map((r) => [r.uri, r]));
  const afterBy = new Map(after.map((r) => [r.uri, r]));
  const entry = (r: Ranked | undefined) => (r ? { rank: r.rank, gapScore: r.gapScore } : null);
  const change = (r: Ranked): RankChange => {
    const b = beforeBy.get(r.uri);
    const a = afterBy.get(r.uri);
    return {
      uri: r.uri,
      label: r.label,
      before: entry(b),
      after: entry(a),
      moved: b?.rank != null && a?.rank != null ? b.rank - a.rank : null,
    };
  };
  return [...after.map(change), ...before.filter((r) => !afterBy.has(r.uri)).map(change)];
}
