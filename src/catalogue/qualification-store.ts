import type { GraphClient, WriteTransaction } from '../graph/client.js';
import type { Qualification } from './model.js';
import type { OccupationMatch } from './standard-occupations.js';
import { contentHash, outcomeId } from './store.js';

/**
 * Qualifications in the graph: the record's flat fields on (:Qualification), its statements as
 * (:LearningOutcome) nodes like an offer's (so they are linked to ESCO and reviewed the same way), its
 * duties as (:Duty) nodes mapped to them, and the ESCO occupations it trains for as TARGETS, with the
 * occupation search's evidence when the import found them. Idempotent: an unchanged record keeps its
 * updatedAt, its outcomes and their links.
 */

export interface QualificationOutcomeRow {
  id: string;
  text: string;
  position: number;
  /** false: the qualification states no outcomes; its title and description stand in for linking. */
  stated: boolean;
  kind: string;
  core: boolean | null;
}

/** Graph id of a qualification's statement: the source's id of it (or its text), scoped to the qualification. */
export const qualificationOutcomeId = (qualificationId: string, id: string) => outcomeId(qualificationId, `id: ${id}`);

/** What is linked to ESCO: its statements, or else its title (and description) standing in for them, marked unstated. */
export function qualificationOutcomes(qualification: Qualification): QualificationOutcomeRow[] {
  const stated = qualification.learningOutcomes ?? [];
  if (stated.length > 0)
    return stated.map((outcome, position) => ({
      id: qualificationOutcomeId(qualification.id, outcome.id),
      text: outcome.text,
      position,
      stated: true,
      kind: outcome.kind,
      core: outcome.core,
    }));
  return [
    {
      id: outcomeId(qualification.id, 'description'),
      text: qualification.description ? `${qualification.title}: ${qualification.description}` : qualification.title,
      position: 0,
      stated: false,
      kind: 'OUTCOME',
      core: null,
    },
  ];
}

export async function upsertQualifications(
  tx: WriteTransaction,
  qualifications: Qualification[],
  occupationMatches: Map<string, OccupationMatch[]> = new Map(),
): Promise<void> {
  if (qualifications.length === 0) return;
  const rows = qualifications.map((qualification) => {
    const { learningOutcomes, duties, ...flat } = qualification;
    const matches = occupationMatches.get(qualification.id) ?? [];
    const targets = [
      ...(flat.targetOccupations ?? []).map((uri) => ({ uri, score: null, foundBy: [] as string[] })),
      ...matches.map((m) => ({ uri: m.uri, score: m.score, foundBy: m.foundBy })),
    ];
    const props = { ...flat, targetOccupations: [...new Set(targets.map((t) => t.uri))] };
    return {
      props,
      hash: contentHash({ ...props, learningOutcomes, duties, matches }),
      outcomes: qualificationOutcomes(qualification),
      duties: (duties ?? []).map((duty, position) => ({
        id: `${qualification.id}#duty-${duty.id}`,
        text: duty.text,
        core: duty.core,
        position,
        outcomes: duty.outcomes.map((id) => qualificationOutcomeId(qualification.id, id)),
      })),
      targets,
    };
  });
  await tx.run(
    `UNWIND $rows AS row
     MERGE (q:Qualification {id: row.props.id})
     ON CREATE SET q.createdAt = datetime()
     WITH q, row, q.contentHash = row.hash AS unchanged
     SET q.updatedAt = CASE WHEN unchanged THEN q.updatedAt ELSE datetime() END
     SET q += row.props, q.contentHash = row.hash
     WITH q, row
     CALL (q, row) {
       OPTIONAL MATCH (q)-[old:TARGETS]->()
       DELETE old
     }
     CALL (q, row) {
       UNWIND row.targets AS target
       MATCH (o:Occupation {uri: target.uri})
       MERGE (q)-[t:TARGETS]->(o)
       SET t.score = target.score, t.foundBy = target.foundBy
     }
     CALL (q, row) {
       OPTIONAL MATCH (q)-[:HAS_OUTCOME]->(gone:LearningOutcome)
       WHERE NOT gone.id IN [o IN row.outcomes | o.id]
       DETACH DELETE gone
     }
     CALL (q, row) {
       UNWIND row.outcomes AS outcome
       MERGE (lo:LearningOutcome {id: outcome.id})
       SET lo.text = outcome.text, lo.position = outcome.position, lo.stated = outcome.stated, lo.kind = outcome.kind,
           lo.core = outcome.core
       MERGE (q)-[:HAS_OUTCOME]->(lo)
     }
     CALL (q, row) {
       OPTIONAL MATCH (q)-[:HAS_DUTY]->(gone:Duty)
       WHERE NOT gone.id IN [d IN row.duties | d.id]
       DETACH DELETE gone
     }
     CALL (q, row) {
       UNWIND row.duties AS duty
       MERGE (d:Duty {id: duty.id})
       SET d.text = duty.text, d.core = duty.core, d.position = duty.position
       MERGE (q)-[:HAS_DUTY]->(d)
       WITH d, duty
       CALL (d) { OPTIONAL MATCH (d)-[old:MAPS_TO]->() DELETE old }
       WITH d, duty
       UNWIND duty.outcomes AS outcomeId
       MATCH (lo:LearningOutcome {id: outcomeId})
       MERGE (d)-[:MAPS_TO]->(lo)
     }`,
    { rows },
  );
}

export interface QualificationDetail {
  duties: Array<{ id: string; text: string; core: boolean | null; outcomeIds: string[] }>;
  occupations: Array<{ uri: string; score: number | null; foundBy: string[] }>;
}

/** Each qualification's duties (with the outcomes mapped to them) and ESCO occupations (with the search's evidence). */
export async function qualificationDetails(
  graph: GraphClient,
  ids: readonly string[],
): Promise<Map<string, QualificationDetail>> {
  const rows = await graph.read<QualificationDetail & { id: string }>(
    `UNWIND $ids AS id
     MATCH (q:Qualification {id: id})
     RETURN id,
       COLLECT { MATCH (q)-[:HAS_DUTY]->(d:Duty)
                 RETURN d {.id, .text, .core, outcomeIds: COLLECT { MATCH (d)-[:MAPS_TO]->(lo) RETURN lo.id ORDER BY lo.position }}
                 ORDER BY d.position } AS duties,
       COLLECT { MATCH (q)-[t:TARGETS]->(o:Occupation)
                 RETURN {uri: o.uri, score: t.score, foundBy: coalesce(t.foundBy, [])} ORDER BY t.score DESC, o.uri } AS occupations`,
    { ids },
  );
  return new Map(rows.map(({ id, ...detail }) => [id, detail]));
}
