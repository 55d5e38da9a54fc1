/** Agreement statistics between a score and an outside reference. Pure. */

/** Ranks with ties given their mean rank (1-based). */
export function ranks(values: number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const result = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1].value === order[start].value) end += 1;
    const mean = (start + end) / 2 + 1;
    for (let k = start; k <= end; k += 1) result[order[k].index] = mean;
    start = end + 1;
  }
  return result;
}

function pearson(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

/** Spearman's rank correlation (Pearson on tie-averaged ranks). */
export function spearman(x: number[], y: number[]): number {
  return pearson(ranks(x), ranks(y));
}

/** Area under the ROC curve: the chance a positive scores above a negative (ties count half). */
export function rocAuc(scores: number[], positive: boolean[]): number {
  const r = ranks(scores);
  const positives = positive.filter(Boolean).length;
  const negatives = positive.length - positives;
  if (positives === 0 || negatives === 0) return 0.5;
  const rankSum = r.reduce((sum, rank, i) => sum + (positive[i] ? rank : 0), 0);
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
