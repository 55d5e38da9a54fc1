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
  await tx.run(
    'CREATE (:AuditEvent {id: $id, at: datetime(), actor: $actor, action: $action, subject: $subject, detail: $detail})',
    { id: randomUUID(), ...event },
  );
}

/**
 * Audit events of reads, written in batches: each read waits until its event is committed (nothing is
 * returned unaudited). The first event is written at once; events arriving while that commit is in
 * flight share the next one (group commit), so audited reads are not limited to one commit each.
 */
export class AuditBatcher {
  private queue: Array<{ event: Omit<AuditEventRow, 'at'>; resolve: () => void; reject: (error: unknown) => void }> =
    [];
  private flushing = false;

  constructor(private readonly graph: GraphClient) {}

  record(event: Omit<AuditEventRow, 'at'>): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ event, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      try {
        // One statement, so one auto-commit exchange is all or nothing for the batch; retried on transient
        // errors, so an event is on record at least once (twice only if a failure came after its commit).
        await this.graph.runAutoCommit(
          'UNWIND $events AS e CREATE (:AuditEvent {id: randomUUID(), at: datetime.realtime(), actor: e.actor, action: e.action, subject: e.subject, detail: e.detail})',
          { events: batch.map((b) => b.event) },
          { retryTransient: true },
        );
        for (const b of batch) b.resolve();
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
    this.flushing = false;
  }
}

// What auditing adds to every request's context (src/graphql/context.ts).
declare module '../graphql/context.js' {
  interface HubContext {
    /** Records an audit event for a read and waits until it is committed (batched with concurrent reads; counts as one round trip). */
    auditRead(event: Omit<AuditEventRow, 'at'>): Promise<void>;
  }
}

const ROW = `c {.id, .learnerPseudonym, .issuedOn, .grade, .issuedBy, microCredentialId: m.id, recordedAt: toString(c.recordedAt)}`;

export async function createIssuedCredential(
  tx: WriteTransaction,
  row: {
    microCredentialId: string;
    learnerPseudonym: string;
    issuedOn: string;
    grade: string | null;
    issuedBy: string;
  },
): Promise<IssuedCredentialRow | null> {
  const [created] = (await tx.run(
    `MATCH (m:MicroCredential {id: $microCredentialId})
     CREATE (c:IssuedCredential {id: $id, learnerPseudonym: $learnerPseudonym, issuedOn: $issuedOn, grade: $grade, issuedBy: $issuedBy, recordedAt: datetime()})-[:AWARDS]->(m)
     RETURN ${ROW} AS credential`,
    { id: randomUUID(), ...row },
  )) as Array<{ credential: IssuedCredentialRow }>;
  return created?.credential ?? null;
}

export async function issuedCredentialsOf(
  tx: WriteTransaction,
  learnerPseudonym: string,
): Promise<IssuedCredentialRow[]> {
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
