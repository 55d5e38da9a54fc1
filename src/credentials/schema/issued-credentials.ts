import { learnerPseudonym } from '../../access/callers.js';
import { MicroCredentialRef } from '../../catalogue/schema/micro-credential.js';
import type { StoredMicroCredential } from '../../catalogue/loaders.js';
import { UserInputError } from '../../errors.js';
import { builder } from '../../graphql/builder.js';
import { validateIssue } from '../model.js';
import {
  type AuditEventRow,
  type IssuedCredentialRow,
  audit,
  auditEvents,
  createIssuedCredential,
  eraseIssuedCredentials,
  issuedCredentialsOf,
} from '../store.js';

/**
 * Issued credentials: learner data, so every field here needs a role (issuer or admin), every read and
 * write leaves an audit event, and a learner's records can be erased. Learners appear only as pseudonyms.
 */

const IssuedCredentialRef = builder.objectRef<IssuedCredentialRow>('IssuedCredential').implement({
  description: "One learner's award of a micro-credential. The learner is identified only by a pseudonym.",
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id the hub gave the award (a UUID).' }),
    microCredential: t.field({
      type: MicroCredentialRef,
      description: 'The micro-credential offer awarded.',
      resolve: async (c, _a, context) =>
        (await context.loaders.catalogue.microCredential.load(c.microCredentialId)) as StoredMicroCredential,
    }),
    learnerPseudonym: t.exposeString('learnerPseudonym', {
      description: 'HMAC of the identifier the issuer used; the identifier itself is not stored.',
    }),
    issuedOn: t.exposeString('issuedOn', { description: 'Date of issuing, YYYY-MM-DD.' }),
    grade: t.exposeString('grade', {
      nullable: true,
      description: 'Grade achieved, as the issuer wrote it; null: none recorded.',
    }),
    issuedBy: t.exposeString('issuedBy', { description: 'The API key that recorded the award.' }),
    recordedAt: t.exposeString('recordedAt', {
      description: 'When the award was recorded in the hub (ISO 8601 date-time).',
    }),
  }),
});

const AuditEventRef = builder.objectRef<AuditEventRow>('AuditEvent').implement({
  description:
    'An audit record of something done with personal data: issuing, reading or erasing issued credentials, and work on jobseeker profiles.',
  fields: (t) => ({
    at: t.exposeString('at', { description: 'When it happened (ISO 8601 date-time).' }),
    actor: t.exposeString('actor', { description: 'The name of the API key that did it.' }),
    action: t.exposeString('action', {
      description: "What was done, e.g. 'issue credential', 'read issued credentials', 'erase learner'.",
    }),
    subject: t.exposeString('subject', {
      description: 'A learner pseudonym or a record id; never a learner identifier.',
    }),
    detail: t.exposeString('detail', {
      description: 'What it concerned, in words (e.g. which award, how many records).',
    }),
  }),
});

const IssueCredentialInputRef = builder.inputType('IssueCredentialInput', {
  description: "One learner's award of a micro-credential.",
  fields: (t) => ({
    microCredentialId: t.id({ required: true, description: 'Id of the micro-credential offer awarded.' }),
    learnerId: t.string({
      required: true,
      description: 'The identifier the issuer knows the learner by; stored only as a keyed pseudonym.',
    }),
    issuedOn: t.string({ required: true, description: 'Date of issuing, YYYY-MM-DD.' }),
    grade: t.string({
      description: 'Grade achieved, as the issuer writes it (at most 100 characters); leave out when there is none.',
    }),
  }),
});

builder.mutationFields((t) => ({
  issueCredential: t.field({
    type: IssuedCredentialRef,
    authScopes: { issuer: true },
    description:
      "Records one learner's award of a micro-credential (issuer or admin); the learner is stored only as a pseudonym, and the write is audited.",
    args: { input: t.arg({ type: IssueCredentialInputRef, required: true, description: 'The award.' }) },
    resolve: async (_root, { input }, context) => {
      const result = validateIssue({ ...input, microCredentialId: String(input.microCredentialId) });
      if (!result.ok) throw UserInputError.fromFields(result.errors);
      const { learnerId, ...award } = result.value;
      const pseudonym = learnerPseudonym(context.pseudonymSecret, learnerId);
      const created = await context.graph.writeTransaction(async (tx) => {
        const row = await createIssuedCredential(tx, {
          ...award,
          learnerPseudonym: pseudonym,
          issuedBy: context.caller.name,
        });
        if (row)
          await audit(tx, {
            actor: context.caller.name,
            action: 'issue credential',
            subject: pseudonym,
            detail: `${row.id} of ${award.microCredentialId}`,
          });
        return row;
      });
      if (!created) throw new UserInputError('microCredentialId', `no micro-credential '${award.microCredentialId}'`);
      return created;
    },
  }),
  eraseLearner: t.field({
    type: 'Int',
    authScopes: { admin: true },
    description:
      'Erases every issued credential of a learner (right to erasure). Returns how many were erased; the audit trail keeps the fact, under the pseudonym.',
    args: {
      learnerId: t.arg.string({
        required: true,
        description: 'The identifier the issuer knows the learner by; only its pseudonym is looked up.',
      }),
    },
    resolve: async (_root, args, context) => {
      const pseudonym = learnerPseudonym(context.pseudonymSecret, args.learnerId);
      return context.graph.writeTransaction(async (tx) => {
        const erased = await eraseIssuedCredentials(tx, pseudonym);
        await audit(tx, {
          actor: context.caller.name,
          action: 'erase learner',
          subject: pseudonym,
          detail: `${erased} issued credential(s) erased`,
        });
        return erased;
      });
    },
  }),
}));

builder.queryFields((t) => ({
  issuedCredentials: t.field({
    type: [IssuedCredentialRef],
    authScopes: { issuer: true },
    description: "A learner's issued credentials, looked up by the identifier the issuer uses (audited).",
    args: {
      learnerId: t.arg.string({
        required: true,
        description: 'The identifier the issuer knows the learner by; only its pseudonym is looked up.',
      }),
    },
    resolve: async (_root, args, context) => {
      const pseudonym = learnerPseudonym(context.pseudonymSecret, args.learnerId);
      // A read of personal data is itself recorded, so it runs as a write transaction.
      return context.graph.writeTransaction(async (tx) => {
        const rows = await issuedCredentialsOf(tx, pseudonym);
        await audit(tx, {
          actor: context.caller.name,
          action: 'read issued credentials',
          subject: pseudonym,
          detail: `${rows.length} record(s)`,
        });
        return rows;
      });
    },
  }),
  auditEvents: t.field({
    type: [AuditEventRef],
    authScopes: { admin: true },
    description: 'The newest audit events first.',
    args: { first: t.arg.int({ defaultValue: 50, description: 'How many events (1–1000, default 50).' }) },
    resolve: (_root, args, context) => {
      const first = args.first ?? 50;
      if (first < 1 || first > 1000) throw new UserInputError('first', `must be between 1 and 1000 (got ${first})`);
      return auditEvents(context.graph, first);
    },
  }),
}));
