import path from 'node:path';
import { projectRoot } from '../config.js';
import { SkillLinker } from '../linking/linker.js';
import { linkableSkillsFromSnapshot } from '../linking/skills.js';
import { readEscoExport, resolveVersion } from '../taxonomy/esco-files.js';
import { snapshotFromExport } from '../taxonomy/export-snapshot.js';
import { evaluateQueries, heldOutDescriptions, heldOutTitles, onetTitles } from '../linking/occupation-evaluation.js';
import { findOccupations, searchableOccupationsFromSnapshot, skillVocabulary } from '../linking/occupation-finder.js';
import { OccupationSearch } from '../linking/occupation-search.js';

/**
 * `npm run eval:occupations [-- --json]`: acc@1/5/10 of occupation search on validation sets built
 * from ESCO itself and from Nesta's ESCO↔O*NET crosswalk (src/linking/occupation-evaluation.ts),
 * through findOccupations, the call behind searchOccupations. ESCO_DIR overrides the ESCO location.
 */
const shared = path.resolve(projectRoot, '..', 'shared', 'data');
const escoDir = process.env.ESCO_DIR ?? path.join(shared, 'esco-v1.1.1-en');
const crosswalk = path.join(
  shared,
  'nesta-mapping-career-causeways',
  'ONET_ESCO_crosswalk',
  'esco_onet_crosswalk_Nov2020.csv',
);

const buildStarted = performance.now();
const esco = await readEscoExport(escoDir);
const snapshot = snapshotFromExport(esco, resolveVersion(escoDir, undefined, esco.newestModifiedDate).version);
const skills = linkableSkillsFromSnapshot(snapshot);
const linker = new SkillLinker(skills);
const occupations = searchableOccupationsFromSnapshot(snapshot);
const search = new OccupationSearch(occupations, skillVocabulary(skills));
const buildSeconds = Math.round((performance.now() - buildStarted) / 100) / 10;

const sets = [
  { name: 'ESCO titles, held out', queries: heldOutTitles(occupations) },
  { name: 'ESCO descriptions, held out', queries: heldOutDescriptions(occupations) },
  { name: 'O*NET titles (Nesta crosswalk)', queries: onetTitles(crosswalk, new Set(occupations.map((o) => o.uri))) },
];
const results = sets.map(({ name, queries }) =>
  evaluateQueries(name, queries, (query) =>
    findOccupations(search, linker, query.text, { first: 10, exclude: query.exclude }),
  ),
);

if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ escoDir, buildSeconds, results }, null, 2)}\n`);
} else {
  process.stdout.write(
    `Occupation search on ${path.basename(escoDir)} (${search.size} occupations; read and indexed in ${buildSeconds} s)\n\n`,
  );
  process.stdout.write(
    '| set | queries | acc@1 | acc@5 | acc@10 | ms/query | p95 ms |\n|---|---:|---:|---:|---:|---:|---:|\n',
  );
  for (const r of results)
    process.stdout.write(
      `| ${r.set} | ${r.queries} | ${r.acc1} | ${r.acc5} | ${r.acc10} | ${r.msPerQuery} | ${r.p95Ms} |\n`,
    );
}
