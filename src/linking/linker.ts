import { pushTo } from '../collections.js';
import { round } from '../numbers.js';
import { Bm25Index } from '../retrieval/bm25.js';
import { type LabelType, LabelIndex, isContiguous } from '../retrieval/labels.js';
import { type Token, analyse, exactKey } from '../retrieval/text.js';

/**
 * Links free text (a learning outcome, a CV paragraph, a job ad) to ESCO skills, without any external
 * model. Pure and in memory: built once per taxonomy release, then each call is a few postings walks.
 *
 * Each skill is indexed through every label (preferred, alternative, hidden) and its description.
 * A label scores by how much of its information the text contains: the IDF weight of its words found
 * in the text, times the share of its weight found (squared, so a label present in full beats one
 * present in part), times a bonus when its words stand in the text as one contiguous phrase. A skill
 * takes its best label, plus a weaker BM25 signal from its description and a small prior for skills
 * many occupations need. Every link says which words matched which label, and how it was scored.
 *
 * The formula (weights named in DEFAULT_LINKER_OPTIONS):
 *   score          = text score + hierarchy credit
 *   text score     = (best label score + descriptionWeight 0.15 × BM25 of the description) × prior
 *   label score    = matched IDF × coverage ^ coverageExponent 2 × labelTypeWeight (preferred 1,
 *                    alternative 0.95, hidden 0.85) × (phraseBonus 1.5 when all its words, two or more, stand as one phrase)
 *   coverage       = matched IDF ÷ the label's total IDF (the IDF weights of its distinct stems)
 *   prior          = 1 + priorWeight 0.05 × ln(1 + occupations listing the skill)
 *   hierarchy credit = broaderWeight 0.2 × the best text score among the skill's matched narrower skills
 *                    (one level up; a skill the text does not name can be proposed through it alone)
 * The description is scored only for skills a label proposed (BM25 k1 1.2, b 0.75): a description alone
 * never proposes a skill. Words a label writes with a capital letter (names, acronyms: SAP, Solidity)
 * match only as written, never through their stem ("solid" does not propose Solidity).
 * Text analysis, IDF, BM25 and label matching are the retrieval core's (src/retrieval/), shared with occupation search.
 */

export type LinkLabelType = LabelType;

export interface LinkableSkill {
  uri: string;
  preferredLabel: string;
  altLabels?: string[];
  hiddenLabels?: string[];
  description?: string | null;
  /** How many occupations list the skill as essential or optional; a weak prior. */
  occupationCount?: number;
  /** URIs of the skill's broader skills (ESCO skill pillar), to credit a general skill its specific ones imply. */
  broaderSkills?: string[];
}

export interface LinkEvidence {
  /** The words of the text that matched, as one span from first to last matched word. */
  matchedText: string;
  matchedLabel: string;
  labelType: LinkLabelType;
  /** Share of the label's IDF weight found in the text (1 = every word of the label). */
  labelCoverage: number;
  /** The label's words stand in the text in order and next to each other. */
  phraseMatch: boolean;
  labelScore: number;
  descriptionScore: number;
  prior: number;
  /** Credit from a matched narrower skill (0 when none). */
  hierarchyScore: number;
  /** The narrower skill whose match credited this one, if any. */
  viaNarrowerSkill: { uri: string; preferredLabel: string } | null;
  method: string;
}

export interface SkillLink {
  uri: string;
  preferredLabel: string;
  score: number;
  evidence: LinkEvidence;
}

export interface LinkerOptions {
  coverageExponent: number;
  phraseBonus: number;
  labelTypeWeight: Record<LinkLabelType, number>;
  descriptionWeight: number;
  priorWeight: number;
  bm25K1: number;
  bm25B: number;
  broaderWeight: number;
}

export const DEFAULT_LINKER_OPTIONS: LinkerOptions = {
  coverageExponent: 2,
  phraseBonus: 1.5,
  labelTypeWeight: { PREFERRED: 1, ALTERNATIVE: 0.95, HIDDEN: 0.85 },
  descriptionWeight: 0.15,
  priorWeight: 0.05,
  bm25K1: 1.2,
  bm25B: 0.75,
  broaderWeight: 0.2,
};

export const LINK_METHOD =
  'label-coverage+phrase+description-bm25+broader-skill-credit (natural: Porter stems, stop words)';

export class SkillLinker {
  readonly skillCount: number;
  private readonly skills: LinkableSkill[];
  /** Every label of every skill, IDF over labels. */
  private readonly labels: LabelIndex;
  /** One document per skill: its description. */
  private readonly descriptions: Bm25Index;
  /** Scratch space for link(): 1 for the skills a label matched, all zero between calls (link is synchronous). */
  private readonly isCandidate: Uint8Array;
  private readonly priors: number[];
  private readonly broaderOf: number[][];

  constructor(
    skills: LinkableSkill[],
    private readonly options: LinkerOptions = DEFAULT_LINKER_OPTIONS,
  ) {
    this.skills = skills;
    this.skillCount = skills.length;
    const keys = (text: string) => analyse(text, { namesExact: true }).map((token) => token.stem);
    this.labels = new LabelIndex(
      skills.flatMap((skill, owner) => [
        { owner, text: skill.preferredLabel, type: 'PREFERRED' as const, keys: keys(skill.preferredLabel) },
        ...(skill.altLabels ?? []).map((text) => ({ owner, text, type: 'ALTERNATIVE' as const, keys: keys(text) })),
        ...(skill.hiddenLabels ?? []).map((text) => ({ owner, text, type: 'HIDDEN' as const, keys: keys(text) })),
      ]),
      { idfOver: 'labels', ownerCount: skills.length },
    );
    this.descriptions = new Bm25Index(
      skills.map((skill) => (skill.description ? analyse(skill.description).map((token) => token.stem) : [])),
      { k1: options.bm25K1, b: options.bm25B },
    );
    this.isCandidate = new Uint8Array(skills.length);
    const indexOf = new Map(skills.map((skill, index) => [skill.uri, index]));
    this.broaderOf = skills.map((skill) =>
      (skill.broaderSkills ?? [])
        .map((uri) => indexOf.get(uri))
        .filter((index): index is number => index !== undefined),
    );
    this.priors = skills.map((skill) => 1 + options.priorWeight * Math.log1p(skill.occupationCount ?? 0));
  }

  /** The best `first` skills for the text, best first. Empty when no word of the text is in any label. */
  link(text: string, first = 10): SkillLink[] {
    const tokens = analyse(text);
    if (tokens.length === 0) return [];
    const positions = new Map<string, number[]>();
    for (const token of tokens) {
      pushTo(positions, token.stem, token.position);
      pushTo(positions, exactKey(token.surface), token.position);
    }

    const best = this.bestLabelPerSkill(positions);
    if (best.size === 0) return [];
    const description = this.descriptionScores(positions, best);

    const ranked: Candidate[] = [...best.entries()].map(([skill, match]) => {
      const descriptionScore = description.get(skill) ?? 0;
      const textScore = (match.score + this.options.descriptionWeight * descriptionScore) * this.priors[skill];
      return { skill, match, descriptionScore, textScore, viaNarrower: null, hierarchyScore: 0, score: textScore };
    });
    this.creditBroaderSkills(ranked);
    ranked.sort(
      (x, y) =>
        y.score - x.score || this.skills[x.skill].preferredLabel.localeCompare(this.skills[y.skill].preferredLabel),
    );

    return ranked.slice(0, first).map((candidate) => {
      // A skill credited only through a narrower one shows the narrower skill's match as its evidence.
      const own = candidate.match;
      const shown = own ?? best.get(candidate.viaNarrower!)!;
      const label = this.labels.labels[shown.label];
      const via = candidate.viaNarrower === null ? null : this.skills[candidate.viaNarrower];
      return {
        uri: this.skills[candidate.skill].uri,
        preferredLabel: this.skills[candidate.skill].preferredLabel,
        score: round(candidate.score, 3),
        evidence: {
          matchedText: matchedSpan(tokens, new Set(label.keys)),
          matchedLabel: label.text,
          labelType: label.type,
          labelCoverage: round(own?.coverage ?? 0, 3),
          phraseMatch: own?.phrase ?? false,
          labelScore: round(own?.score ?? 0, 3),
          descriptionScore: round(candidate.descriptionScore, 3),
          prior: round(this.priors[candidate.skill], 3),
          hierarchyScore: round(candidate.hierarchyScore, 3),
          viaNarrowerSkill: via && { uri: via.uri, preferredLabel: via.preferredLabel },
          method: LINK_METHOD,
        },
      };
    });
  }

  /** Label side: each skill's best-scoring label, from the IDF weight of its words found in the text. */
  private bestLabelPerSkill(positions: Map<string, number[]>): Map<number, LabelMatch> {
    const best = new Map<number, LabelMatch>();
    const { labels, weights } = this.labels.matches(positions.keys());
    for (let i = 0; i < labels.length; i++) {
      const labelId = labels[i];
      const weight = weights[i];
      const label = this.labels.labels[labelId];
      const coverage = weight / label.totalWeight;
      const phrase = coverage === 1 && label.keys.length > 1 && isContiguous(label.keys, positions);
      const score =
        weight *
        coverage ** this.options.coverageExponent *
        this.options.labelTypeWeight[label.type] *
        (phrase ? this.options.phraseBonus : 1);
      const current = best.get(label.owner);
      if (!current || score > current.score) best.set(label.owner, { label: labelId, score, coverage, phrase });
    }
    return best;
  }

  /** Description side: BM25 of the text against the candidates' descriptions only (a description alone never proposes a skill). */
  private descriptionScores(
    positions: Map<string, number[]>,
    candidates: Map<number, LabelMatch>,
  ): Map<number, number> {
    const isCandidate = this.isCandidate;
    for (const skill of candidates.keys()) isCandidate[skill] = 1;
    try {
      return this.descriptions.scores(positions.keys(), { only: isCandidate });
    } finally {
      for (const skill of candidates.keys()) isCandidate[skill] = 0;
    }
  }

  /**
   * Job ads and outcomes often name a specific tool or task where the taxonomy's answer is the general skill
   * above it ("troubleshoot website" → "perform ICT troubleshooting"). Each broader skill of a matched skill
   * gets `broaderWeight` × the best text score among its matched narrower skills; one level up only.
   */
  private creditBroaderSkills(ranked: Candidate[]): void {
    const { broaderWeight } = this.options;
    if (broaderWeight <= 0) return;
    const credit = new Map<number, { from: number; score: number }>();
    for (const { skill, textScore } of ranked) {
      for (const parent of this.broaderOf[skill]) {
        const current = credit.get(parent);
        if (!current || textScore * broaderWeight > current.score)
          credit.set(parent, { from: skill, score: textScore * broaderWeight });
      }
    }
    const bySkill = new Map(ranked.map((candidate) => [candidate.skill, candidate]));
    for (const [parent, { from, score }] of credit) {
      const candidate = bySkill.get(parent);
      if (candidate) {
        candidate.viaNarrower = from;
        candidate.hierarchyScore = score;
        candidate.score += score;
      } else {
        ranked.push({
          skill: parent,
          match: null,
          descriptionScore: 0,
          textScore: 0,
          viaNarrower: from,
          hierarchyScore: score,
          score,
        });
      }
    }
  }
}

interface LabelMatch {
  label: number;
  score: number;
  coverage: number;
  phrase: boolean;
}

interface Candidate {
  skill: number;
  /** The skill's own best label match; null when only a narrower skill matched. */
  match: LabelMatch | null;
  descriptionScore: number;
  /** (label score + description weight × description score) × prior. */
  textScore: number;
  viaNarrower: number | null;
  hierarchyScore: number;
  score: number;
}

function matchedSpan(tokens: Token[], labelStems: Set<string>): string {
  const matched = tokens.filter((token) => labelStems.has(token.stem) || labelStems.has(exactKey(token.surface)));
  if (matched.length === 0) return '';
  const from = matched[0].position;
  const to = matched[matched.length - 1].position;
  return tokens
    .slice(from, to + 1)
    .map((token) => token.surface)
    .join(' ');
}
