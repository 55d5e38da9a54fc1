import type { GraphClient } from '../graph/client.js';
import { type AnnexElement, MANDATORY_ELEMENTS } from './model.js';
import type { Completeness } from './completeness.js';

/** Pure aggregations over catalogue rows: occupation coverage and completeness summaries for dashboards. */

export interface SkillCoverageRow {
  skillUri: string;
  offers: Array<{ id: string; confirmed: boolean }>;
}

export interface OccupationCoverage {
  occupationUri: string;
  essentialSkillCount: number;
  coveredSkillCount: number;
  confirmedSkillCount: number;
  coverage: number;
  skills: SkillCoverageRow[];
  method: string;
}

export function occupationCoverage(occupationUri: string, rows: SkillCoverageRow[]): OccupationCoverage {
  const covered = rows.filter((row) => row.offers.length > 0);
  return {
    occupationUri,
    essentialSkillCount: rows.length,
    coveredSkillCount: covered.length,
    confirmedSkillCount: rows.filter((row) => row.offers.some((offer) => offer.confirmed)).length,
    coverage: rows.length === 0 ? 0 : Math.round((covered.length / rows.length) * 100) / 100,
    // Uncovered skills first: they are what a council would act on.
    skills: [...rows].sort((a, b) => a.offers.length - b.offers.length || a.skillUri.localeCompare(b.skillUri)),
    method:
      'share of the occupation’s essential ESCO skills developed by at least one published offer (a learning-outcome link that is suggested, accepted or added; rejected links do not count)',
  };
}

export async function skillCoverageRows(graph: GraphClient, occupationUri: string): Promise<SkillCoverageRow[]> {
  return graph.read<SkillCoverageRow>(
    `MATCH (:Occupation {uri: $uri})-[:ESSENTIAL_SKILL]->(s:Skill)
     OPTIONAL MATCH (s)<-[d:DEVELOPS]-(:LearningOutcome)<-[:HAS_OUTCOME]-(m:MicroCredential {status: 'PUBLISHED'})
     WHERE d.state <> 'REJECTED'
     WITH s, m, max(CASE WHEN d.state IN ['ACCEPTED', 'ADDED'] THEN 1 ELSE 0 END) AS confirmed
     WITH s, collect(CASE WHEN m IS NULL THEN NULL ELSE {id: m.id, confirmed: confirmed = 1} END) AS offers
     RETURN s.uri AS skillUri, offers`,
    { uri: occupationUri },
  );
}

export interface CompletenessSummary {
  offers: number;
  averageScore: number;
  complete: number;
  missing: Array<{ element: AnnexElement; offers: number }>;
  checks: Array<{ check: string; outcome: string; offers: number }>;
}

export function summariseCompleteness(assessments: Completeness[]): CompletenessSummary {
  const missing = new Map<AnnexElement, number>();
  const checks = new Map<string, number>();
  for (const assessment of assessments) {
    for (const element of assessment.missingMandatory) missing.set(element, (missing.get(element) ?? 0) + 1);
    for (const check of assessment.checks)
      checks.set(`${check.check}\u0000${check.outcome}`, (checks.get(`${check.check}\u0000${check.outcome}`) ?? 0) + 1);
  }
  const total = assessments.reduce((sum, a) => sum + a.score, 0);
  return {
    offers: assessments.length,
    averageScore: assessments.length === 0 ? 0 : Math.round((total / assessments.length) * 100) / 100,
    complete: assessments.filter((a) => a.missingMandatory.length === 0).length,
    missing: MANDATORY_ELEMENTS.map((element) => ({ element, offers: missing.get(element) ?? 0 })).filter(
      (row) => row.offers > 0,
    ),
    checks: [...checks.entries()]
      .map(([key, offers]) => {
        const [check, outcome] = key.split('\u0000');
        return { check, outcome, offers };
      })
      .sort((a, b) => a.check.localeCompare(b.check) || a.outcome.localeCompare(b.outcome)),
  };
}
