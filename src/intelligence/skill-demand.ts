import { pushTo } from '../collections.js';
import type { DemandMargin, NationalShares } from './national-split.js';

/**
 * Demand for skills, derived from demand signals through the occupation graph. Pure: plain data in,
 * figures with their full derivation out.
 *
 * How a figure flows down:
 *   1. A signal names an ISCO-08 group at the source's grain (a major group in Eurostat's LFS, a unit
 *      group in job-ad data), a national group (KldB 2010 in the German PES data) or an ESCO occupation.
 *      - An ISCO major group's value with a sector, in a country with finer national evidence
 *        (`nationalSplit`, national-split.ts): split over the group's minor groups by the proxy fitted to
 *        the national margins, then within each minor group as below.
 *      - An ISCO group's value with a sector, when the occupation mix (`occupationMix`) has that NACE
 *        section: split over the group's ESCO occupations in proportion to their jobs in the section.
 *      - Otherwise an ISCO group's value is split over the unit groups below it in proportion to a
 *        unit-group weight (EU online job-ad counts when imported; an even split otherwise, and the
 *        result says so), then evenly over the ESCO occupations of each unit group.
 *      - A KldB group's value is split over the ESCO occupations the official mapping maps its job
 *        titles to, in proportion to the titles mapped, each weighing 1 for an exact or close match and
 *        0.5 for a broad or narrow one (src/demand/reference.ts).
 *      - An occupation signal goes to that occupation alone.
 *   2. An occupation's share is credited to each of its essential skills in full and to each optional
 *      skill at `optionalWeight` (0.5 by default): a skill's demand reads "persons (or vacancies, …)
 *      in occupations that need this skill", optional needs counted at half.
 *   3. A skill's demand is the sum over signals of value × weight, where the weight is the share of
 *      the signal that reached the skill. Every contribution is kept as evidence, so the figure adds
 *      up from the source rows shown.
 * Figures the source did not publish have no value and contribute nothing; they are counted, so a
 * result can say it is a lower bound. The share of a skill is its demand over the slice's total
 * (the sum of the published values).
 */

export interface SignalInput {
  key: string;
  sourceId: string;
  sourceName: string;
  metric: string;
  value: number | null;
  unit: string;
  period: string;
  region: string;
  sector: string | null;
  targetKind: 'ISCO' | 'OCCUPATION' | 'SKILL' | 'KLDB';
  targetCode: string;
  flags: string[];
  reliability: 'NORMAL' | 'LOW' | 'NOT_PUBLISHED';
  retrievedOn: string | null;
  /** When several source figures (e.g. every district of a Land) were added into this one: how many, and how many of them were not published. */
  parts?: { figures: number; notPublished: number };
  /** Length of the source's region codes (2 country, 3–5 NUTS 1–3), kept when figures of several regions were added up. */
  regionLevel?: number;
}

export interface OccupationNeeds {
  uri: string;
  /** The ESCO occupation's ISCO-08 unit group (4 digits). */
  iscoGroup: string | null;
  essential: string[];
  optional: string[];
  /** Its broader ESCO occupations (the occupation pillar), for transitions within the hierarchy. */
  broader?: string[];
  /** Its essential skills ESCO marks sector- or occupation-specific (reuse level), for matching (viability.ts grounded). */
  specific?: string[];
}

export interface DerivationOptions {
  /** Credit of an optional skill relative to an essential one. */
  optionalWeight: number;
  /** Job-ad (or other) weights per ISCO unit group, with where they come from; null = even split. */
  unitWeights: { byUnitGroup: Map<string, number>; source: string } | null;
  /**
   * Jobs per occupation within each NACE section (an occupation-mix proxy), with where they come from.
   * When a figure names a sector, its ISCO group is split over the group's occupations in proportion
   * to their jobs in that sector; without a mix for the sector, by unit-group weights as above.
   */
  occupationMix: { bySection: Map<string, Map<string, number>>; source: string } | null;
  /** National occupation groups → ESCO occupations with weights (KldB 2010 through the official mapping). */
  nationalMappings: { KLDB?: { byGroup: Map<string, Map<string, number>>; source: string } };
  /** A what-if demand shift: how much an occupation's share of a figure (of this sector) is scaled; 1 when absent. */
  occupationFactor?: (occupationUri: string, sector: string | null) => number;
  /** Only the demand of these occupations (an ISCO-08 or KldB 2010 occupation group), and of KldB figures within `kldbPrefix`. */
  occupationGroup?: OccupationGroup;
  /**
   * National evidence for an ISCO major group's figure with a sector (national-split.ts): each minor
   * group's share of it, how it was fitted and the margins that shaped it; or, when the figure's country
   * has none, why (said in the method: the split then follows the proxy).
   */
  nationalSplit?: (signal: SignalInput) => NationalShares | string;
}

export interface OccupationGroup {
  /** As asked: ISCO:7, KLDB:32. */
  code: string;
  /** In words, for methods and explanations: "ISCO-08 group 7 (Craft and related trades workers)". */
  label: string;
  occupations: Set<string>;
  /** For a KldB group, its code: KldB figures outside it are left out. */
  kldbPrefix: string | null;
}

export const DEFAULT_DERIVATION: DerivationOptions = {
  optionalWeight: 0.5,
  unitWeights: null,
  occupationMix: null,
  nationalMappings: {},
};

export interface SkillContribution {
  signal: SignalInput;
  /** Share of the signal's value that reached the skill. */
  weight: number;
  /** value × weight. */
  contribution: number;
  /** How the signal was spread down to occupations (SignalSpread.method). */
  method: string;
  /** The national margins the split was fitted to, with their source and period (none: no national fit). */
  margins: DemandMargin[];
  /** For a vacancies figure: the source's unemployed figure for the same region, period and target, and vacancies per unemployed person. */
  unemployed?: { value: number | null; vacanciesPerUnemployed: number | null };
  /** How many occupations the share came through, and the largest few by share. */
  occupationCount: number;
  topOccupations: Array<{ uri: string; share: number; relation: 'ESSENTIAL' | 'OPTIONAL' }>;
}

export interface SkillDemand {
  skillUri: string;
  demand: number;
  contributions: SkillContribution[];
}

export interface OccupationShare {
  uri: string;
  /** Share of the signal's value that reaches the occupation. */
  share: number;
}

export interface SignalSpread {
  signal: SignalInput;
  occupations: OccupationShare[];
  /** How the split was shaped, in words, e.g. "ISCO major group 7 over 61 unit groups by EU job-ad counts, then evenly over 412 occupations". */
  method: string;
  /** The grain the source gave: 'ISCO-1' … 'ISCO-4', 'OCCUPATION'. */
  grain: string;
  /** The national margins the split was fitted to (none when it was not fitted). */
  margins?: DemandMargin[];
}

/** Index of occupations by ISCO unit group, built once per taxonomy. */
export class OccupationIndex {
  readonly byUnitGroup = new Map<string, OccupationNeeds[]>();
  readonly byUri = new Map<string, OccupationNeeds>();
  constructor(occupations: OccupationNeeds[]) {
    for (const occupation of occupations) {
      this.byUri.set(occupation.uri, occupation);
      if (!occupation.iscoGroup) continue;
      pushTo(this.byUnitGroup, occupation.iscoGroup, occupation);
    }
  }

  unitGroupsUnder(code: string): string[] {
    return [...this.byUnitGroup.keys()].filter((unit) => unit.startsWith(code)).sort();
  }
}

/**
 * Where one signal's value goes: the occupations and their shares (summing to 1 when any occupation is
 * reached). With an occupation group, only the group's occupations keep their shares (and a KldB figure
 * counts only when its group lies within a KldB occupation group asked).
 */
export function spreadSignal(signal: SignalInput, index: OccupationIndex, options: DerivationOptions): SignalSpread {
  const spread = spreadToOccupations(signal, index, options);
  const group = options.occupationGroup;
  if (!group) return spread;
  if (group.kldbPrefix !== null && signal.targetKind === 'KLDB' && !signal.targetCode.startsWith(group.kldbPrefix))
    return { ...spread, occupations: [], method: `${spread.method}; outside ${group.label}` };
  const occupations = spread.occupations.filter((o) => group.occupations.has(o.uri));
  return occupations.length === spread.occupations.length
    ? spread
    : {
        ...spread,
        occupations,
        method: `${spread.method}; only the ${occupations.length} of them in ${group.label}`,
      };
}

function spreadToOccupations(signal: SignalInput, index: OccupationIndex, options: DerivationOptions): SignalSpread {
  if (signal.targetKind === 'OCCUPATION') {
    const known = index.byUri.has(signal.targetCode);
    return {
      signal,
      occupations: known ? [{ uri: signal.targetCode, share: 1 }] : [],
      method: known ? 'an ESCO occupation, as the source gives it' : 'an ESCO occupation not in this taxonomy',
      grain: 'OCCUPATION',
    };
  }
  if (signal.targetKind === 'KLDB') {
    const mapping = options.nationalMappings.KLDB;
    const mapped = [...(mapping?.byGroup.get(signal.targetCode)?.entries() ?? [])].filter(([uri]) =>
      index.byUri.has(uri),
    );
    const total = mapped.reduce((sum, [, weight]) => sum + weight, 0);
    if (!mapping || total === 0)
      return {
        signal,
        occupations: [],
        method: `KldB group ${signal.targetCode} has no ESCO occupation in the mapping`,
        grain: 'KLDB-3',
      };
    return {
      signal,
      occupations: mapped
        .map(([uri, weight]) => ({ uri, share: weight / total }))
        .sort((a, b) => (a.uri < b.uri ? -1 : 1)),
      method: `KldB 2010 group ${signal.targetCode} over the ${mapped.length} ESCO occupations ${mapping.source} maps its job titles to, in proportion to the titles mapped (exact or close ×1, broad or narrow ×0.5)`,
      grain: 'KLDB-3',
    };
  }
  if (signal.targetKind !== 'ISCO')
    return {
      signal,
      occupations: [],
      method: `${signal.targetKind} targets are not spread to occupations`,
      grain: signal.targetKind,
    };
  const units = index.unitGroupsUnder(signal.targetCode);
  const grain = `ISCO-${signal.targetCode.length}`;
  if (units.length === 0)
    return { signal, occupations: [], method: `ISCO group ${signal.targetCode} has no ESCO occupation`, grain };
  const mix = signal.sector ? options.occupationMix?.bySection.get(signal.sector.slice(0, 1)) : undefined;
  const national = signal.targetCode.length === 1 && signal.sector ? options.nationalSplit?.(signal) : undefined;
  if (typeof national === 'object') return spreadByMinorGroups(signal, national, mix, index, options);
  const proxyOnly = typeof national === 'string' ? ` (${national})` : '';
  if (mix) {
    const members = units.flatMap((unit) => index.byUnitGroup.get(unit)!);
    const jobs = members.map((occupation) => mix.get(occupation.uri) ?? 0);
    const total = jobs.reduce((sum, value) => sum + value, 0);
    if (total > 0) {
      const occupations = members
        .map((occupation, i) => ({ uri: occupation.uri, share: jobs[i] / total }))
        .filter((o) => o.share > 0);
      return {
        signal,
        occupations,
        method: `ISCO group ${signal.targetCode} over the ${occupations.length} of its ${members.length} ESCO occupations that have jobs in sector ${signal.sector!.slice(0, 1)}, in proportion to those jobs in ${options.occupationMix!.source}${proxyOnly}`,
        grain,
      };
    }
  }
  const { occupations, occupationCount, weighted } = byUnitWeights(units, 1, index, options);
  const how =
    units.length === 1
      ? `ISCO unit group ${signal.targetCode}`
      : `ISCO group ${signal.targetCode} over its ${units.length} unit groups ${weighted ? `in proportion to ${options.unitWeights!.source}` : 'evenly (no unit-group weights)'}`;
  return {
    signal,
    occupations,
    method: `${how}, then evenly over the ${occupationCount} ESCO occupations in them${proxyOnly}`,
    grain,
  };
}

/** `share` spread over unit groups by unit-group weights (evenly when none has one), then evenly over each unit group's occupations. */
function byUnitWeights(
  units: string[],
  share: number,
  index: OccupationIndex,
  options: DerivationOptions,
): { occupations: OccupationShare[]; occupationCount: number; weighted: boolean } {
  const weights = options.unitWeights;
  const weighted = weights ? units.map((unit) => weights.byUnitGroup.get(unit) ?? 0) : units.map(() => 1);
  const total = weighted.reduce((sum, w) => sum + w, 0);
  const even = total === 0;
  const occupations: OccupationShare[] = [];
  let occupationCount = 0;
  units.forEach((unit, i) => {
    const unitShare = share * (even ? 1 / units.length : weighted[i] / total);
    const members = index.byUnitGroup.get(unit)!;
    occupationCount += members.length;
    for (const occupation of members) occupations.push({ uri: occupation.uri, share: unitShare / members.length });
  });
  return { occupations, occupationCount, weighted: weights !== null && !even };
}

/**
 * A major group's figure split by national evidence: each minor group's share (fitted to the national
 * margins), then within the minor group over its occupations by their jobs in the sector's occupation
 * mix, or by unit-group weights and evenly where the mix has none of them.
 */
function spreadByMinorGroups(
  signal: SignalInput,
  national: NationalShares,
  mix: Map<string, number> | undefined,
  index: OccupationIndex,
  options: DerivationOptions,
): SignalSpread {
  const occupations: OccupationShare[] = [];
  let byMix = 0;
  let byWeights = 0;
  for (const [minor, share] of [...national.minorShares].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const units = index.unitGroupsUnder(minor);
    const members = units.flatMap((unit) => index.byUnitGroup.get(unit)!);
    const jobs = members.map((occupation) => mix?.get(occupation.uri) ?? 0);
    const total = jobs.reduce((sum, value) => sum + value, 0);
    if (total > 0) {
      byMix += 1;
      members.forEach((occupation, i) => {
        if (jobs[i] > 0) occupations.push({ uri: occupation.uri, share: (share * jobs[i]) / total });
      });
    } else if (units.length > 0) {
      byWeights += 1;
      occupations.push(...byUnitWeights(units, share, index, options).occupations);
    }
  }
  const within = [
    byMix > 0
      ? `${byMix} by their occupations’ jobs in sector ${signal.sector!.slice(0, 1)} in ${options.occupationMix!.source}`
      : '',
    byWeights > 0
      ? `${byWeights} (without jobs in the mix) ${options.unitWeights ? `by ${options.unitWeights.source}` : 'evenly over unit groups'}, then evenly over occupations`
      : '',
  ].filter(Boolean);
  return {
    signal,
    occupations: occupations.sort((a, b) => (a.uri < b.uri ? -1 : 1)),
    method: `${national.method}; within the minor groups over their ${occupations.length} ESCO occupations: ${within.join('; ')}`,
    grain: `ISCO-${signal.targetCode.length}`,
    margins: national.margins,
  };
}

/**
 * Figures with the same key are spread alike: the target, the sector (an occupation mix or a what-if
 * shift may name it) and, when national evidence splits the figure, its country.
 */
function spreadKey(signal: SignalInput, options: DerivationOptions): string {
  const national =
    options.nationalSplit && signal.targetKind === 'ISCO' && signal.targetCode.length === 1 && signal.sector
      ? options.nationalSplit(signal)
      : null;
  return `${signal.targetKind}:${signal.targetCode}:${signal.sector ?? ''}${typeof national === 'object' && national ? `:${signal.region}` : ''}`;
}

/**
 * Demand per skill for a set of signals (a slice: one metric, period, region and sector), with each
 * skill's contributions. Signals without a value contribute nothing.
 */
/** How many of the occupations that carried a figure to a skill its evidence names, largest share first. */
const TOP_OCCUPATIONS = 3;

export function deriveSkillDemand(
  signals: SignalInput[],
  index: OccupationIndex,
  options: DerivationOptions = DEFAULT_DERIVATION,
  /**
   * evidence false: the demand figures alone, without contributions (e.g. an earlier period for a trend); much
   * less work. only: the skills to derive (with their evidence), the others left out: a ranking's rows read.
   */
  { evidence = true, only }: { evidence?: boolean; only?: ReadonlySet<string> } = {},
): { skills: Map<string, SkillDemand>; spreads: SignalSpread[] } {
  if (!evidence) return demandWithoutEvidence(signals, index, options);
  type Carried = { uri: string; share: number; relation: 'ESSENTIAL' | 'OPTIONAL' };
  // Per skill: the share reaching it, how many occupation links carried it, and the largest three (the evidence).
  type Reached = Map<string, { weight: number; count: number; top: Carried[] }>;
  const keepTop = (top: Carried[], entry: Carried) => {
    let at = top.length;
    while (
      at > 0 &&
      (entry.share > top[at - 1].share || (entry.share === top[at - 1].share && entry.uri < top[at - 1].uri))
    )
      at -= 1;
    if (at < TOP_OCCUPATIONS) {
      top.splice(at, 0, entry);
      if (top.length > TOP_OCCUPATIONS) top.pop();
    }
  };
  // The share of a target that reaches each skill depends on the target only, not on the value:
  // computed once per target (many signals of a slice share their ISCO group).
  const byTarget = new Map<string, { spread: Omit<SignalSpread, 'signal'>; reached: Reached }>();
  const reachedBy = (signal: SignalInput) => {
    const target = spreadKey(signal, options);
    let entry = byTarget.get(target);
    if (!entry) {
      const { occupations, method, grain, margins } = spreadSignal(signal, index, options);
      const reached: Reached = new Map();
      const credit = (skillUri: string, occupation: string, share: number, relation: 'ESSENTIAL' | 'OPTIONAL') => {
        if (only && !only.has(skillUri)) return;
        const skill = reached.get(skillUri) ?? { weight: 0, count: 0, top: [] };
        skill.weight += share;
        skill.count += 1;
        if (evidence) keepTop(skill.top, { uri: occupation, share, relation });
        reached.set(skillUri, skill);
      };
      for (const { uri, share: spreadShare } of occupations) {
        const needs = index.byUri.get(uri)!;
        const share = spreadShare * (options.occupationFactor?.(uri, signal.sector) ?? 1);
        for (const skill of needs.essential) credit(skill, uri, share, 'ESSENTIAL');
        if (options.optionalWeight > 0)
          for (const skill of needs.optional) credit(skill, uri, share * options.optionalWeight, 'OPTIONAL');
      }
      entry = { spread: { occupations, method, grain, margins }, reached };
      byTarget.set(target, entry);
    }
    return entry;
  };

  const skills = new Map<string, SkillDemand>();
  const spreads: SignalSpread[] = [];
  for (const signal of signals) {
    const { spread, reached } = reachedBy(signal);
    spreads.push({ signal, ...spread });
    if (signal.value === null) continue;
    for (const [skillUri, { weight, count, top }] of reached) {
      const demand = skills.get(skillUri) ?? { skillUri, demand: 0, contributions: [] };
      const contribution = signal.value * weight;
      demand.demand += contribution;
      if (evidence)
        demand.contributions.push({
          signal,
          weight,
          contribution,
          method: spread.method,
          margins: spread.margins ?? [],
          occupationCount: count,
          topOccupations: top.slice(),
        });
      skills.set(skillUri, demand);
    }
  }
  for (const demand of skills.values()) demand.contributions.sort((a, b) => b.contribution - a.contribution);
  return { skills, spreads };
}

/**
 * deriveSkillDemand without evidence: the same sums taken in another order. Each occupation's demand is
 * added up over the figures first (value × share × what-if factor), then credited once to its skills,
 * so the work grows with the occupations reached rather than with figures × occupations × skills.
 */
function demandWithoutEvidence(
  signals: SignalInput[],
  index: OccupationIndex,
  options: DerivationOptions,
): { skills: Map<string, SkillDemand>; spreads: SignalSpread[] } {
  const byTarget = new Map<string, SignalSpread>();
  const spreads: SignalSpread[] = [];
  const occupationDemand = new Map<string, number>();
  for (const signal of signals) {
    const target = spreadKey(signal, options);
    let spread = byTarget.get(target);
    if (!spread) byTarget.set(target, (spread = spreadSignal(signal, index, options)));
    spreads.push({ ...spread, signal });
    if (signal.value === null) continue;
    for (const { uri, share } of spread.occupations) {
      const factor = options.occupationFactor?.(uri, signal.sector) ?? 1;
      occupationDemand.set(uri, (occupationDemand.get(uri) ?? 0) + signal.value * share * factor);
    }
  }
  const skills = new Map<string, SkillDemand>();
  const credit = (skillUri: string, amount: number) => {
    const skill = skills.get(skillUri);
    if (skill) skill.demand += amount;
    else skills.set(skillUri, { skillUri, demand: amount, contributions: [] });
  };
  for (const [uri, demand] of occupationDemand) {
    const needs = index.byUri.get(uri)!;
    for (const skill of needs.essential) credit(skill, demand);
    if (options.optionalWeight > 0) for (const skill of needs.optional) credit(skill, demand * options.optionalWeight);
  }
  return { skills, spreads };
}

/** An occupation's demand, with the figure that gave it the most: what a number such as "2.97 vacancies" is a share of. */
export interface OccupationDemand {
  demand: number;
  figures: number;
  methods: string[];
  /** The source figure contributing most, the occupation's share of it, and how it was split. */
  top: { signal: SignalInput; share: number; method: string } | null;
}

/**
 * Demand per occupation for a set of signals: the sum over signals of value × the occupation's share
 * (spreadSignal), with how each figure was spread. The occupation-level step of deriveSkillDemand,
 * for matching people to occupations. Pure.
 */
export function deriveOccupationDemand(
  signals: SignalInput[],
  index: OccupationIndex,
  options: DerivationOptions,
): Map<string, OccupationDemand> {
  const byTarget = new Map<string, SignalSpread>();
  const result = new Map<string, OccupationDemand>();
  for (const signal of signals) {
    if (signal.value === null) continue;
    const target = spreadKey(signal, options);
    let spread = byTarget.get(target);
    if (!spread) byTarget.set(target, (spread = spreadSignal(signal, index, options)));
    for (const { uri, share } of spread.occupations) {
      const factor = options.occupationFactor?.(uri, signal.sector) ?? 1;
      const entry: OccupationDemand = result.get(uri) ?? { demand: 0, figures: 0, methods: [], top: null };
      entry.demand += signal.value * share * factor;
      entry.figures += 1;
      if (!entry.top || signal.value * share > entry.top.signal.value! * entry.top.share)
        entry.top = { signal, share, method: spread.method };
      if (entry.methods.length < 3 && !entry.methods.includes(spread.method)) entry.methods.push(spread.method);
      result.set(uri, entry);
    }
  }
  return result;
}

/**
 * An occupation's demand in words, with the figure it is a share of: "2.97 of the 1,234 vacancies of
 * KldB 2010 group 525 in DE212 (0.24 %: <how that figure was split>)"; a sum of several figures says so.
 */
export function describeOccupationDemand(demand: OccupationDemand): string {
  if (!demand.top) return 'no published figure reached it';
  const { signal, share, method } = demand.top;
  const target =
    signal.targetKind === 'ISCO'
      ? `ISCO-08 group ${signal.targetCode}`
      : signal.targetKind === 'KLDB'
        ? `KldB 2010 group ${signal.targetCode}`
        : 'this occupation';
  const number = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 2 });
  const part = `${number(signal.value! * share)} of the ${number(signal.value!)} ${signal.unit} of ${target}${signal.sector ? ` in sector ${signal.sector}` : ''} in ${signal.region}, ${signal.period} (${number(share * 100)} %: ${method})`;
  return demand.figures > 1
    ? `${number(demand.demand)} ${signal.unit} from ${demand.figures} figures, the largest ${part}`
    : part;
}
