import { randomUUID } from 'node:crypto';
import type { WriteTransaction } from '../graph/client.js';
import type { ConstraintsInput } from './profile.js';

/**
 * Jobseeker profiles in the graph:
 *   (:Jobseeker {id, pseudonym, counsellor, createdAt, updatedAt, region, remote, modes, maxWorkloadHours,
 *                earliestStart, languages, eqfLevel, fundingKind, fundingAmount, fundingCurrency})
 *   (:Jobseeker)-[:HAS_SKILL {origin, state, detail, proficiency}]->(:Skill)
 *   (:Jobseeker)-[:WORKED_AS {years, detail}]->(:Occupation)
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

export interface ProfileRow {
  id: string;
  pseudonym: string;
  counsellor: string;
  createdAt: string;
  updatedAt: string;
  constraints: ConstraintsInput;
  skills: ProfileSkillRow[];
  workHistory: WorkHistoryRow[];
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

export async function createProfile(tx: WriteTransaction, row: { pseudonym: string; counsellor: string; constraints: ConstraintsInput }): Promise<string> {
  const id = randomUUID();
  await tx.run(
    `CREATE (j:Jobseeker {id: $id, pseudonym: $pseudonym, counsellor: $counsellor, createdAt: datetime(), updatedAt: datetime()})
     SET j += {${CONSTRAINT_PROPERTIES}}`,
    { id, pseudonym: row.pseudonym, counsellor: row.counsellor, c: flatConstraints(row.constraints) },
  );
  return id;
}

export async function setConstraints(tx: WriteTransaction, id: string, constraints: ConstraintsInput): Promise<void> {
  await tx.run(`MATCH (j:Jobseeker {id: $id}) SET j += {${CONSTRAINT_PROPERTIES}}, j.updatedAt = datetime()`, { id, c: flatConstraints(constraints) });
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
     UNWIND $work AS item
     MATCH (o:Occupation {uri: item.uri})
     MERGE (j)-[w:WORKED_AS]->(o) SET w.years = item.years, w.detail = item.detail, j.updatedAt = datetime()`,
    { id, work },
  );
}

/** A counsellor's decision on one skill; false when the profile has no such skill. */
export async function reviewSkill(tx: WriteTransaction, id: string, skillUri: string, state: 'CONFIRMED' | 'REJECTED', proficiency: string | null): Promise<boolean> {
  const rows = await tx.run(
    `MATCH (j:Jobseeker {id: $id})-[h:HAS_SKILL]->(:Skill {uri: $skillUri})
     SET h.state = $state, h.proficiency = coalesce($proficiency, h.proficiency), j.updatedAt = datetime() RETURN count(h) AS n`,
    { id, skillUri, state, proficiency },
  );
  return (rows[0] as { n: number } | undefined)?.n === 1;
}

export async function readProfile(tx: WriteTransaction, id: string): Promise<ProfileRow | null> {
  const rows = (await tx.run(
    `MATCH (j:Jobseeker {id: $id})
     RETURN j {.id, .pseudonym, .counsellor, createdAt: toString(j.createdAt), updatedAt: toString(j.updatedAt),
               constraints: {region: j.region, remote: j.remote, modes: j.modes, maxWorkloadHours: j.maxWorkloadHours, earliestStart: j.earliestStart,
                             languages: j.languages, eqfLevel: j.eqfLevel,
                             funding: CASE WHEN j.fundingKind IS NULL THEN null ELSE {kind: j.fundingKind, amount: j.fundingAmount, currency: j.fundingCurrency} END},
               skills: COLLECT { MATCH (j)-[h:HAS_SKILL]->(s:Skill) RETURN {uri: s.uri, origin: h.origin, state: h.state, detail: h.detail, proficiency: h.proficiency} ORDER BY s.uri },
               workHistory: COLLECT { MATCH (j)-[w:WORKED_AS]->(o:Occupation) RETURN {uri: o.uri, years: w.years, detail: w.detail} ORDER BY o.uri }} AS profile`,
    { id },
  )) as Array<{ profile: ProfileRow }>;
  return rows[0]?.profile ?? null;
}

export async function profileIdsOf(tx: WriteTransaction, pseudonym: string, counsellor: string | null): Promise<string[]> {
  const rows = (await tx.run('MATCH (j:Jobseeker {pseudonym: $pseudonym}) WHERE $counsellor IS NULL OR j.counsellor = $counsellor RETURN j.id AS id ORDER BY id', { pseudonym, counsellor })) as Array<{ id: string }>;
  return rows.map((r) => r.id);
}

/**
 * Erases a profile and every trace of it: the node, its relationships, and its id in earlier audit
 * events (which keep who did what and when, about "an erased jobseeker profile").
 */
export async function eraseProfile(tx: WriteTransaction, id: string): Promise<boolean> {
  const rows = (await tx.run('MATCH (j:Jobseeker {id: $id}) DETACH DELETE j RETURN count(*) AS n', { id })) as Array<{ n: number }>;
  await tx.run("MATCH (e:AuditEvent {subject: $subject}) SET e.subject = 'erased jobseeker profile', e.detail = 'erased'", { subject: `jobseeker:${id}` });
  return rows[0]?.n === 1;
}
