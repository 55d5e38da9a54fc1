import { randomUUID } from 'node:crypto';
import type { GraphClient, WriteTransaction } from '../graph/client.js';

/** Issued credentials and the audit trail of everything done with learner data. */

export interface IssuedCredentialRow {
  id: string;
  microCredentialId: string;
  learnerPseudonym: string;
  issuedOn: string;
  grade: string | null;
  issuedBy: string;
  recordedAt: string;
}

export interface AuditEventRow {
  at: string;
  actor: string;
  action: string;
  subject: string;
  detail: string;
}

/** Audit events are written in the same transaction as what they record, so neither exists without the other. */
export async function audit(tx: WriteTransaction, event: Omit<AuditEventRow, 'at'>): Promise<void> {
  await tx.run('CREATE (:AuditEvent {id: $id, at: datetime(), actor: $actor, action: $action, subject: $subject, detail: $detail})', { id: randomUUID(), ...event });
}

const ROW = `c {.id, .learnerPseudonym, .issuedOn, .grade, .issuedBy, microCredentialId: m.id, recordedAt: toString(c.recordedAt)}`;

export async function createIssuedCredential(
  tx: WriteTransaction,
  row: { microCredentialId: string; learnerPseudonym: string; issuedOn: string; grade: string | null; issuedBy: string },
): Promise<IssuedCredentialRow | null> {
  const [created] = (await tx.run(
    `MATCH (m:MicroCredential {id: $microCredentialId})
     CREATE (c:IssuedCredential {id: $id, learnerPseudonym: $learnerPseudonym, issuedOn: $issuedOn, grade: $grade, issuedBy: $issuedBy, recordedAt: datetime()})-[:AWARDS]->(m)
     RETURN ${ROW} AS credential`,
    { id: randomUUID(), ...row },
  )) as Array<{ credential: IssuedCredentialRow }>;
  return created?.credential ?? null;
}

export async function issuedCredentialsOf(tx: WriteTransaction, learnerPseudonym: string): Promise<IssuedCredentialRow[]> {
  const rows = (await tx.run(
    `MATCH (c:IssuedCredential {learnerPseudonym: $learnerPseudonym})-[:AWARDS]->(m:MicroCredential)
     RETURN ${ROW} AS credential ORDER BY c.issuedOn, c.id`,
    { learnerPseudonym },
  )) as Array<{ credential: IssuedCredentialRow }>;
  return rows.map((row) => row.credential);
}

export async function eraseIssuedCredentials(tx: WriteTransaction, learnerPseudonym: string): Promise<number> {
  const [{ erased }] = (await tx.run(
    'MATCH (c:IssuedCredential {learnerPseudonym: $learnerPseudonym}) DETACH DELETE c RETURN count(*) AS erased',
    { learnerPseudonym },
  )) as Array<{ erased: number }>;
  return erased;
}

export async function auditEvents(graph: GraphClient, limit: number): Promise<AuditEventRow[]> {
  return graph.read<AuditEventRow>(
    `MATCH (e:AuditEvent) RETURN toString(e.at) AS at, e.actor AS actor, e.action AS action, e.subject AS subject, e.detail AS detail
     ORDER BY e.at DESC LIMIT toInteger($limit)`,
    { limit },
  );
}
