import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import { projectRoot } from '../config.js';
import { rocAuc, spearman } from '../intelligence/agreement.js';
import { occupationRelevance, skillRelevance } from '../intelligence/relevance.js';
import { readEscoExport, resolveVersion } from '../taxonomy/esco-files.js';
import { snapshotFromExport } from '../taxonomy/export-snapshot.js';
import type { SkillRow } from '../taxonomy/store.js';

/**
 * `npm run eval:green`: how the hub's occupation green relevance agrees with an outside reference, the
 * O*NET green potential index and green-job flags (../shared/data/onet-green-potential), reached
 * through the official ESCO–O*NET crosswalk (an ESCO occupation takes the mean index of the O*NET
 * occupations it is mapped to, any match type). Same snapshot code and relevance functions as the API.
 */
const shared = path.resolve(projectRoot, '..', 'shared', 'data');
const escoDir = process.env.ESCO_DIR ?? path.join(shared, 'esco-v1.1.1-en');
const csv = (file: string, skip = 0) =>
  parse(fs.readFileSync(file), { columns: true, bom: true, from_line: skip + 1, skip_empty_lines: true }) as Array<
    Record<string, string>
  >;

const esco = await readEscoExport(escoDir);
const snapshot = snapshotFromExport(esco, resolveVersion(escoDir, undefined, esco.newestModifiedDate).version);
const skillScore = new Map<string, number>();
const relevanceOf = (skill: SkillRow) => {
  let score = skillScore.get(skill.uri);
  if (score === undefined) {
    const skills = (direction: 'up' | 'down') =>
      snapshot
        .neighbours(direction, skill.uri)
        .filter((c) => c.kind === 'Skill')
        .map((c) => ({ collections: (c as SkillRow).collections ?? [] }));
    score = skillRelevance(
      { collections: skill.collections ?? [], broader: skills('up'), narrower: skills('down') },
      'green',
    );
    skillScore.set(skill.uri, score);
  }
  return score;
};

const potential = new Map(
  csv(path.join(shared, 'onet-green-potential', 'S3_occupational_green_potential.csv')).map((r) => [
    r['ONETSOC Code'],
    Number(r['Occupation Green Potential Index']),
  ]),
);
const greenJob = new Map(
  csv(path.join(shared, 'onet-green-potential', 'S1-2_green_brown_jobs.csv')).map((r) => [
    r['ONET SOC Code'],
    r.Green === '1',
  ]),
);
const onetOf = new Map<string, string[]>();
for (const row of csv(path.join(shared, 'esco-national-crosswalks', 'crosswalk_esco_onet.csv'), 16)) {
  const uri = row['ESCO or ISCO URI'];
  if (!uri.includes('/esco/occupation/')) continue;
  onetOf.set(uri, [...(onetOf.get(uri) ?? []), row['O*NET Id']]);
}

const ours: number[] = [];
const reference: number[] = [];
const flagged: boolean[] = [];
for (const occupation of snapshot.currentOccupations()) {
  const codes = (onetOf.get(occupation.uri) ?? []).filter((code) => potential.has(code));
  if (codes.length === 0) continue;
  const essential = snapshot.skillsOf('ESSENTIAL_SKILL', occupation.uri).map(relevanceOf);
  const optional = snapshot.skillsOf('OPTIONAL_SKILL', occupation.uri).map(relevanceOf);
  ours.push(occupationRelevance(essential, optional));
  reference.push(codes.reduce((sum, code) => sum + potential.get(code)!, 0) / codes.length);
  flagged.push(codes.some((code) => greenJob.get(code)));
}
const n = ours.length;
const round = (value: number) => Math.round(value * 1000) / 1000;
const result = {
  occupations: n,
  spearmanWithGreenPotentialIndex: round(spearman(ours, reference)),
  aucForGreenJobFlag: round(rocAuc(ours, flagged)),
  greenJobs: flagged.filter(Boolean).length,
  meanOccupationGreenRelevance: round(ours.reduce((s, v) => s + v, 0) / n),
};
if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
else {
  process.stdout.write(
    `Occupation green relevance (ESCO ${esco.skills.size} skills) against the O*NET green potential index, ${n} ESCO occupations with a crosswalk match:\n` +
      `  Spearman rank correlation with the index: ${result.spearmanWithGreenPotentialIndex}\n` +
      `  ROC AUC for O*NET's green-job flag (${result.greenJobs} flagged): ${result.aucForGreenJobFlag}\n` +
      `  mean occupation green relevance: ${result.meanOccupationGreenRelevance}\n`,
  );
}
