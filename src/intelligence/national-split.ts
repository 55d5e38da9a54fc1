/**
 * National evidence before the proxy: how a coarse figure (one sector's ISCO-08 major group in one
 * country, as Eurostat's LFS publishes it) is split over the minor groups (3 digits) of that major
 * group. Pure: plain figures in, shares out.
 *
 * For one country, period and major group g:
 *   E[s]    the coarse figures: the major group's figure in each sector s (only published ones);
 *   N[k]    the national evidence for each minor group k of g, all sectors together (EU-LFS employment
 *           by ISCO-3, or the German PES registered vacancies through the BA's KldB → ISCO-08 key);
 *           only its shares within g are used, so its unit and year need not match E's;
 *   P[s,k]  the prior: the occupation-mix proxy's jobs of k's occupations in sector s (or, for a sector
 *           the proxy lacks, what the split would use there without national evidence).
 * X[s,k] is fitted by iterative proportional fitting (raking) of P to both margins:
 *   rows     Σ_k X[s,k] = E[s]                                   every national figure kept exactly;
 *   columns  Σ_s X[s,k] = T[k] = N[k] / Σ_k' N[k'] · (1 − m) · ΣE  the country's own structure of g.
 * Minor groups the evidence does not publish (masked cells, groups it lacks) are pooled into one
 * column with target m · ΣE, m being the prior's share of them; inside the pool X follows the prior.
 * A minor group (column) or sector (row) the prior gives nothing anywhere gets a flat prior (a row's
 * figure spread in proportion to the column targets), so that every margin can be met.
 * The fit alternates column and row scaling and ends on rows, so the national figures are exact
 * whatever happens; it stops when every column is within FIT_TOLERANCE of its target (relative)
 * or after FIT_MAX_ITERATIONS, and says which. A sector's split is then X[s,k] / E[s].
 */

/** Relative gap between a column's fitted total and its target under which the fit has converged. */
export const FIT_TOLERANCE = 1e-9;
export const FIT_MAX_ITERATIONS = 1000;

export interface FitResult {
  cells: number[][];
  iterations: number;
  converged: boolean;
  /** The largest relative gap between a column's total and its target when the fit stopped. */
  columnGap: number;
}

/**
 * Iterative proportional fitting of a non-negative prior to row and column targets (which must have the
 * same sum). Cells the prior has at zero stay zero; the result's rows meet their targets exactly.
 */
export function fitToMargins(
  prior: number[][],
  rowTargets: number[],
  columnTargets: number[],
  { tolerance = FIT_TOLERANCE, maxIterations = FIT_MAX_ITERATIONS } = {},
): FitResult {
  const cells = prior.map((row) => row.slice());
  const columns = columnTargets.length;
  const scaleRows = () => {
    cells.forEach((row, i) => {
      const sum = row.reduce((a, b) => a + b, 0);
      const factor = sum > 0 ? rowTargets[i] / sum : 0;
      for (let j = 0; j < columns; j += 1) row[j] *= factor;
    });
  };
  const columnSums = () => columnTargets.map((_, j) => cells.reduce((sum, row) => sum + row[j], 0));
  const gap = () =>
    Math.max(
      0,
      ...columnSums().map((sum, j) => Math.abs(sum - columnTargets[j]) / Math.max(columnTargets[j], Number.MIN_VALUE)),
    );
  let iterations = 0;
  let columnGap = gap();
  while (columnGap > tolerance && iterations < maxIterations) {
    const sums = columnSums();
    for (const row of cells)
      for (let j = 0; j < columns; j += 1) row[j] *= sums[j] > 0 ? columnTargets[j] / sums[j] : 0;
    scaleRows();
    iterations += 1;
    columnGap = gap();
  }
  if (iterations === 0) scaleRows();
  return { cells, iterations, converged: columnGap <= tolerance, columnGap };
}

export interface MajorGroupFitInput {
  /** The coarse figures of the major group per sector (published ones only): the row margins, kept exactly. */
  rows: Map<string, number>;
  /** Every minor group of the major group that the split can reach, with its national figure (null: not published). */
  evidence: Map<string, number | null>;
  /** The prior: the proxy's weight of a minor group in a sector (jobs in the occupation mix). */
  prior: (sector: string, minorGroup: string) => number;
}

export interface MajorGroupFit {
  /** Per sector: each minor group's share of that sector's figure (summing to 1; zero shares left out). */
  shares: Map<string, Map<string, number>>;
  iterations: number;
  converged: boolean;
  /** Minor groups without a published national figure, split together as the prior says. */
  pooled: string[];
  /** Minor groups and sectors the prior had nothing for, given a flat prior. */
  flatColumns: string[];
  flatRows: string[];
}

/** The fit of one major group in one country (see the header); null when the evidence publishes none of its minor groups. */
export function fitMajorGroup({ rows, evidence, prior }: MajorGroupFitInput): MajorGroupFit | null {
  const minorGroups = [...evidence.keys()].sort();
  const published = minorGroups.filter((k) => evidence.get(k) !== null);
  const pooled = minorGroups.filter((k) => evidence.get(k) === null);
  const evidenceTotal = published.reduce((sum, k) => sum + evidence.get(k)!, 0);
  const sectors = [...rows.keys()].sort();
  const rowTotal = sectors.reduce((sum, s) => sum + rows.get(s)!, 0);
  if (evidenceTotal <= 0 || sectors.length === 0 || rowTotal <= 0) return null;

  const raw = sectors.map((s) => minorGroups.map((k) => Math.max(0, prior(s, k))));
  const priorTotal = raw.flat().reduce((a, b) => a + b, 0);
  const pooledPrior = raw.reduce(
    (sum, row) => sum + pooled.reduce((acc, k) => acc + row[minorGroups.indexOf(k)], 0),
    0,
  );
  const pooledShare = pooled.length === 0 ? 0 : priorTotal > 0 ? pooledPrior / priorTotal : 0;
  // Columns: each published minor group, then the pool (when any).
  const columnTargets = [
    ...published.map((k) => (evidence.get(k)! / evidenceTotal) * (1 - pooledShare) * rowTotal),
    ...(pooled.length > 0 ? [pooledShare * rowTotal] : []),
  ];
  const columnOf = (row: number[]) => [
    ...published.map((k) => row[minorGroups.indexOf(k)]),
    ...(pooled.length > 0 ? [pooled.reduce((sum, k) => sum + row[minorGroups.indexOf(k)], 0)] : []),
  ];
  const matrix = raw.map(columnOf);
  const columnNames = [...published, ...(pooled.length > 0 ? ['pool'] : [])];
  const flatColumns: string[] = [];
  columnNames.forEach((name, j) => {
    if (columnTargets[j] > 0 && matrix.every((row) => row[j] === 0)) {
      if (name === 'pool') flatColumns.push(...pooled);
      else flatColumns.push(name);
      sectors.forEach((s, i) => (matrix[i][j] = rows.get(s)! / rowTotal));
    }
  });
  const flatRows: string[] = [];
  sectors.forEach((s, i) => {
    if (rows.get(s)! > 0 && matrix[i].every((cell) => cell === 0)) {
      flatRows.push(s);
      matrix[i] = columnTargets.map((target) => target / rowTotal);
    }
  });
  const fit = fitToMargins(
    matrix,
    sectors.map((s) => rows.get(s)!),
    columnTargets,
  );
  const shares = new Map<string, Map<string, number>>();
  sectors.forEach((s, i) => {
    const figure = rows.get(s)!;
    const ofSector = new Map<string, number>();
    if (figure > 0) {
      published.forEach((k, j) => {
        if (fit.cells[i][j] > 0) ofSector.set(k, fit.cells[i][j] / figure);
      });
      if (pooled.length > 0) {
        const poolCell = fit.cells[i][published.length];
        const weights = pooled.map((k) => raw[i][minorGroups.indexOf(k)]);
        const weightTotal = weights.reduce((a, b) => a + b, 0);
        pooled.forEach((k, p) => {
          const part = weightTotal > 0 ? weights[p] / weightTotal : 1 / pooled.length;
          if (poolCell * part > 0) ofSector.set(k, (poolCell * part) / figure);
        });
      }
    }
    shares.set(s, ofSector);
  });
  return { shares, iterations: fit.iterations, converged: fit.converged, pooled, flatColumns, flatRows };
}

/**
 * National figures per KldB 2010 group (3 digits) as figures per ISCO-08 minor group, through the
 * BA's key: each KldB group's figure is spread evenly over its 5-digit codes, each going to its
 * recommended ISCO-08 unit group (`key`: KldB 3-digit group → minor group → number of its 5-digit codes).
 */
export function minorGroupsFromKldb(
  figures: Map<string, number>,
  key: Map<string, Map<string, number>>,
): Map<string, number> {
  const result = new Map<string, number>();
  for (const [group, value] of figures) {
    const targets = key.get(group);
    if (!targets) continue;
    const codes = [...targets.values()].reduce((a, b) => a + b, 0);
    for (const [minor, count] of targets) result.set(minor, (result.get(minor) ?? 0) + (value * count) / codes);
  }
  return result;
}

/** A margin a split was fitted to: what it fixes, from which source, of which period and region. */
export interface DemandMargin {
  /** What the margin fixes, e.g. "sector × ISCO major group" or "ISCO minor groups within the major group". */
  role: string;
  source: string;
  period: string;
  region: string;
  /** How many years the margin's period lies before the figure's (0: the same year; negative: after it). */
  yearsBefore: number;
}

/** One coarse figure's split by national evidence: its minor groups' shares (summing to 1), in words, and the margins. */
export interface NationalShares {
  minorShares: Map<string, number>;
  method: string;
  margins: DemandMargin[];
}
