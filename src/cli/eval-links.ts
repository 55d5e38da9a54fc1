import fs from 'node:fs';
import path from 'node:path';
import { fromIfateStandards } from '../catalogue/ifate.js';
import { qualificationOccupations } from '../catalogue/import.js';
import {
  type CurrentSuggestion,
  linkPrecision,
  matchPrecision,
  parseLabels,
  parseOccupationLabels,
} from '../catalogue/link-precision.js';
import { suggestLinks } from '../catalogue/linking.js';
import type { Qualification } from '../catalogue/model.js';
import { qualificationOutcomes } from '../catalogue/qualification-store.js';
import { validateQualification } from '../catalogue/validation.js';
import { projectRoot } from '../config.js';
import { SkillLinker } from '../linking/linker.js';
import { linkableSkillsFromSnapshot } from '../linking/skills.js';
import { readEscoExport, resolveVersion } from '../taxonomy/esco-files.js';
import { snapshotFromExport } from '../taxonomy/export-snapshot.js';
import { occupationLevels } from '../taxonomy/isco-levels.js';
import { findOccupations, occupationSearchFromSnapshot } from '../linking/occupation-finder.js';

/**
 * `npm run eval:links [-- --json]`: the precision of the skill links suggested for IfATE statements, against
 * the hand-labelled validation sets in test/fixtures/linking/ (link-precision.ts), for all suggestions and
 * for those qualification coverage counts. Without a database: ESCO and the IfATE file are read from
 * ../shared (ESCO_DIR, IFATE_FILE override), linked and matched to occupations as the import does.
 */
const shared = path.resolve(projectRoot, '..', 'shared', 'data');
const escoDir = process.env.ESCO_DIR ?? path.join(shared, 'esco-v1.1.1-en');
const ifateFile =
  process.env.IFATE_FILE ?? path.join(shared, 'catalogues', 'uk-ifate-apprenticeship-standards-2021', 'standards.json');
const labelsDir = path.join(projectRoot, 'test', 'fixtures', 'linking');

const esco = await readEscoExport(escoDir);
const snapshot = snapshotFromExport(esco, resolveVersion(escoDir, undefined, esco.newestModifiedDate).version);
const linker = new SkillLinker(linkableSkillsFromSnapshot(snapshot));
const search = occupationSearchFromSnapshot(snapshot);

const reading = fromIfateStandards(JSON.parse(fs.readFileSync(ifateFile, 'utf8')), path.basename(ifateFile));
const qualifications = reading.qualifications.flatMap((input) => {
  const result = validateQualification(input);
  return result.ok ? [result.value] : [];
});
const matches = qualificationOccupations(
  qualifications,
  (text, first) => findOccupations(search, linker, text, { first }),
  occupationLevels(snapshot.currentOccupations()),
);
const needs = (q: Qualification) => {
  const occupations = (matches.get(q.id) ?? []).map((m) => m.uri);
  const essential = occupations.flatMap((uri) => snapshot.skillsOf('ESSENTIAL_SKILL', uri).map((s) => s.uri));
  const optional = occupations.flatMap((uri) => snapshot.skillsOf('OPTIONAL_SKILL', uri).map((s) => s.uri));
  return { essential, all: new Set([...essential, ...optional]) };
};

const sets = fs
  .readdirSync(labelsDir)
  .filter((file) => file.includes('-link-') && file.endsWith('-labels.tsv'))
  .sort();
const results = sets.map((file) => {
  const labels = parseLabels(fs.readFileSync(path.join(labelsDir, file), 'utf8'));
  const statements = new Set(labels.map((l) => `${l.qualificationId}\u0000${l.statement}`));
  const suggestions: CurrentSuggestion[] = [];
  for (const q of qualifications) {
    const { essential, all } = needs(q);
    for (const outcome of qualificationOutcomes(q)) {
      const statement = outcome.text.replace(/[\t\n\r]+/g, ' ').trim();
      if (!statements.has(`${q.id}\u0000${statement}`)) continue;
      for (const s of suggestLinks(linker, [
        {
          outcomeId: outcome.id,
          text: outcome.text,
          stated: outcome.stated,
          targetSkills: essential,
          ofQualification: true,
        },
      ]))
        suggestions.push({
          qualificationId: q.id,
          statement,
          skillUri: s.skillUri,
          strong: s.strong,
          occupational: all.has(s.skillUri),
        });
    }
  }
  return {
    file,
    pairs: labels.length,
    right: labels.filter((l) => l.right).length,
    ...linkPrecision(labels, suggestions),
  };
});

const occupationLabels = parseOccupationLabels(
  fs.readFileSync(path.join(labelsDir, 'ifate-occupation-labels.tsv'), 'utf8'),
);
const occupations = matchPrecision(
  occupationLabels,
  new Map([...matches].map(([id, list]) => [id, list.map((m) => m.uri)])),
);

if (process.argv.includes('--json'))
  process.stdout.write(`${JSON.stringify({ links: results, occupations }, null, 2)}\n`);
else {
  process.stdout.write(
    `ifate-occupation-labels.tsv: ${occupations.qualifications} standards; ${occupations.matched} matched to ${occupations.matches} occupations (${occupations.unlabelled} not labelled); ` +
      `${occupations.right} right, precision ${occupations.precision ?? '–'}; ${occupations.withRight} standards with a right match\n`,
  );
  for (const r of results) {
    process.stdout.write(
      `\n${r.file}: ${r.pairs} labelled pairs (${r.right} right); the linker now makes ${r.suggestions} suggestions for their statements, ${r.unlabelled} not labelled\n\n`,
    );
    process.stdout.write('| rule | kept | labelled | right | precision | recall |\n|---|---:|---:|---:|---:|---:|\n');
    for (const rule of r.rules)
      process.stdout.write(
        `| ${rule.rule} | ${rule.kept} | ${rule.labelled} | ${rule.right} | ${rule.precision ?? '–'} | ${rule.recall ?? '–'} |\n`,
      );
  }
}
