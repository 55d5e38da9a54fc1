import { round } from '../numbers.js';
import { issuedIn } from '../intelligence/gaps.js';

/**
 * The course plan: the smallest set of offers that teaches a person's missing skills within their
 * constraints. Pure.
 *
 * Candidates. A published offer is a candidate when it passes every per-offer constraint: it reaches
 * the person's region (issued there or nationally in its country) or is taught online when the person
 * can learn remotely; its form of participation is one the person accepts; one of its languages is
 * one of theirs; its EQF level is at most the person's level + 1 (when both are known); it is funded
 * the way the person is (voucher- or ILA-eligible) and costs no more than the funding amount; it is
 * still offered at the earliest start (validUntil not before it). Each rejected offer keeps its reason.
 *
 * Objective, in this order: cover as many missing skills as possible, then the least total workload
 * (hours), then the least total cost, then the fewest courses, then the most quality (accredited and
 * complete offers first: Σ of 1 − quality, quality = 0.5 × accredited + 0.5 × completeness). Totals must
 * stay within the workload limit and the funding amount.
 *
 * Exact: a branch and bound over the candidates (on the uncovered skill with the fewest offers, try
 * each offer that teaches it, then leaving it uncovered), pruned by a lower bound (the workload
 * already taken plus, for the still-uncovered skills that must be covered to beat the incumbent, the
 * largest of their cheapest single offers), with offers that teach a subset of another's missing skills
 * at no less workload and cost and no more quality removed first. Up to `EXACT_LIMIT` candidates; beyond it, the greedy
 * weighted set cover (the offer with the least workload per newly covered skill, repeatedly), which is
 * within a factor H(k) ≤ 1 + ln k of the optimal workload for k skills; the plan says which method ran.
 * Alternatives: the best plans that share no course with the chosen one, then with each other (up to 3).
 */

export const EXACT_LIMIT = 40;

export interface PlanOffer {
  id: string;
  /** Skills it teaches (accepted, added or suggested links). */
  skills: string[];
  workloadHours: number | null;
  ects: number | null;
  costAmount: number | null;
  costCurrency: string | null;
  participationForm: string | null;
  issuerCountries: string[];
  issuerRegions: string[];
  languages: string[];
  eqfLevel: number | null;
  voucherEligible: boolean | null;
  ilaEligible: boolean | null;
  validUntil: string | null;
  accredited: boolean;
  completeness: number;
}

export interface PlanConstraints {
  region?: string | null;
  /** The person can learn online from home. */
  remote?: boolean | null;
  /** Accepted forms of participation (ONLINE, ONSITE, BLENDED, WORK_BASED); all when empty. */
  modes?: string[] | null;
  maxWorkloadHours?: number | null;
  /** ISO date: offers must still be offered then. */
  earliestStart?: string | null;
  languages?: string[] | null;
  /** The person's EQF level: offers up to one level above. */
  eqfLevel?: number | null;
  funding?: { kind: 'VOUCHER' | 'ILA' | 'NONE'; amount?: number | null; currency?: string | null } | null;
}

export interface RejectedOffer {
  id: string;
  reason: string;
}

export interface PlannedCourse {
  id: string;
  covers: string[];
  workloadHours: number;
  costAmount: number;
}

export interface Plan {
  courses: PlannedCourse[];
  uncovered: string[];
  totalHours: number;
  totalEcts: number;
  totalCost: number;
  currency: string | null;
}

export interface CoursePlanResult {
  plan: Plan;
  alternatives: Plan[];
  method: 'EXACT' | 'GREEDY';
  candidates: number;
  rejected: RejectedOffer[];
  /** Missing skills no candidate teaches at all. */
  untaught: string[];
}

/** Why an offer cannot be in the plan, or null when it can. */
export function rejectionReason(offer: PlanOffer, c: PlanConstraints): string | null {
  const online = offer.participationForm === 'ONLINE';
  if (c.modes && c.modes.length > 0 && offer.participationForm && !c.modes.includes(offer.participationForm))
    return `form of participation ${offer.participationForm} not among ${c.modes.join(', ')}`;
  if (c.region && !issuedIn(offer, c.region) && !(online && c.remote !== false))
    return online ? 'online, but the person cannot learn remotely' : `not offered in ${c.region}`;
  if (
    c.languages &&
    c.languages.length > 0 &&
    offer.languages.length > 0 &&
    !offer.languages.some((l) => c.languages!.includes(l))
  )
    return `taught in ${offer.languages.join(', ')}, not in ${c.languages.join(', ')}`;
  if (c.eqfLevel != null && offer.eqfLevel != null && offer.eqfLevel > c.eqfLevel + 1)
    return `EQF level ${offer.eqfLevel} above the person's level ${c.eqfLevel} + 1`;
  if (c.funding?.kind === 'VOUCHER' && offer.voucherEligible !== true) return 'not eligible for a training voucher';
  if (c.funding?.kind === 'ILA' && offer.ilaEligible !== true) return 'not eligible for an individual learning account';
  if (c.funding?.amount != null && (offer.costAmount ?? 0) > c.funding.amount)
    return `costs ${offer.costAmount} ${offer.costCurrency ?? ''}, more than the funding ${c.funding.amount}`.trim();
  if (
    c.funding?.amount != null &&
    offer.costAmount &&
    c.funding.currency &&
    offer.costCurrency &&
    offer.costCurrency !== c.funding.currency
  )
    return `priced in ${offer.costCurrency}, funding in ${c.funding.currency}`;
  if (c.earliestStart && offer.validUntil && offer.validUntil < c.earliestStart)
    return `offered only until ${offer.validUntil}, before the earliest start ${c.earliestStart}`;
  if (c.maxWorkloadHours != null && (offer.workloadHours ?? 0) > c.maxWorkloadHours)
    return `${offer.workloadHours} hours alone exceed the limit of ${c.maxWorkloadHours}`;
  return null;
}

interface Candidate {
  offer: PlanOffer;
  /** Bit per missing skill it teaches. */
  mask: bigint;
  hours: number;
  cost: number;
  /** 1 − quality: lower is better. */
  shortfall: number;
}

/** Lexicographic objective: uncovered, hours, cost, courses, quality shortfall. */
type Score = [number, number, number, number, number];
const better = (a: Score, b: Score) => {
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) > 1e-9) return a[i] < b[i];
  return false;
};

export function planCourses(missing: string[], offers: PlanOffer[], constraints: PlanConstraints): CoursePlanResult {
  const bit = new Map(missing.map((uri, i) => [uri, 1n << BigInt(i)]));
  const rejected: RejectedOffer[] = [];
  let candidates: Candidate[] = [];
  for (const offer of [...offers].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const mask = offer.skills.reduce((m, uri) => m | (bit.get(uri) ?? 0n), 0n);
    if (mask === 0n) continue;
    const reason = rejectionReason(offer, constraints);
    if (reason) {
      rejected.push({ id: offer.id, reason });
      continue;
    }
    const quality = 0.5 * (offer.accredited ? 1 : 0) + 0.5 * offer.completeness;
    candidates.push({
      offer,
      mask,
      hours: offer.workloadHours ?? 0,
      cost: offer.costAmount ?? 0,
      shortfall: 1 - quality,
    });
  }
  // An offer whose missing skills another teaches too, at no more workload and cost and no less quality, is never
  // needed: swapping it for the other leaves every criterion of the objective as good or better.
  candidates = candidates.filter(
    (c) =>
      !candidates.some(
        (d) =>
          d !== c &&
          (c.mask & d.mask) === c.mask &&
          d.hours <= c.hours &&
          d.cost <= c.cost &&
          d.shortfall <= c.shortfall &&
          (d.mask !== c.mask ||
            d.hours < c.hours ||
            d.cost < c.cost ||
            d.shortfall < c.shortfall ||
            (d.shortfall === c.shortfall && d.offer.id < c.offer.id)),
      ),
  );
  const teachable = candidates.reduce((m, c) => m | c.mask, 0n);
  const untaught = missing.filter((uri) => (teachable & bit.get(uri)!) === 0n);
  const method = candidates.length <= EXACT_LIMIT ? 'EXACT' : 'GREEDY';
  const solve = (pool: Candidate[]) =>
    method === 'EXACT' ? branchAndBound(pool, teachable, constraints) : greedy(pool, teachable, constraints);

  const toPlan = (chosen: Candidate[]): Plan => {
    const covered = chosen.reduce((m, c) => m | c.mask, 0n);
    const currencies = [
      ...new Set(
        chosen
          .filter((c) => c.cost > 0)
          .map((c) => c.offer.costCurrency)
          .filter((x): x is string => !!x),
      ),
    ];
    return {
      courses: [...chosen]
        .sort((a, b) => popcount(b.mask) - popcount(a.mask) || (a.offer.id < b.offer.id ? -1 : 1))
        .map((c) => ({
          id: c.offer.id,
          covers: missing.filter((uri) => (c.mask & bit.get(uri)!) !== 0n),
          workloadHours: c.hours,
          costAmount: c.cost,
        })),
      uncovered: missing.filter((uri) => (covered & bit.get(uri)!) === 0n),
      totalHours: round(
        chosen.reduce((s, c) => s + c.hours, 0),
        2,
      ),
      totalEcts: round(
        chosen.reduce((s, c) => s + (c.offer.ects ?? c.hours / 27.5), 0),
        2,
      ),
      totalCost: round(
        chosen.reduce((s, c) => s + c.cost, 0),
        2,
      ),
      currency: currencies.length === 1 ? currencies[0] : currencies.length === 0 ? null : currencies.join('+'),
    };
  };

  const best = solve(candidates);
  const alternatives: Plan[] = [];
  let pool = candidates.filter((c) => !best.includes(c));
  for (let i = 0; i < 3 && pool.length > 0; i++) {
    const next = solve(pool);
    if (next.length === 0) break;
    alternatives.push(toPlan(next));
    pool = pool.filter((c) => !next.includes(c));
  }
  return { plan: toPlan(best), alternatives, method, candidates: candidates.length, rejected, untaught };
}

function scoreOf(chosen: Candidate[], target: bigint): Score {
  const covered = chosen.reduce((m, c) => m | c.mask, 0n);
  return [
    popcount(target & ~covered),
    chosen.reduce((s, c) => s + c.hours, 0),
    chosen.reduce((s, c) => s + c.cost, 0),
    chosen.length,
    chosen.reduce((s, c) => s + c.shortfall, 0),
  ];
}

function withinLimits(hours: number, cost: number, c: PlanConstraints): boolean {
  return (
    (c.maxWorkloadHours == null || hours <= c.maxWorkloadHours + 1e-9) &&
    (c.funding?.amount == null || cost <= c.funding.amount + 1e-9)
  );
}

function branchAndBound(candidates: Candidate[], target: bigint, constraints: PlanConstraints): Candidate[] {
  const skills: bigint[] = [];
  for (let i = 0n, m = target; m > 0n; i++, m >>= 1n) if (m & 1n) skills.push(1n << i);
  const offersOf = new Map(
    skills.map((s) => [
      s,
      candidates.filter((c) => (c.mask & s) !== 0n).sort((a, b) => a.hours - b.hours || a.cost - b.cost),
    ]),
  );
  let best: Candidate[] = [];
  let bestScore = scoreOf(best, target);

  const visit = (chosen: Candidate[], covered: bigint, skipped: bigint, hours: number, cost: number) => {
    // Skills given up on so far are uncovered in every plan below this node.
    const uncovered = popcount(skipped);
    if (uncovered > bestScore[0]) return;
    const open = skills.filter((s) => (covered & s) === 0n && (skipped & s) === 0n);
    if (open.length === 0) {
      const score = scoreOf(chosen, target);
      if (better(score, bestScore)) [best, bestScore] = [chosen, score];
      return;
    }
    // To beat the incumbent now, every open skill must be covered: each needs at least its cheapest offer.
    if (
      uncovered === bestScore[0] &&
      hours + open.reduce((m, s) => Math.max(m, offersOf.get(s)![0]?.hours ?? 0), 0) > bestScore[1] + 1e-9
    )
      return;
    // Branch on the open skill with the fewest offers.
    const skill = open.reduce((a, b) => (offersOf.get(a)!.length <= offersOf.get(b)!.length ? a : b));
    for (const c of offersOf.get(skill)!) {
      if (chosen.includes(c) || !withinLimits(hours + c.hours, cost + c.cost, constraints)) continue;
      visit([...chosen, c], covered | c.mask, skipped, hours + c.hours, cost + c.cost);
    }
    visit(chosen, covered, skipped | skill, hours, cost);
  };
  visit([], 0n, 0n, 0, 0);
  return best;
}

function greedy(candidates: Candidate[], target: bigint, constraints: PlanConstraints): Candidate[] {
  const chosen: Candidate[] = [];
  let covered = 0n;
  let hours = 0;
  let cost = 0;
  for (;;) {
    let pick: Candidate | null = null;
    let pickRatio = Infinity;
    for (const c of candidates) {
      const gain = popcount(c.mask & target & ~covered);
      if (gain === 0 || chosen.includes(c) || !withinLimits(hours + c.hours, cost + c.cost, constraints)) continue;
      const ratio = (c.hours + 1e-6) / gain;
      if (
        ratio < pickRatio - 1e-12 ||
        (Math.abs(ratio - pickRatio) <= 1e-12 &&
          pick &&
          (c.cost < pick.cost || (c.cost === pick.cost && c.shortfall < pick.shortfall)))
      )
        [pick, pickRatio] = [c, ratio];
    }
    if (!pick) return chosen;
    chosen.push(pick);
    covered |= pick.mask;
    hours += pick.hours;
    cost += pick.cost;
  }
}

function popcount(mask: bigint): number {
  let n = 0;
  for (let m = mask; m > 0n; m >>= 1n) if (m & 1n) n++;
  return n;
}
