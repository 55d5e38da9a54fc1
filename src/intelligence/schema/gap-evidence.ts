import type { RankedSlice, SkillGap } from '../gaps.js';

/**
 * The evidence of a slice's rows, derived for the rows read (gaps.ts: addEvidence): the rows a request reads
 * together, in the same turn of the event loop, in one derivation. Keyed by a row's contribution list, which
 * the copies of a row (ranked, with its slice) share.
 */
export const rowEvidence = new WeakMap<SkillGap['contributions'], (skillUri: string) => Promise<void>>();

export function evidenceBatch(addEvidence: RankedSlice['addEvidence']): (skillUri: string) => Promise<void> {
  let asked: string[] = [];
  let batch: Promise<void> | null = null;
  return (skillUri) => {
    asked.push(skillUri);
    batch ??= new Promise<void>((resolve, reject) =>
      setImmediate(() => {
        const uris = asked;
        asked = [];
        batch = null;
        try {
          addEvidence(uris);
          resolve();
        } catch (error) {
          reject(error);
        }
      }),
    );
    return batch;
  };
}

/** A row with its contributions derived (the figures behind its demand): what its evidence and explanation show. */
export async function withEvidence<T extends SkillGap>(gap: T): Promise<T> {
  await rowEvidence.get(gap.contributions)?.(gap.skillUri);
  return gap;
}
