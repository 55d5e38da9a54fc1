import { round } from '../numbers.js';
import { pushTo } from '../collections.js';
import { Bm25Index } from '../retrieval/bm25.js';
import { type LabelType, LabelIndex, conceptLabels, isContiguous, windowCoverage } from '../retrieval/labels.js';
import { analyse } from '../retrieval/text.js';
import { ABBREVIATIONS, IRREGULAR, RANK_WORDS, TITLE_NOISE, canonicaliser } from './title-words.js';

/**
 * Finds ESCO occupations from what people type: a job title ("Senior Java Developer (m/w/d)") or a
 * sentence about their work ("I drove a forklift in a warehouse for six years"). No external model:
 * built once per taxonomy release, in memory; a query is a few postings walks.
 *
 * Text is analysed like skill linking (lower case, stop words, Porter2 stems), then canonicalised so
 * that the ways people say a job meet the way ESCO names it: irregular verbs to their base form
 * ("drove" → drive), agent nouns to their verb when the verb is an ESCO word ("driver" → drive,
 * "welder" → weld, "teacher" → teach), common title abbreviations expanded ("mgr" → manager), and
 * the noise of job-ad titles dropped ("senior", "m/w/d", "full time").
 *
 * Score of an occupation = its best label + 0.6 × all labels + 0.3 × description + 0.5 × skills, where
 * - label: for each preferred, alternative or hidden label, the IDF weight of its words found in the
 *   text; labelCoverage = found / the label's weight, queryCoverage = found / the text's weight;
 *   label score = labelCoverage² × (0.4 + 0.6 × queryCoverage) × type weight (preferred 1, alternative
 *   0.95, hidden 0.85), +0.5 when the text is exactly the label (so "electrician" ranks electrician
 *   above domestic electrician), ×1.2 when the label's words stand in the text as one phrase, or else
 *   when a title of up to six words ends with the label's last word, its head noun ("… engineer");
 *   ×0.7 when the label has a grade word the text lacks (RANK_WORDS: "assistant", "aide", "helper",
 *   "apprentice", "trainee", "auxiliary"), so "registered general nurse" does not find "assistant nurse" first;
 * - all labels: the share of the text's weight whose words stand in any of the occupation's labels, one
 *   word from one label and another from another ("registered general nurse": "general" from "nurse
 *   responsible for general care", "nurse" from all of them), so an occupation whose titles explain more of
 *   the text rises above one whose single best label fits a part of it ("assistant nurse");
 * - description: BM25 of the text against each occupation's description, divided by the best such
 *   score of the query (0–1);
 * - skills: the skills the skill linker finds in the text (given by the caller: the 20 best, TEXT_SKILLS in
 *   occupation-finder.ts), each crediting the occupations that list it, essential 1 and optional 0.5,
 *   weighted by the link score and by how
 *   specific the skill is (log of occupations / occupations listing it), summed, divided by
 *   √(the occupation's essential + 0.5 × optional skills) so that listing many skills does not win by
 *   count alone, and by the best such sum of the query (0–1).
 * Description and skills can propose occupations no label matched. IDF, BM25 and label matching are the
 * retrieval core's (src/retrieval/), shared with the skill linker.
 * Every hit carries those parts as evidence.
 */

export interface SearchableOccupation {
  uri: string;
  preferredLabel: string;
  altLabels?: string[];
  hiddenLabels?: string[];
  description?: string | null;
  essentialSkills?: string[];
  optionalSkills?: string[];
}

export type OccupationLabelType = LabelType;

export interface OccupationSearchEvidence {
  matchedLabel: string | null;
  labelType: OccupationLabelType | null;
  labelCoverage: number;
  queryCoverage: number;
  exactLabel: boolean;
  /** The text names the label: all of its words, within one word more than the label's length ("drove a forklift" names "forklift driver"). */
  labelNamed: boolean;
  labelScore: number;
  /** Share of the text's weight that the occupation's labels explain together (any label for any word). */
  allLabelsCoverage: number;
  descriptionScore: number;
  skillScore: number;
  /** The linked skills of the text that this occupation lists, strongest first (at most 5). */
  matchedSkills: Array<{ uri: string; relation: 'ESSENTIAL' | 'OPTIONAL' }>;
  method: string;
}

export interface OccupationSearchHit {
  uri: string;
  preferredLabel: string;
  score: number;
  evidence: OccupationSearchEvidence;
}

/** A skill found in the text, as the skill linker returns it. */
export interface TextSkill {
  uri: string;
  score: number;
}

/** For evaluation only: hide one occupation's labels (by their text) and/or its description, as if unseen. */
export interface SearchExclusion {
  uri: string;
  labels?: string[];
  description?: boolean;
}

export const OCCUPATION_SEARCH_METHOD =
  'label-coverage+exact+phrase, all-labels-coverage, description-bm25, linked-skills (Porter2 stems; agent nouns, irregular verbs, title noise)';

const WEIGHTS = {
  rankMissing: 0.7,
  allLabels: 0.6,
  description: 0.3,
  skills: 0.5,
  exact: 0.5,
  phrase: 1.2,
  labelType: { PREFERRED: 1, ALTERNATIVE: 0.95, HIDDEN: 0.85 } as Record<OccupationLabelType, number>,
};

const QUERY_TOKEN_LIMIT = 200;

export class OccupationSearch {
  readonly size: number;
  private readonly occupations: SearchableOccupation[];
  /** Every label of every occupation, IDF over occupations. */
  private readonly labels: LabelIndex;
  /** One document per occupation: its description. */
  private readonly descriptions: Bm25Index;
  /** Per skill URI, the occupations listing it (index, relation weight). */
  private readonly skillOccupations = new Map<string, Array<[occupation: number, weight: number]>>();
  private readonly skillSpecificity = new Map<string, number>();
  /** √(essential + 0.5 × optional skills) per occupation: an occupation listing many skills does not win by count alone. */
  private readonly skillMass: number[];
  private readonly canonical: (word: string) => string;
  private readonly rankKeys: Set<string>;

  constructor(occupations: SearchableOccupation[], vocabulary: Iterable<string> = []) {
    this.occupations = occupations;
    this.size = occupations.length;
    const known = new Set<string>();
    for (const word of vocabulary) for (const token of analyse(word)) known.add(token.stem);
    for (const occupation of occupations)
      for (const token of analyse(occupation.description ?? '')) known.add(token.stem);
    this.canonical = canonicaliser(known);
    this.rankKeys = new Set(RANK_WORDS.flatMap((word) => this.keys(word, false)));

    this.labels = new LabelIndex(
      occupations.flatMap((occupation, owner) => conceptLabels(owner, occupation, (text) => this.keys(text))),
      { idfOver: 'owners', ownerCount: occupations.length },
    );
    this.descriptions = new Bm25Index(occupations.map((occupation) => this.keys(occupation.description ?? '', false)));
    occupations.forEach((occupation, index) => {
      for (const uri of occupation.essentialSkills ?? [])
        pushTo(this.skillOccupations, uri, [index, 1] as [number, number]);
      for (const uri of occupation.optionalSkills ?? [])
        pushTo(this.skillOccupations, uri, [index, 0.5] as [number, number]);
    });
    for (const [uri, list] of this.skillOccupations)
      this.skillSpecificity.set(uri, Math.log(1 + occupations.length / list.length));
    this.skillMass = occupations.map((o) =>
      Math.sqrt(Math.max(1, (o.essentialSkills?.length ?? 0) + 0.5 * (o.optionalSkills?.length ?? 0))),
    );
  }

  /** The canonical keys of a text, in order (title noise dropped when `dropNoise`). */
  keys(text: string, dropNoise = true): string[] {
    const expanded = text
      .replace(/\(\s*[mwfdhx]\s*(\/\s*[mwfdhx]\s*)+\)|\b[mwfdhx]\s*\/\s*[mwfdhx](\s*\/\s*[mwfdhx])*\b/gi, ' ')
      .split(/([^A-Za-z0-9+#.]+)/)
      .map((part) => ABBREVIATIONS[part.toLowerCase()] ?? IRREGULAR[part.toLowerCase()] ?? part)
      .join('');
    const keys: string[] = [];
    for (const token of analyse(expanded)) {
      if (dropNoise && TITLE_NOISE.has(token.surface)) continue;
      keys.push(this.canonical(token.stem));
      if (keys.length >= QUERY_TOKEN_LIMIT) break;
    }
    return keys;
  }

  search(
    text: string,
    options: { first?: number; skills?: TextSkill[]; exclude?: SearchExclusion } = {},
  ): OccupationSearchHit[] {
    const first = options.first ?? 10;
    const keys = this.keys(text);
    const queryKeys = [...new Set(keys)].filter(
      (key) => this.labels.weight(key) !== undefined || this.descriptions.has(key),
    );
    const queryWeight = queryKeys.reduce((sum, key) => sum + (this.labels.weight(key) ?? 0), 0);
    const normalisedQuery = [...new Set(keys)].join(' ');
    const excluded = options.exclude ? this.exclusion(options.exclude) : null;

    const positions = new Map<string, number[]>();
    keys.forEach((key, position) => pushTo(positions, key, position));
    const queryKeySet = new Set(keys);
    const best = new Map<
      number,
      { label: number; score: number; labelCoverage: number; queryCoverage: number; exact: boolean }
    >();
    const matches = this.labels.matches(queryKeys);
    for (let i = 0; i < matches.labels.length; i++) {
      const labelId = matches.labels[i];
      const weight = matches.weights[i];
      const label = this.labels.labels[labelId];
      if (excluded?.labels.has(labelId)) continue;
      const labelCoverage = weight / label.totalWeight;
      const queryCoverage = queryWeight > 0 ? weight / queryWeight : 0;
      const exact = label.normalised === normalisedQuery;
      const phrase = labelCoverage === 1 && label.keys.length > 1 && isContiguous(label.keys, positions);
      const head =
        !phrase &&
        keys.length <= 6 &&
        label.keys.length > 1 &&
        label.keys[label.keys.length - 1] === keys[keys.length - 1];
      const rankMissing = label.keys.some((key) => this.rankKeys.has(key) && !queryKeySet.has(key));
      const score =
        (labelCoverage ** 2 * (0.4 + 0.6 * queryCoverage) * WEIGHTS.labelType[label.type] +
          (exact ? WEIGHTS.exact * WEIGHTS.labelType[label.type] : 0)) *
        (phrase ? WEIGHTS.phrase : head ? 1.2 : 1) *
        (rankMissing ? WEIGHTS.rankMissing : 1);
      const current = best.get(label.owner);
      if (!current || score > current.score)
        best.set(label.owner, { label: labelId, score, labelCoverage, queryCoverage, exact });
    }

    // How much of the query all of an occupation's labels explain together.
    const together = this.labels.ownerWeights(queryKeys, (label) => excluded?.labels.has(label) ?? false);

    // Skills found in the text credit the occupations that list them.
    const skillSums = new Map<number, number>();
    const skillMatches = new Map<number, Array<{ uri: string; relation: 'ESSENTIAL' | 'OPTIONAL'; credit: number }>>();
    for (const skill of options.skills ?? []) {
      const specificity = this.skillSpecificity.get(skill.uri);
      if (specificity === undefined) continue;
      for (const [occupation, relationWeight] of this.skillOccupations.get(skill.uri)!) {
        const credit = (skill.score * specificity * relationWeight) / this.skillMass[occupation];
        skillSums.set(occupation, (skillSums.get(occupation) ?? 0) + credit);
        pushTo(skillMatches, occupation, {
          uri: skill.uri,
          relation: relationWeight === 1 ? ('ESSENTIAL' as const) : ('OPTIONAL' as const),
          credit,
        });
      }
    }
    const bestSkillSum = Math.max(0, ...skillSums.values());

    const description = this.descriptions.scores(queryKeys, { skip: excluded?.description ?? -1 });
    const candidates = new Set<number>([...best.keys(), ...skillSums.keys(), ...description.keys()]);
    const bestDescription = Math.max(0, ...description.values());

    const hits = [...candidates].map((occupation) => {
      const label = best.get(occupation);
      const descriptionScore = bestDescription > 0 ? (description.get(occupation) ?? 0) / bestDescription : 0;
      const skillScore = bestSkillSum > 0 ? (skillSums.get(occupation) ?? 0) / bestSkillSum : 0;
      const allLabels = queryWeight > 0 ? (together.get(occupation) ?? 0) / queryWeight : 0;
      const score =
        (label?.score ?? 0) +
        WEIGHTS.description * descriptionScore +
        WEIGHTS.skills * skillScore +
        WEIGHTS.allLabels * allLabels;
      return { occupation, label, descriptionScore, skillScore, allLabels, score };
    });
    hits.sort(
      (a, b) =>
        b.score - a.score ||
        (this.occupations[a.occupation].preferredLabel < this.occupations[b.occupation].preferredLabel ? -1 : 1),
    );
    return hits.slice(0, first).map(({ occupation, label, descriptionScore, skillScore, allLabels, score }) => {
      const matchedLabel = label ? this.labels.labels[label.label] : null;
      return {
        uri: this.occupations[occupation].uri,
        preferredLabel: this.occupations[occupation].preferredLabel,
        score: round(score, 3),
        evidence: {
          matchedLabel: matchedLabel?.text ?? null,
          labelType: matchedLabel?.type ?? null,
          labelCoverage: round(label?.labelCoverage ?? 0, 3),
          queryCoverage: round(label?.queryCoverage ?? 0, 3),
          exactLabel: label?.exact ?? false,
          labelNamed:
            matchedLabel !== null &&
            label!.labelCoverage === 1 &&
            windowCoverage(
              matchedLabel,
              positions,
              (key) => this.labels.weight(key) ?? 0,
              matchedLabel.keys.length + 1,
            ) === 1,
          labelScore: round(label?.score ?? 0, 3),
          allLabelsCoverage: round(allLabels, 3),
          descriptionScore: round(descriptionScore, 3),
          skillScore: round(skillScore, 3),
          matchedSkills: (skillMatches.get(occupation) ?? [])
            .sort((a, b) => b.credit - a.credit)
            .slice(0, 5)
            .map(({ uri, relation }) => ({ uri, relation })),
          method: OCCUPATION_SEARCH_METHOD,
        },
      };
    });
  }

  private exclusion(exclude: SearchExclusion): { labels: Set<number>; description: number | null } {
    const occupation = this.occupations.findIndex((o) => o.uri === exclude.uri);
    const hidden = new Set((exclude.labels ?? []).map((text) => [...new Set(this.keys(text))].join(' ')));
    const labels = new Set<number>();
    this.labels.labels.forEach((label, id) => {
      if (label.owner === occupation && hidden.has(label.normalised)) labels.add(id);
    });
    return { labels, description: exclude.description ? occupation : null };
  }
}
