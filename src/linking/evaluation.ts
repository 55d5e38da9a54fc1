import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { Bm25Index } from '../retrieval/bm25.js';

/**
 * RP@K on the skill-extraction benchmark (Decorte et al. 2022): for each sentence with at least one gold
 * ESCO skill, the share of its gold skills found in the top K, out of min(K, number of gold skills).
 * Gold skills are given by ESCO 1.1.0 preferred label; a gold label missing from the loaded release
 * counts as a miss and is reported.
 */

const NO_SKILL = new Set(['LABEL NOT PRESENT', 'UNDERSPECIFIED']);

export interface EvaluationSentence {
  sentence: string;
  gold: Set<string>;
}

/** The split's sentences with at least one gold skill (for RP@K); `{ withoutSkills: true }` keeps the others, with an empty gold set. */
export function readValidationSplit(file: string, { withoutSkills = false } = {}): EvaluationSentence[] {
  const rows = parse(fs.readFileSync(file), { columns: true, bom: true }) as Array<{ sentence: string; label: string }>;
  const bySentence = new Map<string, Set<string>>();
  for (const row of rows) {
    const gold = bySentence.get(row.sentence) ?? new Set<string>();
    if (!NO_SKILL.has(row.label)) gold.add(row.label);
    bySentence.set(row.sentence, gold);
  }
  return [...bySentence.entries()]
    .filter(([, gold]) => withoutSkills || gold.size > 0)
    .map(([sentence, gold]) => ({ sentence, gold }));
}

export interface SplitResult {
  split: string;
  sentences: number;
  goldLabels: number;
  goldLabelsNotInTaxonomy: number;
  rp5: number;
  rp10: number;
  msPerSentence: number;
}

/** Pure scoring of ranked label lists against gold sets. */
export function rPrecisionAtK(ranked: string[], gold: Set<string>, k: number): number {
  const found = ranked.slice(0, k).filter((label) => gold.has(label)).length;
  return found / Math.min(k, gold.size);
}

export interface RanksSkills {
  link(text: string, first: number): Array<{ preferredLabel: string }>;
}

export function evaluateSplit(
  split: string,
  sentences: EvaluationSentence[],
  linker: RanksSkills,
  knownLabels: Set<string>,
): SplitResult {
  let rp5 = 0;
  let rp10 = 0;
  const started = performance.now();
  for (const { sentence, gold } of sentences) {
    const ranked = linker.link(sentence, 10).map((link) => link.preferredLabel);
    rp5 += rPrecisionAtK(ranked, gold, 5);
    rp10 += rPrecisionAtK(ranked, gold, 10);
  }
  const elapsed = performance.now() - started;
  const goldLabels = new Set(sentences.flatMap(({ gold }) => [...gold]));
  return {
    split,
    sentences: sentences.length,
    goldLabels: goldLabels.size,
    goldLabelsNotInTaxonomy: [...goldLabels].filter((label) => !knownLabels.has(label)).length,
    rp5: Math.round((rp5 / sentences.length) * 1000) / 10,
    rp10: Math.round((rp10 / sentences.length) * 1000) / 10,
    msPerSentence: Math.round((elapsed / sentences.length) * 100) / 100,
  };
}

export interface SuggestionResult {
  split: string;
  sentences: number;
  suggestions: number;
  correct: number;
  goldSkills: number;
  /** Correct suggestions ÷ suggestions, in % (a suggestion on a sentence without a gold skill is wrong). */
  precision: number;
  /** Gold skills suggested ÷ gold skills, in %. */
  recall: number;
}

/**
 * Suggestion quality: what a profile receives from text (SkillLinker.suggest), against the gold skills of
 * every annotated sentence, those annotated with none included. Micro-averaged over the split.
 */
export function evaluateSuggestions(
  split: string,
  sentences: EvaluationSentence[],
  suggest: (text: string) => Array<{ preferredLabel: string }>,
): SuggestionResult {
  let suggestions = 0;
  let correct = 0;
  let goldSkills = 0;
  for (const { sentence, gold } of sentences) {
    const suggested = new Set(suggest(sentence).map((link) => link.preferredLabel));
    suggestions += suggested.size;
    correct += [...suggested].filter((label) => gold.has(label)).length;
    goldSkills += gold.size;
  }
  const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);
  return {
    split,
    sentences: sentences.length,
    suggestions,
    correct,
    goldSkills,
    precision: percent(correct, suggestions),
    recall: percent(correct, goldSkills),
  };
}

export function validationSplits(dir: string): Array<{ split: string; file: string }> {
  return [
    { split: 'TECH validation', file: path.join(dir, 'tech_validation_annotations.csv') },
    { split: 'HOUSE validation', file: path.join(dir, 'house_validation_annotations.csv') },
  ];
}

/**
 * The benchmark's reference method, for a side-by-side figure in the same run: Okapi BM25 with one
 * document per skill made of its preferred and alternative labels, stemmed (Porter2, src/retrieval/text.ts).
 */
export class Bm25LabelBaseline {
  private readonly index: Bm25Index;

  constructor(
    private readonly skills: Array<{ preferredLabel: string; altLabels?: string[] }>,
    private readonly stemsOf: (text: string) => string[],
  ) {
    this.index = new Bm25Index(
      skills.map((skill) => stemsOf([skill.preferredLabel, ...(skill.altLabels ?? [])].join(' \n '))),
    );
  }

  link(text: string, first: number): Array<{ preferredLabel: string }> {
    return [...this.index.scores(new Set(this.stemsOf(text))).entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, first)
      .map(([skill]) => ({ preferredLabel: this.skills[skill].preferredLabel }));
  }
}
