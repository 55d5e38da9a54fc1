import { pushTo } from '../collections.js';
import { type Token, analyse, exactKey } from '../text.js';

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
 */

export type LinkLabelType = 'PREFERRED' | 'ALTERNATIVE' | 'HIDDEN';

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

interface LabelDoc {
  skill: number;
  text: string;
  type: LinkLabelType;
  /** Distinct stems, in label order. */
  stems: string[];
  totalWeight: number;
}

export class SkillLinker {
  readonly skillCount: number;
  private readonly skills: LinkableSkill[];
  private readonly labels: LabelDoc[] = [];
  private readonly labelPostings = new Map<string, number[]>();
  private readonly labelIdf = new Map<string, number>();
  /** Scratch space for link(): matched weight per label, all zero between calls (link is synchronous). */
  private readonly matchedWeight: Float64Array;
  /** Scratch space for link(): 1 for the skills a label matched, all zero between calls. */
  private readonly isCandidate: Uint8Array;
  /** Per stem, the skills whose description holds it and how often, as parallel typed arrays (fast to walk). */
  private readonly descriptionPostings = new Map<string, { skills: Int32Array; termFrequencies: Uint16Array }>();
  private readonly descriptionIdf = new Map<string, number>();
  private readonly descriptionLength: number[] = [];
  private readonly averageDescriptionLength: number;
  private readonly priors: number[];
  private readonly broaderOf: number[][];

  constructor(
    skills: LinkableSkill[],
    private readonly options: LinkerOptions = DEFAULT_LINKER_OPTIONS,
  ) {
    this.skills = skills;
    this.skillCount = skills.length;

    const seen = new Set<string>();
    const descriptionPostings = new Map<string, Array<[number, number]>>();
    skills.forEach((skill, index) => {
      const add = (text: string, type: LinkLabelType) => {
        const stems = [...new Set(analyse(text, { namesExact: true }).map((token) => token.stem))];
        const key = `${index}\u0000${stems.join(' ')}`;
        if (stems.length === 0 || seen.has(key)) return;
        seen.add(key);
        const id = this.labels.push({ skill: index, text, type, stems, totalWeight: 0 }) - 1;
        for (const stem of stems) pushTo(this.labelPostings, stem, id);
      };
      add(skill.preferredLabel, 'PREFERRED');
      for (const label of skill.altLabels ?? []) add(label, 'ALTERNATIVE');
      for (const label of skill.hiddenLabels ?? []) add(label, 'HIDDEN');

      const counts = new Map<string, number>();
      const tokens = skill.description ? analyse(skill.description) : [];
      for (const token of tokens) counts.set(token.stem, (counts.get(token.stem) ?? 0) + 1);
      for (const [stem, count] of counts) pushTo(descriptionPostings, stem, [index, count] as [number, number]);
      this.descriptionLength.push(tokens.length);
    });

    const idf = (documents: number, containing: number) =>
      Math.log(1 + (documents - containing + 0.5) / (containing + 0.5));
    for (const [stem, postings] of this.labelPostings)
      this.labelIdf.set(stem, idf(this.labels.length, postings.length));
    for (const label of this.labels)
      label.totalWeight = label.stems.reduce((sum, stem) => sum + this.labelIdf.get(stem)!, 0);
    this.matchedWeight = new Float64Array(this.labels.length);
    for (const [stem, postings] of descriptionPostings) {
      this.descriptionIdf.set(stem, idf(skills.length, postings.length));
      this.descriptionPostings.set(stem, {
        skills: Int32Array.from(postings, ([skill]) => skill),
        termFrequencies: Uint16Array.from(postings, ([, count]) => Math.min(count, 65535)),
      });
    }
    this.isCandidate = new Uint8Array(skills.length);
    this.averageDescriptionLength = this.descriptionLength.reduce((a, b) => a + b, 0) / Math.max(1, skills.length);
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
      const label = this.labels[shown.label];
      const via = candidate.viaNarrower === null ? null : this.skills[candidate.viaNarrower];
      return {
        uri: this.skills[candidate.skill].uri,
        preferredLabel: this.skills[candidate.skill].preferredLabel,
        score: round(candidate.score),
        evidence: {
          matchedText: matchedSpan(tokens, new Set(label.stems)),
          matchedLabel: label.text,
          labelType: label.type,
          labelCoverage: round(own?.coverage ?? 0),
          phraseMatch: own?.phrase ?? false,
          labelScore: round(own?.score ?? 0),
          descriptionScore: round(candidate.descriptionScore),
          prior: round(this.priors[candidate.skill]),
          hierarchyScore: round(candidate.hierarchyScore),
          viaNarrowerSkill: via && { uri: via.uri, preferredLabel: via.preferredLabel },
          method: LINK_METHOD,
        },
      };
    });
  }

  /** Label side: each skill's best-scoring label, from the IDF weight of its words found in the text. */
  private bestLabelPerSkill(positions: Map<string, number[]>): Map<number, LabelMatch> {
    // Matched weight per label, in a reused array (a Map here dominated the cost).
    const matchedWeight = this.matchedWeight;
    const touched: number[] = [];
    for (const stem of positions.keys()) {
      const weight = this.labelIdf.get(stem);
      if (weight === undefined) continue;
      for (const label of this.labelPostings.get(stem)!) {
        if (matchedWeight[label] === 0) touched.push(label);
        matchedWeight[label] += weight;
      }
    }
    // Read out and clear at once, so the scratch array is clean for the next call whatever happens below.
    const weights = touched.map((labelId) => {
      const weight = matchedWeight[labelId];
      matchedWeight[labelId] = 0;
      return weight;
    });
    const best = new Map<number, LabelMatch>();
    touched.forEach((labelId, index) => {
      const weight = weights[index];
      const label = this.labels[labelId];
      const coverage = weight / label.totalWeight;
      const phrase = coverage === 1 && label.stems.length > 1 && isContiguous(label.stems, positions);
      const score =
        weight *
        coverage ** this.options.coverageExponent *
        this.options.labelTypeWeight[label.type] *
        (phrase ? this.options.phraseBonus : 1);
      const current = best.get(label.skill);
      if (!current || score > current.score) best.set(label.skill, { label: labelId, score, coverage, phrase });
    });
    return best;
  }

  /** Description side: BM25 of the text against the candidates' descriptions only (a description alone never proposes a skill). */
  private descriptionScores(
    positions: Map<string, number[]>,
    candidates: Map<number, LabelMatch>,
  ): Map<number, number> {
    const description = new Map<number, number>();
    const { bm25K1: k1, bm25B: b } = this.options;
    for (const skill of candidates.keys()) this.isCandidate[skill] = 1;
    for (const stem of positions.keys()) {
      const idf = this.descriptionIdf.get(stem);
      if (idf === undefined) continue;
      const { skills, termFrequencies } = this.descriptionPostings.get(stem)!;
      for (let i = 0; i < skills.length; i++) {
        const skill = skills[i];
        if (this.isCandidate[skill] === 0) continue;
        const tf = termFrequencies[i];
        const norm = tf + k1 * (1 - b + (b * this.descriptionLength[skill]) / this.averageDescriptionLength);
        description.set(skill, (description.get(skill) ?? 0) + (idf * tf * (k1 + 1)) / norm);
      }
    }
    for (const skill of candidates.keys()) this.isCandidate[skill] = 0;
    return description;
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

/** True when the label's stems occur in the text one after another, in order. */
function isContiguous(labelStems: string[], positions: Map<string, number[]>): boolean {
  return positions
    .get(labelStems[0])!
    .some((start) => labelStems.every((stem, offset) => positions.get(stem)!.includes(start + offset)));
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

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
