import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { projectRoot } from '../config.js';
import { spearman } from '../intelligence/agreement.js';
import { occupationIndexOf } from '../intelligence/store.js';
import { neighboursFromSnapshot } from '../matching/neighbours.js';
import { VIABLE_SIMILARITY, rankTransitions } from '../matching/transitions.js';
import { readEscoExport, resolveVersion } from '../taxonomy/esco-files.js';
import { snapshotFromExport } from '../taxonomy/export-snapshot.js';

/**
 * `npm run eval:transitions`: how our career transitions compare with Nesta's Mapping Career Causeways,
 * per occupation both cover: our count of viable transitions (similarity ≥ 0.5, src/matching/transitions.ts)
 * against Nesta's counts of desirable transitions (viable by their similarity, and not to a lower job
 * zone or much lower pay), as a rank correlation, with the medians. Same index and ranking code as the API.
 */
const shared = path.resolve(projectRoot, '..', 'shared', 'data');
const escoDir = process.env.ESCO_DIR ?? path.join(shared, 'esco-v1.1.1-en');
const nestaFile = path.join(
  shared,
  'nesta-mapping-career-causeways',
  'transitions',
  'mcc_transitions_Occupation_data.csv',
);

const esco = await readEscoExport(escoDir);
const snapshot = snapshotFromExport(esco, resolveVersion(escoDir, undefined, esco.newestModifiedDate).version);
const index = occupationIndexOf(snapshot);
const neighbours = neighboursFromSnapshot(snapshot);
const nesta = (parse(fs.readFileSync(nestaFile), { columns: true, bom: true }) as Array<Record<string, string>>).filter(
  (row) => index.byUri.has(row.concept_uri),
);

const started = performance.now();
const similarities = nesta.map((row) =>
  rankTransitions(row.concept_uri, index, neighbours, { demand: null, automation: () => null }).map(
    (t) => t.similarity,
  ),
);
const ours = similarities.map((list) => list.filter((s) => s >= VIABLE_SIMILARITY).length);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const msPerOccupation = Math.round(((performance.now() - started) / nesta.length) * 100) / 100;

const columns = ['n_desirable', 'n_desirable_and_highly_viable', 'n_safe_desirable'];
// The viability threshold is ours (half of the target's skill fit); other thresholds shown for comparison, not chosen by them.
const atThreshold = [0.3, 0.4, 0.5].map((threshold) => {
  const counts = similarities.map((list) => list.filter((s) => s >= threshold).length);
  return {
    threshold,
    median: median(counts),
    spearmanWithDesirable:
      Math.round(
        spearman(
          counts,
          nesta.map((row) => Number(row.n_desirable)),
        ) * 1000,
      ) / 1000,
  };
});
const result = {
  occupations: nesta.length,
  atThreshold,
  msPerOccupation,
  ourMedianViable: median(ours),
  ourWithNone: ours.filter((n) => n === 0).length,
  comparisons: columns.map((column) => {
    const theirs = nesta.map((row) => Number(row[column]));
    return { column, theirMedian: median(theirs), spearman: Math.round(spearman(ours, theirs) * 1000) / 1000 };
  }),
};
if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
else {
  process.stdout.write(
    `Career transitions on ${nesta.length} occupations both cover (${msPerOccupation} ms per occupation)\n`,
  );
  process.stdout.write(
    `Ours: viable transitions (similarity ≥ ${VIABLE_SIMILARITY}) per occupation, median ${result.ourMedianViable}; ${result.ourWithNone} occupations with none.\n\n`,
  );
  process.stdout.write('| Nesta count | Nesta median | Spearman with ours |\n|---|---:|---:|\n');
  for (const c of result.comparisons) process.stdout.write(`| ${c.column} | ${c.theirMedian} | ${c.spearman} |\n`);
  process.stdout.write(
    '\n| our similarity threshold | our median count | Spearman with n_desirable |\n|---:|---:|---:|\n',
  );
  for (const t of atThreshold) process.stdout.write(`| ${t.threshold} | ${t.median} | ${t.spearmanWithDesirable} |\n`);
}
