import { PromiseMemo } from '../../cache.js';
import type { HubContext } from '../../graphql/context.js';
import { round } from '../../numbers.js';
import { readReleaseStamp } from '../../taxonomy/snapshot.js';
import { type SharedInputs, type SliceArgs, readDemandSlice, sharedInputs, unemployedBeside } from '../demand-slice.js';
import { type SkillGap, rankSkillGaps, skillDemandShares } from '../gaps.js';
import { evidenceBatch, rowEvidence } from './gap-evidence.js';
import { demandBesideUnemployed } from '../ranking.js';
import { spreadSignal } from '../skill-demand.js';
import type { WhatIf } from '../what-if.js';
import { catalogueStamp, demandSources, demandStamp } from '../store.js';
import type { SliceInfo } from './gaps.js';

/**
 * How gap rankings are read and held: computed once per request and slice, and across requests while the
 * demand imports, the catalogue and the taxonomy release stay the same (docs/reads.md). The GraphQL types of
 * the rows are in gaps.ts.
 */

/**
 * Gap rankings held across requests while nothing they depend on changes: the demand imports, the
 * catalogue (catalogueStamp) and the taxonomy release. Dashboards ask the same slices on every page load.
 */
const resultCache = new PromiseMemo<{ slice: SliceInfo; gaps: SkillGap[] }>(128);
const stampPerRequest = new WeakMap<HubContext, Promise<string>>();

/**
 * Any answer derived from gap rankings (recommendations, dashboard cells), held like them: per demand
 * imports, catalogue state and release, and the arguments. `compute` runs only on a miss.
 */
const derivedCache = new PromiseMemo<unknown>(128);
export async function cachedDerivation<T>(
  context: HubContext,
  name: string,
  args: unknown,
  compute: () => Promise<T>,
): Promise<T> {
  return derivedCache.get(`${name}|${await resultStamp(context)}|${JSON.stringify(args)}`, compute) as Promise<T>;
}

function resultStamp(context: HubContext): Promise<string> {
  let stamp = stampPerRequest.get(context);
  if (!stamp) {
    stamp = Promise.all([
      demandSources(context.graph),
      catalogueStamp(context.graph),
      context.taxonomy ? Promise.resolve(context.taxonomy.stamp) : readReleaseStamp(context.graph),
    ]).then(([sources, catalogue, taxonomy]) => JSON.stringify([demandStamp(sources), catalogue, taxonomy]));
    stampPerRequest.set(context, stamp);
  }
  return stamp;
}

const gapsPerRequest = new WeakMap<HubContext, Map<string, Promise<{ slice: SliceInfo; gaps: SkillGap[] }>>>();

/** skillGapsFor without a what-if, computed once per request and slice (many offers of a list asking for the same slice share it). */
export function skillGapsOnce(context: HubContext, args: SliceArgs) {
  const key = sliceKey(args);
  let memo = gapsPerRequest.get(context);
  if (!memo) gapsPerRequest.set(context, (memo = new Map()));
  let result = memo.get(key);
  if (!result) {
    result = resultStamp(context).then((stamp) =>
      resultCache.get(`${stamp}|${key}`, () =>
        sharedInputs(context).then((shared) => skillGapsFor(context, args, null, shared)),
      ),
    );
    memo.set(key, result);
  }
  return result;
}

const sliceKey = (args: SliceArgs) =>
  JSON.stringify([
    args.sector ?? null,
    args.region ?? null,
    args.period ?? null,
    args.metric ?? null,
    args.occupationGroup ?? null,
  ]);

const sharesCache = new PromiseMemo<Map<string, number>>(128);

/**
 * Each skill's demand share in a slice (skillDemandShares: the gap rows' demandShare without their evidence),
 * held like the gap rankings: what a parent slice is read for (specificity, a dashboard cell's own skills).
 */
export function demandSharesOnce(context: HubContext, args: SliceArgs): Promise<Map<string, number>> {
  return resultStamp(context).then((stamp) =>
    sharesCache.get(`${stamp}|${sliceKey(args)}`, async () => {
      const { hypothetical, index, derivation } = await readDemandSlice(
        context,
        args,
        null,
        await sharedInputs(context),
      );
      return skillDemandShares({ signals: hypothetical.signals, index, options: derivation });
    }),
  );
}

/** Resolves and checks the arguments, reads the slice, and ranks; argument errors name the argument. */
export async function skillGapsFor(
  context: HubContext,
  args: SliceArgs,
  whatIf: WhatIf | null = null,
  /** Several slices of one request (a dashboard's sectors) share these, and read every sector's figures in one go. */
  shared?: SharedInputs,
): Promise<{ slice: SliceInfo; gaps: SkillGap[] }> {
  const { sector, region, period, chosen, previous, candidates, hypothetical, routes, index, derivation } =
    await readDemandSlice(context, args, whatIf, shared);
  const unemployed = unemployedBeside({ chosen, candidates, period });
  // Ranking is CPU work of tens of milliseconds on the request thread: requests that arrived meanwhile go
  // first, so several slices derived at once never hold a cheap request for more than one of them.
  await new Promise((resolve) => setImmediate(resolve));
  const { slice, gaps, addEvidence } = rankSkillGaps(
    {
      slice: { sector, region: region.code, period, metric: chosen.metric! },
      signals: hypothetical.signals,
      previous,
      offers: hypothetical.offers,
      routes,
      index,
      options: derivation,
      // Vacancies meet the people available for them: the same source's unemployed figure for each target.
      annotate: unemployed.any
        ? (c) => {
            const value = unemployed.of(c.signal);
            c.unemployed = {
              value,
              vacanciesPerUnemployed: value && c.signal.value !== null ? round(c.signal.value / value, 4) : null,
            };
          }
        : undefined,
    },
    { evidence: 'ON_DEMAND' },
  );
  const evidence = evidenceBatch(addEvidence);
  for (const gap of gaps) rowEvidence.set(gap.contributions, evidence);
  let vacanciesPerUnemployed: number | null = null;
  if (unemployed.any) {
    const beside = demandBesideUnemployed(hypothetical.signals, (s) => unemployed.of(s), index, derivation);
    for (const gap of gaps) gap.withUnemployed = beside.get(gap.skillUri) ?? null;
    const counted = chosen.signals.filter((s) => s.value !== null && unemployed.of(s));
    // Within an occupation group, each figure counts at the share of it that reaches the group.
    const kept = (s: (typeof counted)[number]) =>
      derivation.occupationGroup
        ? spreadSignal(s, index, derivation).occupations.reduce((sum, o) => sum + o.share, 0)
        : 1;
    const jobs = counted.reduce((sum, s) => sum + s.value! * kept(s), 0);
    const people = counted.reduce((sum, s) => sum + unemployed.of(s)! * kept(s), 0);
    vacanciesPerUnemployed = people > 0 ? round(jobs / people, 4) : null;
  }
  return {
    slice: {
      ...slice,
      regionNote: region.note,
      selection: chosen.note,
      source: chosen.sourceId,
      asked: { ...args, period, metric: chosen.metric },
      vacanciesPerUnemployed,
      whatIf: hypothetical.changes,
    },
    gaps,
  };
}

/** The slice arguments every skills-intelligence query takes. */
