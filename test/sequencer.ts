import fs from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest's order (slowest and largest first), except that the integration files starting from full ESCO
 * (those calling freshGraphWithEsco or freshGraphWithEscoAndDemand, test/helpers.ts) run first and one after
 * another: each finds the ESCO graph the one before left and reuses it, instead of importing it again.
 */
export class EscoFilesTogether extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const usesEsco = (spec: TestSpecification) =>
      spec.project.name === 'integration' && /\bfreshGraphWithEsco/.test(fs.readFileSync(spec.moduleId, 'utf8'));
    return [...sorted.filter(usesEsco), ...sorted.filter((spec) => !usesEsco(spec))];
  }
}
