import type { WriteTransaction } from '../graph/client.js';
import type { ReleaseLinker } from '../linking/cache.js';
import type { SkillLinker } from '../linking/linker.js';

/**
 * Links each learning outcome to ESCO skills as suggestions a curator can accept or reject.
 * Suggestions are replaced on every re-link; accepted, rejected and hand-added links never are,
 * and a skill a curator rejected is not suggested again for that outcome.
 *
 * suggestion score = the linker's score (src/linking/linker.ts) × TARGET_OCCUPATION_BOOST 1.25 when the skill
 * is essential for an occupation the offer targets; kept only when the skill's own label covers at least
 * MIN_LABEL_COVERAGE 0.6 of its information (a hierarchy credit alone never becomes a suggestion), at most
 * SUGGESTIONS_PER_OUTCOME 5 per outcome (from the linker's best 15), best first. An offer stating no outcomes is linked through its
 * title, without the words that name the kind of offer or its audience (OFFER_FORM_WORDS); a qualification stating none,
 * through its title and description alike. On 430 hand-labelled suggestions for IfATE statements, 24.7% were right
 * (docs/catalogue-registers.md): suggestions are for review, and coverage counts them at half.
 *
 * Strong evidence (`strong`): the text holds every word of the skill's preferred label. ESCO's alternative
 * labels include single common words ("current", "scale") and generic phrases ("work in a team" for "work in a
 * construction team") that a statement uses in another sense: on the labelled sample, 49% of links through the
 * whole preferred label were right, 22% of those through a whole alternative label, 18% of partial matches.
 * A qualification route counts a suggestion only with strong evidence or for a skill its occupations need (gaps.ts).
 */

export const SUGGESTIONS_PER_OUTCOME = 5;
/**
 * A suggestion needs most (60 %) of a skill label's IDF-weighted information in the outcome text: one word of
 * an evenly weighted two-word label is not enough.
 */
export const MIN_LABEL_COVERAGE = 0.6;
/** Skills essential for an occupation the offer targets are more likely meant. */
export const TARGET_OCCUPATION_BOOST = 1.25;

export interface SuggestedLink {
  outcomeId: string;
  skillUri: string;
  score: number;
  /** Strong evidence: every word of the skill's preferred label is in the text (see the header). */
  strong: boolean;
  method: string;
  matchedText: string;
  matchedLabel: string;
}

export interface OutcomeToLink {
  outcomeId: string;
  text: string;
  stated: boolean;
  /** An outcome of a qualification (whose unstated outcome is its title and description, not a title alone). */
  ofQualification?: boolean;
  /** Essential skills of the occupations the offer targets. */
  targetSkills: string[];
}

/**
 * Words a title uses to say what kind of offer it is or whom it is for, not what it teaches: linked on their
 * own they propose "develop training programmes" for any "training programme". Dropped from a title that
 * stands in for missing outcomes.
 */
export const OFFER_FORM_WORDS = [
  'training',
  'programme',
  'program',
  'course',
  'module',
  'micro',
  'credential',
  'microcredential',
  'qualification',
  'microqualification',
  'certificate',
  'certification',
  'diploma',
  'award',
  'introduction',
  'basic',
  'level',
  'employee',
  'worker',
  'practitioner',
  'engineer',
  'specialist',
];
const OFFER_FORM_PATTERN = new RegExp(`\\b(?:${OFFER_FORM_WORDS.join('|')})s?\\b`, 'gi');

/** The part of a title that names the subject: "International welding engineer (IWE)" → "International welding (IWE)". */
export function titleSubject(title: string): string {
  return title.replace(OFFER_FORM_PATTERN, ' ').replace(/\s+/g, ' ').trim();
}

/** Whether a link's evidence is strong (see the header): every word of the skill's preferred label is in the text. */
export function strongEvidence(evidence: { labelType: string; labelCoverage: number }): boolean {
  return evidence.labelType === 'PREFERRED' && evidence.labelCoverage >= 0.99;
}

/** Pure: the suggestions for each outcome, best first. */
export function suggestLinks(linker: SkillLinker, outcomes: OutcomeToLink[]): SuggestedLink[] {
  return outcomes.flatMap(({ outcomeId, text, stated, targetSkills, ofQualification }) => {
    const targets = new Set(targetSkills);
    return linker
      .link(stated ? text : titleSubject(text), SUGGESTIONS_PER_OUTCOME * 3)
      .filter((link) => link.evidence.labelCoverage >= MIN_LABEL_COVERAGE)
      .map((link) => {
        const boosted = targets.has(link.uri);
        const strong = strongEvidence(link.evidence);
        const notes = [
          boosted ? `×${TARGET_OCCUPATION_BOOST} essential for a targeted occupation` : null,
          strong ? 'strong evidence: the whole preferred label' : null,
          stated
            ? null
            : ofQualification
              ? 'from the title and description, without words naming the kind of offer: the qualification states no learning outcomes'
              : 'from the title, without words naming the kind of offer: the offer states no learning outcomes',
        ].filter(Boolean);
        return {
          outcomeId,
          skillUri: link.uri,
          score: Math.round(link.score * (boosted ? TARGET_OCCUPATION_BOOST : 1) * 1000) / 1000,
          strong,
          method: [link.evidence.method, ...notes].join('; '),
          matchedText: link.evidence.matchedText,
          matchedLabel: link.evidence.matchedLabel,
        };
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, SUGGESTIONS_PER_OUTCOME);
  });
}

/**
 * Re-links the outcomes of these offers (or qualifications) inside the caller's transaction; returns how many suggestions
 * they hold afterwards. A suggestion the linker makes again unchanged is left as it is (its linkedAt
 * too), so re-importing an unchanged offer changes nothing; changed and dropped suggestions are replaced.
 */
export async function relinkOutcomes(
  tx: WriteTransaction,
  release: ReleaseLinker,
  credentialIds: string[],
): Promise<number> {
  if (credentialIds.length === 0) return 0;
  const outcomes = (await tx.run(
    `UNWIND $ids AS id
     MATCH (m:MicroCredential|Qualification {id: id})-[:HAS_OUTCOME]->(lo:LearningOutcome)
     RETURN lo.id AS outcomeId, lo.text AS text, coalesce(lo.stated, true) AS stated, m:Qualification AS ofQualification,
            COLLECT { MATCH (m)-[:TARGETS]->(:Occupation)-[:ESSENTIAL_SKILL]->(s:Skill) RETURN DISTINCT s.uri } AS targetSkills`,
    { ids: credentialIds },
  )) as unknown as OutcomeToLink[];
  const suggestions = suggestLinks(release.linker, outcomes);
  const evidence = (row: { score: number; method: string; matchedText: string; matchedLabel: string }) => [
    row.score,
    row.method,
    row.matchedText,
    row.matchedLabel,
    release.taxonomyVersion,
  ];
  const unchanged = Object.fromEntries(suggestions.map((row) => [`${row.outcomeId} ${row.skillUri}`, evidence(row)]));
  await tx.run(
    `UNWIND $outcomeIds AS outcomeId
     MATCH (:LearningOutcome {id: outcomeId})-[d:DEVELOPS {state: 'SUGGESTED'}]->(s:Skill)
     WITH d, $unchanged[outcomeId + ' ' + s.uri] AS wanted
     WHERE wanted IS NULL OR wanted <> [d.score, d.method, d.matchedText, d.matchedLabel, d.taxonomyVersion]
     DELETE d`,
    { outcomeIds: outcomes.map((o) => o.outcomeId), unchanged },
  );
  const [{ suggested }] = (await tx.run(
    `UNWIND $rows AS row
     MATCH (lo:LearningOutcome {id: row.outcomeId})
     MATCH (s:Skill {uri: row.skillUri})
     CALL (lo, s, row) {
       WITH lo, s, row WHERE NOT EXISTS { (lo)-[:DEVELOPS]->(s) }
       CREATE (lo)-[:DEVELOPS {state: 'SUGGESTED', score: row.score, strong: row.strong, method: row.method, matchedText: row.matchedText,
                               matchedLabel: row.matchedLabel, taxonomyVersion: $taxonomyVersion, linkedAt: datetime()}]->(s)
     }
     RETURN count(CASE WHEN EXISTS { (lo)-[:DEVELOPS {state: 'SUGGESTED'}]->(s) } THEN 1 END) AS suggested`,
    { rows: suggestions, taxonomyVersion: release.taxonomyVersion },
  )) as Array<{ suggested: number }>;
  return suggested;
}
