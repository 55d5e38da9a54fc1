import path from 'node:path';
import { projectRoot } from '../config.js';
import {
  Bm25LabelBaseline,
  evaluateSplit,
  evaluateSuggestions,
  readValidationSplit,
  validationSplits,
} from '../linking/evaluation.js';
import { SkillLinker } from '../linking/linker.js';
import { stems } from '../retrieval/text.js';
import { linkableSkillsFromSnapshot } from '../linking/skills.js';
import { readEscoExport, resolveVersion } from '../taxonomy/esco-files.js';
import { snapshotFromExport } from '../taxonomy/export-snapshot.js';

/**
 * `npm run eval:skills [-- --json]`: RP@5 and RP@10 of the skill linker on the validation splits,
 * through SkillLinker.link, the call behind the linkSkills query; and the precision and recall of the
 * suggestions a profile receives from text (SkillLinker.suggest), on every annotated sentence.
 * ESCO_DIR and SKILL_EVAL_DIR override the default ../shared locations.
 */
const shared = path.resolve(projectRoot, '..', 'shared', 'data');
const escoDir = process.env.ESCO_DIR ?? path.join(shared, 'esco-v1.1.1-en');
const evalDir = process.env.SKILL_EVAL_DIR ?? path.join(shared, 'skill-extraction-validation');

const buildStarted = performance.now();
const esco = await readEscoExport(escoDir);
// The skills the hub would serve after importing this export (same reference check, same snapshot code).
const skills = linkableSkillsFromSnapshot(
  snapshotFromExport(esco, resolveVersion(escoDir, undefined, esco.newestModifiedDate).version),
);
const linker = new SkillLinker(skills); // the linkSkills code path
const buildSeconds = Math.round((performance.now() - buildStarted) / 100) / 10;
const knownLabels = new Set([...esco.skills.values()].map((skill) => skill.preferredLabel));

const baseline = new Bm25LabelBaseline(skills, stems);
const splits = validationSplits(evalDir).map(({ split, file }) => ({ split, sentences: readValidationSplit(file) }));
const results = splits.map(({ split, sentences }) => evaluateSplit(split, sentences, linker, knownLabels));
const baselineResults = splits.map(({ split, sentences }) => evaluateSplit(split, sentences, baseline, knownLabels));
const suggestionResults = validationSplits(evalDir).map(({ split, file }) =>
  evaluateSuggestions(split, readValidationSplit(file, { withoutSkills: true }), (text) => linker.suggest(text)),
);

// The table's ms/sentence is one cold pass; a service links many texts, so also time five warm passes over all sentences.
const allSentences = splits.flatMap(({ sentences }) => sentences.map(({ sentence }) => sentence));
const warmStarted = performance.now();
for (let pass = 0; pass < 5; pass++) for (const sentence of allSentences) linker.link(sentence, 10);
const warmMsPerSentence = Math.round(((performance.now() - warmStarted) / (5 * allSentences.length)) * 100) / 100;

if (process.argv.includes('--json')) {
  process.stdout.write(
    `${JSON.stringify({ escoDir, buildSeconds, results, baselineResults, suggestionResults, warmMsPerSentence }, null, 2)}\n`,
  );
} else {
  process.stdout.write(
    `Skill linking on ${path.basename(escoDir)} (${linker.skillCount} skills; read and indexed in ${buildSeconds} s)\n\n`,
  );
  process.stdout.write(
    '| method | split | sentences | RP@5 | RP@10 | ms/sentence | gold labels not in this ESCO release |\n|---|---|---:|---:|---:|---:|---:|\n',
  );
  const rows = [
    ...results.map((r) => ['hub linker (linkSkills)', r] as const),
    ...baselineResults.map((r) => ['BM25 over labels (reference method)', r] as const),
  ];
  for (const [method, r] of rows) {
    process.stdout.write(
      `| ${method} | ${r.split} | ${r.sentences} | ${r.rp5} | ${r.rp10} | ${r.msPerSentence} | ${r.goldLabelsNotInTaxonomy} of ${r.goldLabels} |\n`,
    );
  }
  process.stdout.write(
    '\nSuggestions from text (SkillLinker.suggest), every annotated sentence:\n\n| split | sentences | suggestions | correct | gold skills | precision % | recall % |\n|---|---:|---:|---:|---:|---:|---:|\n',
  );
  for (const r of suggestionResults)
    process.stdout.write(
      `| ${r.split} | ${r.sentences} | ${r.suggestions} | ${r.correct} | ${r.goldSkills} | ${r.precision} | ${r.recall} |\n`,
    );
  process.stdout.write(
    `\nms/sentence above: one cold pass. Warm (5 more passes over all ${allSentences.length} sentences): ${warmMsPerSentence} ms/sentence.\n`,
  );
}
