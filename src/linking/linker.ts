import { pushTo } from '../collections.js';
import { round } from '../numbers.js';
import { Bm25Index, idf } from '../retrieval/bm25.js';
import { type LabelType, LabelIndex, conceptLabels, isContiguous, windowCoverage } from '../retrieval/labels.js';
import {
  DOMAIN_KEYS,
  type Token,
  analyse,
  exactKey,
  isDomainWord,
  isPlainNoun,
  keyFamily,
  nounKey,
} from '../retrieval/text.js';

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
  /** URIs of the skill's broader skill groups (ESCO skill pillar), for the similarity of skills (similar-skills.ts). */
  broaderGroups?: string[];
  /** ESCO's skill type: a "knowledge" label is a noun phrase, so its plain nouns take no verb inflection ("work trains"). */
  skillType?: string | null;
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
  /** Share of the label's IDF weight found within a few neighbouring words of one sentence (the suggestion rule). */
  nearbyCoverage: number;
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

/**
 * The skills a text names, as a profile's suggestions: the linker's best SUGGESTION_CANDIDATES links
 * whose best label has nearbyCoverage ≥ SUGGESTION_MIN_COVERAGE:
 *   nearbyCoverage = the largest IDF weight of the label's words found within (its word count +
 *                    SUGGESTION_WINDOW_SLACK 2) positions of one sentence ÷ the label's weight,
 * counting the label's domain words ("use", "work", "knowledge": dropped for ranking) at
 * DOMAIN_WORD_WEIGHT 0.5 of their IDF. So a skill is named, not pieced together from words strewn across
 * a paragraph ("assess … student"), and not by one generic word of its label ("manager" for "manage
 * work"). Measured as precision and recall by `npm run eval:skills` (docs/skill-linking.md).
 */
export const SUGGESTION_CANDIDATES = 30;
export const SUGGESTION_MIN_COVERAGE = 0.75;
export const SUGGESTION_WINDOW_SLACK = 2;
/** A domain word ("use", "work", "knowledge") weighs half its IDF in nearbyCoverage: it belongs to the label but says little. */
export const DOMAIN_WORD_WEIGHT = 0.5;

export const LINK_METHOD =
  'label-coverage+phrase+description-bm25+broader-skill-credit (Porter2 stems, natural stop words)';

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
  /** Per label, its keys with domain words kept ("manage work" → manag, work), for the suggestion rule. */
  private readonly fullKeys: string[][];
  /** IDF over labels of the full keys, a domain word's at DOMAIN_WORD_WEIGHT. */
  private readonly fullWeights = new Map<string, number>();

  constructor(
    skills: LinkableSkill[],
    private readonly options: LinkerOptions = DEFAULT_LINKER_OPTIONS,
  ) {
    this.skills = skills;
    this.skillCount = skills.length;
    // One analysis per label gives both key lists: for ranking, and with domain words for the suggestion rule.
    const fullKeysOf = new Map<string, string[]>();
    this.labels = new LabelIndex(
      skills.flatMap((skill, owner) =>
        conceptLabels(owner, skill, (text) => {
          const { keys, fullKeys } = labelKeys(text, skill.skillType === 'knowledge');
          fullKeysOf.set(fullKeysKey(owner, text), fullKeys);
          return keys;
        }),
      ),
      { idfOver: 'labels', ownerCount: skills.length, family: keyFamily },
    );
    this.fullKeys = this.labels.labels.map((label) => fullKeysOf.get(fullKeysKey(label.owner, label.text))!);
    const holding = new Map<string, number>();
    for (const keys of this.fullKeys) for (const key of keys) holding.set(key, (holding.get(key) ?? 0) + 1);
    for (const [key, count] of holding)
      this.fullWeights.set(
        key,
        idf(this.labels.labels.length, count) * (DOMAIN_KEYS.has(key) ? DOMAIN_WORD_WEIGHT : 1),
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
    for (const token of tokens) for (const key of textKeys(token)) pushTo(positions, key, token.position);

    let full: Map<string, number[]> | null = null;
    const fullPositions = () => {
      if (full === null) {
        full = new Map();
        for (const token of analyse(text, { keepDomainWords: true }))
          for (const key of textKeys(token)) pushTo(full, key, token.position);
      }
      return full;
    };
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
          nearbyCoverage: own ? round(this.nearbyCoverage(shown.label, fullPositions()), 3) : 0,
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

  /** The skills the text names (see SUGGESTION_MIN_COVERAGE), best first. */
  suggest(text: string): SkillLink[] {
    return this.link(text, SUGGESTION_CANDIDATES).filter(
      (link) => link.evidence.nearbyCoverage >= SUGGESTION_MIN_COVERAGE,
    );
  }

  /** The suggestion rule's coverage: the label's words, domain words kept, found within a window of one sentence. */
  private nearbyCoverage(labelId: number, positions: Map<string, number[]>): number {
    const keys = this.fullKeys[labelId];
    const weightOf = (key: string) => this.fullWeights.get(key) ?? 0;
    const totalWeight = keys.reduce((sum, key) => sum + weightOf(key), 0);
    return windowCoverage({ keys, totalWeight }, positions, weightOf, keys.length + SUGGESTION_WINDOW_SLACK);
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

/**
 * A label's keys (stems, exact keys for names, noun keys for the plain nouns of a knowledge label): `keys`
 * for ranking, without domain words, and `fullKeys` with them (distinct), from one analysis.
 */
function labelKeys(text: string, knowledge: boolean): { keys: string[]; fullKeys: string[] } {
  const keys: string[] = [];
  const fullKeys: string[] = [];
  for (const token of analyse(text, { namesExact: true, keepDomainWords: true })) {
    const key = knowledge && isPlainNoun(token) ? nounKey(token.stem) : token.stem;
    fullKeys.push(key);
    if (!isDomainWord(token.surface)) keys.push(key);
  }
  return { keys, fullKeys: [...new Set(fullKeys)] };
}

const fullKeysKey = (owner: number, text: string) => `${owner}\u0000${text}`;

/** The keys a text word matches on: its stem, its exact form, and its noun key unless it is a verb inflection. */
function textKeys(token: Token): string[] {
  const keys = [token.stem, exactKey(token.surface)];
  if (!token.inflected) keys.push(nounKey(token.stem));
  return keys;
}

function matchedSpan(tokens: Token[], labelKeys: Set<string>): string {
  const matched = tokens.filter((token) => textKeys(token).some((key) => labelKeys.has(key)));
  if (matched.length === 0) return '';
  const from = tokens.indexOf(matched[0]);
  const to = tokens.indexOf(matched[matched.length - 1]);
  return tokens
    .slice(from, to + 1)
    .map((token) => token.surface)
    .join(' ');
}
