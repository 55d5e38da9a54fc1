import { randomUUID } from 'node:crypto';
import type { GraphClient, WriteTransaction } from '../graph/client.js';
import type { OutcomeCounts } from './outcomes.js';
import type { ConstraintsInput } from './profile.js';

/**
 * Jobseeker profiles in the graph:
 *   (:Jobseeker {id, pseudonym, counsellor, createdAt, updatedAt, region, remote, modes, maxWorkloadHours,
 *                earliestStart, languages, eqfLevel, fundingKind, fundingAmount, fundingCurrency})
 *   (:Jobseeker)-[:HAS_SKILL {origin, state, detail, proficiency}]->(:Skill)
 *   (:Jobseeker)-[:WORKED_AS {years, detail, position}]->(:Occupation)   position: the order given
 *   (:Jobseeker)-[:HAS_PLAN]->(:PlanRecord {id, occupationUri, proposed, chosen, recordedAt, recordedBy,
 *                                           enrolled, completed, employedAfter6Months, outcomeAt})
 * Reads of personal data are recorded in the audit trail, so they run in write transactions.
 */

export interface ProfileSkillRow {
  uri: string;
  origin: string;
  state: string;
  detail: string;
  proficiency: string | null;
}

export interface WorkHistoryRow {
  uri: string;
  years: number | null;
  detail: string;
}

export interface PlanRecordRow {
  id: string;
  occupationUri: string;
  proposed: string[];
  chosen: string[];
  recordedAt: string;
  enrolled: string[] | null;
  completed: string[] | null;
  employedAfter6Months: boolean | null;
  outcomeAt: string | null;
}

export interface ProfileRow {
  id: string;
  pseudonym: string;
  counsellor: string;
  createdAt: string;
  updatedAt: string;
  constraints: ConstraintsInput;
  skills: ProfileSkillRow[];
  workHistory: WorkHistoryRow[];
  plans: PlanRecordRow[];
}

const CONSTRAINT_PROPERTIES = `region: $c.region, remote: $c.remote, modes: $c.modes, maxWorkloadHours: $c.maxWorkloadHours, earliestStart: $c.earliestStart,
  languages: $c.languages, eqfLevel: $c.eqfLevel, fundingKind: $c.fundingKind, fundingAmount: $c.fundingAmount, fundingCurrency: $c.fundingCurrency`;

function flatConstraints(c: ConstraintsInput): Record<string, unknown> {
  return {
    region: c.region ?? null,
    remote: c.remote ?? null,
    modes: c.modes ?? null,
    maxWorkloadHours: c.maxWorkloadHours ?? null,
    earliestStart: c.earliestStart ?? null,
    languages: c.languages ?? null,
    eqfLevel: c.eqfLevel ?? null,
    fundingKind: c.funding?.kind ?? null,
    fundingAmount: c.funding?.amount ?? null,
    fundingCurrency: c.funding?.currency ?? null,
  };
}

export async function createProfile(
  tx: WriteTransaction,
  row: { pseudonym: string; counsellor: string; constraints: ConstraintsInput },
): Promise<string> {
  const id = randomUUID();
  await tx.run(
    `CREATE (j:Jobseeker {id: $id, pseudonym: $pseudonym, counsellor: $counsellor, createdAt: datetime(), updatedAt: datetime()})
     SET j += {${CONSTRAINT_PROPERTIES}}`,
    { id, pseudonym: row.pseudonym, counsellor: row.counsellor, c: flatConstraints(row.constraints) },
  );
  return id;
}

export async function setConstraints(tx: WriteTransaction, id: string, constraints: ConstraintsInput): Promise<void> {
  await tx.run(`MATCH (j:Jobseeker {id: $id}) SET j += {${CONSTRAINT_PROPERTIES}}, j.updatedAt = datetime()`, {
    id,
    c: flatConstraints(constraints),
  });
}

/** Adds skills; a skill already in the profile keeps its state unless `replaceOrigin` names the origin being replaced. */
export async function addSkills(tx: WriteTransaction, id: string, skills: ProfileSkillRow[]): Promise<void> {
  await tx.run(
    `MATCH (j:Jobseeker {id: $id})
     UNWIND $skills AS skill
     MATCH (s:Skill {uri: skill.uri})
     MERGE (j)-[h:HAS_SKILL]->(s)
     ON CREATE SET h.origin = skill.origin, h.state = skill.state, h.detail = skill.detail, h.proficiency = skill.proficiency
     ON MATCH SET h.state = CASE WHEN skill.state = 'CONFIRMED' THEN 'CONFIRMED' ELSE h.state END,
                  h.origin = CASE WHEN skill.state = 'CONFIRMED' THEN skill.origin ELSE h.origin END,
                  h.detail = CASE WHEN skill.state = 'CONFIRMED' THEN skill.detail ELSE h.detail END
     SET j.updatedAt = datetime()`,
    { id, skills },
  );
}

export async function removeSkillsOfOrigin(tx: WriteTransaction, id: string, origin: string): Promise<void> {
  await tx.run('MATCH (:Jobseeker {id: $id})-[h:HAS_SKILL {origin: $origin}]->() DELETE h', { id, origin });
}

export async function setWorkHistory(tx: WriteTransaction, id: string, work: WorkHistoryRow[]): Promise<void> {
  await tx.run('MATCH (:Jobseeker {id: $id})-[w:WORKED_AS]->() DELETE w', { id });
  await tx.run(
    `MATCH (j:Jobseeker {id: $id})
     UNWIND range(0, size($work) - 1) AS position
     WITH j, $work[position] AS item, position
     MATCH (o:Occupation {uri: item.uri})
     MERGE (j)-[w:WORKED_AS]->(o)
     SET w.years = item.years, w.detail = item.detail, w.position = position, j.updatedAt = datetime()`,
    { id, work },
  );
}

/** A counsellor's decision on one skill; false when the profile has no such skill. */
export async function reviewSkill(
  tx: WriteTransaction,
  id: string,
  skillUri: string,
  state: 'CONFIRMED' | 'REJECTED',
  proficiency: string | null,
): Promise<boolean> {
  const rows = await tx.run(
    `MATCH (j:Jobseeker {id: $id})-[h:HAS_SKILL]->(:Skill {uri: $skillUri})
     SET h.state = $state, h.proficiency = coalesce($proficiency, h.proficiency), j.updatedAt = datetime() RETURN count(h) AS n`,
    { id, skillUri, state, proficiency },
  );
  return (rows[0] as { n: number } | undefined)?.n === 1;
}

/** A plan record `p` as the API returns it. */
const PLAN_OF_P = `p {.id, .occupationUri, .proposed, .chosen, .enrolled, .completed, .employedAfter6Months,
                     recordedAt: toString(p.recordedAt), outcomeAt: toString(p.outcomeAt)}`;

export async function readProfile(tx: WriteTransaction, id: string): Promise<ProfileRow | null> {
  const rows = (await tx.run(
    `MATCH (j:Jobseeker {id: $id})
     RETURN j {.id, .pseudonym, .counsellor, createdAt: toString(j.createdAt), updatedAt: toString(j.updatedAt),
               constraints: {region: j.region, remote: j.remote, modes: j.modes, maxWorkloadHours: j.maxWorkloadHours, earliestStart: j.earliestStart,
                             languages: j.languages, eqfLevel: j.eqfLevel,
                             funding: CASE WHEN j.fundingKind IS NULL THEN null ELSE {kind: j.fundingKind, amount: j.fundingAmount, currency: j.fundingCurrency} END},
               skills: COLLECT { MATCH (j)-[h:HAS_SKILL]->(s:Skill) RETURN {uri: s.uri, origin: h.origin, state: h.state, detail: h.detail, proficiency: h.proficiency} ORDER BY s.uri },
               workHistory: COLLECT { MATCH (j)-[w:WORKED_AS]->(o:Occupation) RETURN {uri: o.uri, years: w.years, detail: w.detail} ORDER BY w.position, o.uri },
               plans: COLLECT { MATCH (j)-[:HAS_PLAN]->(p:PlanRecord) RETURN ${PLAN_OF_P} ORDER BY p.recordedAt }} AS profile`,
    { id },
  )) as Array<{ profile: ProfileRow }>;
  return rows[0]?.profile ?? null;
}

export async function profileIdsOf(
  tx: WriteTransaction,
  pseudonym: string,
  counsellor: string | null,
): Promise<string[]> {
  const rows = (await tx.run(
    'MATCH (j:Jobseeker {pseudonym: $pseudonym}) WHERE $counsellor IS NULL OR j.counsellor = $counsellor RETURN j.id AS id ORDER BY id',
    { pseudonym, counsellor },
  )) as Array<{ id: string }>;
  return rows.map((r) => r.id);
}

/**
 * Erases a profile and every trace of it: the node, its relationships and plan records, and its id in earlier audit
 * events (which keep who did what and when, about "an erased jobseeker profile").
 */
export async function eraseProfile(tx: WriteTransaction, id: string): Promise<boolean> {
  await tx.run('MATCH (:Jobseeker {id: $id})-[:HAS_PLAN]->(p:PlanRecord) DETACH DELETE p', { id });
  const rows = (await tx.run('MATCH (j:Jobseeker {id: $id}) DETACH DELETE j RETURN count(*) AS n', { id })) as Array<{
    n: number;
  }>;
  await tx.run(
    "MATCH (e:AuditEvent {subject: $subject}) SET e.subject = 'erased jobseeker profile', e.detail = 'erased'",
    { subject: `jobseeker:${id}` },
  );
  return rows[0]?.n === 1;
}

export async function addPlan(
  tx: WriteTransaction,
  jobseekerId: string,
  plan: { occupationUri: string; proposed: string[]; chosen: string[]; recordedBy: string },
): Promise<string> {
  const id = randomUUID();
  await tx.run(
    `MATCH (j:Jobseeker {id: $jobseekerId})
     CREATE (j)-[:HAS_PLAN]->(:PlanRecord {id: $id, occupationUri: $plan.occupationUri, proposed: $plan.proposed, chosen: $plan.chosen, recordedBy: $plan.recordedBy, recordedAt: datetime()})
     SET j.updatedAt = datetime()`,
    { jobseekerId, id, plan },
  );
  return id;
}

/** One plan record, as a profile lists it, or null. */
export async function readPlan(tx: WriteTransaction, planId: string): Promise<PlanRecordRow | null> {
  const rows = (await tx.run(`MATCH (p:PlanRecord {id: $planId}) RETURN ${PLAN_OF_P} AS plan`, { planId })) as Array<{
    plan: PlanRecordRow;
  }>;
  return rows[0]?.plan ?? null;
}

/** The profile a plan record belongs to, or null. */
export async function jobseekerOfPlan(tx: WriteTransaction, planId: string): Promise<string | null> {
  const rows = (await tx.run('MATCH (j:Jobseeker)-[:HAS_PLAN]->(:PlanRecord {id: $planId}) RETURN j.id AS id', {
    planId,
  })) as Array<{ id: string }>;
  return rows[0]?.id ?? null;
}

export async function setOutcome(
  tx: WriteTransaction,
  planId: string,
  outcome: { enrolled: string[]; completed: string[]; employedAfter6Months: boolean | null },
): Promise<void> {
  await tx.run(
    'MATCH (p:PlanRecord {id: $planId}) SET p.enrolled = $outcome.enrolled, p.completed = $outcome.completed, p.employedAfter6Months = $outcome.employedAfter6Months, p.outcomeAt = datetime()',
    { planId, outcome },
  );
}

/** Distinct people per stage for a set of offers (an offer, or a provider's offers), over every plan recorded. */
export async function outcomeCounts(graph: GraphClient, offerIds: string[]): Promise<OutcomeCounts> {
  const [row] = await graph.read<OutcomeCounts>(
    `MATCH (j:Jobseeker)-[:HAS_PLAN]->(p:PlanRecord)
     WITH j, p, any(x IN p.proposed WHERE x IN $offers) AS proposed, any(x IN p.chosen WHERE x IN $offers) AS chosen,
          any(x IN coalesce(p.enrolled, []) WHERE x IN $offers) AS enrolled, any(x IN coalesce(p.completed, []) WHERE x IN $offers) AS completed
     RETURN count(DISTINCT CASE WHEN proposed THEN j END) AS proposed, count(DISTINCT CASE WHEN chosen THEN j END) AS chosen,
            count(DISTINCT CASE WHEN enrolled THEN j END) AS enrolled, count(DISTINCT CASE WHEN completed THEN j END) AS completed,
            count(DISTINCT CASE WHEN completed AND p.employedAfter6Months THEN j END) AS employedAfter6Months`,
    { offers: offerIds },
  );
  return row;
}
