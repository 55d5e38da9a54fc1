import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { Bm25LabelBaseline, evaluateSplit, readValidationSplit, validationSplits } from '../../src/linking/evaluation.js';
import { SkillLinker } from '../../src/linking/linker.js';
import { linkableSkillsFromExport } from '../../src/linking/skills.js';
import { stems } from '../../src/linking/text.js';
import { readEscoExport } from '../../src/taxonomy/esco-files.js';
import { escoDir } from '../helpers.js';

/**
 * A floor under linking quality on the benchmark's validation splits, so a change that makes linking
 * worse fails here (figures: `npm run eval:skills`). The floors sit a little under today's figures and
 * well above the BM25 reference method measured in the same run.
 */
describe('skill linking quality (validation splits)', () => {
  it('stays well above the BM25 reference method', async () => {
    const esco = await readEscoExport(escoDir);
    const skills = linkableSkillsFromExport(esco);
    const linker = new SkillLinker(skills);
    const baseline = new Bm25LabelBaseline(skills, stems);
    const known = new Set(skills.map((skill) => skill.preferredLabel));
    const evalDir = path.resolve(projectRoot, '..', 'shared', 'data', 'skill-extraction-validation');
    const [tech, house] = validationSplits(evalDir).map(({ split, file }) => {
      const sentences = readValidationSplit(file);
      return { ours: evaluateSplit(split, sentences, linker, known), reference: evaluateSplit(split, sentences, baseline, known) };
    });
    expect(tech.ours.sentences).toBe(75);
    expect(house.ours.sentences).toBe(61);
    expect(tech.ours.rp5).toBeGreaterThanOrEqual(67);
    expect(house.ours.rp5).toBeGreaterThanOrEqual(47);
    expect(tech.ours.rp5 - tech.reference.rp5).toBeGreaterThanOrEqual(8);
    expect(house.ours.rp5 - house.reference.rp5).toBeGreaterThanOrEqual(8);
  });
});
