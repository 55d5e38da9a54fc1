import { NotFoundError, UserInputError } from '../../errors.js';
import { builder } from '../../graphql/builder.js';
import type { HubContext } from '../../graphql/context.js';
import { type CatalogueFile, validateCatalogue, writeCatalogue } from '../import.js';
import { relinkOutcomes } from '../linking.js';
import {
  type MicroCredentialInput,
  OFFER_STATUSES,
  PARTICIPATION_FORMS,
  type ProviderInput,
  QF_EHEA_CYCLES,
  type QualificationInput,
  STACKABILITY_VALUES,
  SUPERVISION_VALUES,
  WORKLOAD_UNIT_CODES,
} from '../model.js';
import type { SkillLinkRow } from '../store.js';
import { recordName } from '../validation.js';
import { AnnexElementEnum } from './completeness.js';
import { MicroCredentialRef } from './micro-credential.js';
import { OutcomeSkillLinkRef } from './outcomes.js';
import { QualificationRef } from './qualification.js';
import { ProviderInputRef, ProviderRef } from './provider.js';

/** One record through the same validation and reference checks as a file import; the first bad field becomes extensions.field. */
async function validatedSingle(
  context: HubContext,
  records: Partial<Pick<CatalogueFile, 'providers' | 'qualifications' | 'microCredentials'>>,
) {
  const file: CatalogueFile = {
    providers: records.providers ?? [],
    qualifications: records.qualifications ?? [],
    microCredentials: records.microCredentials ?? [],
    recordNames: {
      providers: (records.providers ?? []).map((p) => recordName('provider', p.id, 'provider')),
      qualifications: (records.qualifications ?? []).map((q) => recordName('qualification', q.id, 'qualification')),
      microCredentials: (records.microCredentials ?? []).map((m) =>
        recordName('microCredential', m.id, 'microCredential'),
      ),
    },
  };
  const catalogue = await validateCatalogue(file, context.graph);
  if (catalogue.errors.length > 0) throw UserInputError.fromFields(catalogue.errors);
  return catalogue;
}

const RecognitionInputRef = builder.inputType('RecognitionInput', {
  description: 'Who recognises a micro-credential, and for what.',
  fields: (t) => ({
    recognisedBy: t.string({
      required: true,
      description: 'Who recognises it: an employer, a sector body, an institution, a qualifications authority.',
    }),
    purpose: t.string({
      required: true,
      description: 'For what: credit towards a qualification, admission, a licence, hiring…',
    }),
    date: t.string({ description: 'YYYY-MM-DD.' }),
  }),
});

const QualificationInputRef = builder.inputType('QualificationInput', {
  description:
    'A full or partial qualification micro-credentials can stack into, created or updated by id. Leave a field out when it is not specified.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'Stable id chosen by the publisher; upserts are idempotent by it.' }),
    title: t.string({ description: 'Required.' }),
    country: t.string({ description: 'Country awarding it, ISO 3166 two-letter code.' }),
    eqfLevel: t.int({ description: '1–8.' }),
    nationalLevel: t.string({ description: 'As the national framework writes it (e.g. "6", "5.1").' }),
    nationalFramework: t.string({ description: 'The national qualifications framework of nationalLevel.' }),
    awardingBody: t.string({ description: 'The body awarding it.' }),
    sourceName: t.string({ description: 'Where this entry comes from.' }),
    sourceReference: t.string({ description: 'Where in that source (document and page or line, URL).' }),
  }),
});

/** Catalogue writes. Every input goes through the same validator as the bulk import. */

const MicroCredentialInputRef = builder.inputType('MicroCredentialInput', {
  description:
    'A micro-credential offer, created or updated by id. Leave an element out when it is not specified; list it in notApplicable when it does not apply.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'Stable id chosen by the publisher; upserts are idempotent by it.' }),
    title: t.string({ description: 'Required; checked with the other fields so every problem is reported together.' }),
    description: t.string({ description: 'Free-text description of the offer.' }),
    providerId: t.id({ description: 'Id of the provider offering it: one already in the catalogue.' }),
    awardingBodies: t.stringList({ description: 'Required (at least one).' }),
    awardingBodyCountries: t.stringList({
      description:
        'Where the awarding bodies are established (ISO 3166 two-letter codes), when not where the offer is issued; the ELM export locates each awarding body there. Leave out when it is the issuer countries.',
    }),
    issuerCountries: t.stringList({ description: 'ISO 3166 two-letter codes.' }),
    issuerRegions: t.stringList({ description: 'Region(s) of the issuer, e.g. NUTS codes.' }),
    learningOutcomes: t.stringList({
      description:
        'What the learner can do on completion, one outcome per entry; each is linked to ESCO skills when saved.',
    }),
    workloadValue: t.float({
      description: 'Notional workload in workloadUnit, greater than 0 (at most 100000); the two go together.',
    }),
    workloadUnit: t.string({ description: WORKLOAD_UNIT_CODES.join(', ') }),
    eqfLevel: t.int({ description: '1–8.' }),
    nationalLevel: t.string({
      description: 'As the national framework writes it (e.g. "6" in the Irish NFQ, "5.1" in Norway).',
    }),
    nationalFramework: t.string({ description: 'The national qualifications framework of nationalLevel.' }),
    qfEheaCycle: t.string({ description: QF_EHEA_CYCLES.join(', ') }),
    assessmentType: t.string({ description: 'Type of assessment (Annex I), free text.' }),
    participationForm: t.string({ description: PARTICIPATION_FORMS.join(', ') }),
    qualityAssurance: t.string({
      description: 'Type of quality assurance underpinning the offer (Annex I), free text.',
    }),
    prerequisites: t.stringList({ description: 'Leave out if not specified; [] means none.' }),
    supervision: t.string({ description: SUPERVISION_VALUES.join(', ') }),
    stackability: t.string({ description: STACKABILITY_VALUES.join(', ') }),
    stacksInto: t.stringList({ description: 'Ids of credentials this one stacks into.' }),
    furtherInformation: t.string({ description: 'Further information (Annex I), free text.' }),
    languages: t.stringList({ description: 'ISO 639-1 codes.' }),
    durationText: t.string({ description: 'Duration as the provider words it (e.g. "13 days over half a year").' }),
    costAmount: t.float({ description: 'Cost, 0–1000000, in costCurrency (then required).' }),
    costCurrency: t.string({ description: 'ISO 4217 currency code, e.g. EUR.' }),
    voucherEligible: t.boolean({ description: 'Eligible for training-voucher funding; leave out if not specified.' }),
    ilaEligible: t.boolean({
      description: 'Fundable from an individual learning account; leave out if not specified.',
    }),
    sectors: t.stringList({ description: 'NACE Rev.2 codes.' }),
    targetOccupations: t.stringList({ description: 'ESCO occupation URIs.' }),
    expectedRevisionDate: t.string({ description: 'YYYY-MM-DD.' }),
    validUntil: t.string({ description: 'YYYY-MM-DD.' }),
    status: t.string({ description: `${OFFER_STATUSES.join(', ')} (default PUBLISHED).` }),
    notApplicable: t.field({
      type: [AnnexElementEnum],
      description:
        'Elements that do not apply to the offer: LEVEL or an optional element (LEVEL not together with eqfLevel, SUPERVISION not with supervision).',
    }),
    recognitions: t.field({
      type: [RecognitionInputRef],
      description: 'Who recognises the micro-credential, and for what.',
    }),
    sourceName: t.string({ description: 'Where this entry comes from (a register, a report, a provider’s site).' }),
    sourceReference: t.string({ description: 'Where in that source (document and page or line, URL).' }),
  }),
});

const SkillLinkDecisionEnum = builder.enumType('SkillLinkDecision', {
  description: "A curator's decision on a link from a learning outcome to a skill.",
  values: {
    ACCEPT: { description: 'Accept the link: it becomes ACCEPTED (the link must exist; add one with addSkillLink).' },
    REJECT: {
      description:
        'Reject the link: it becomes REJECTED, or is recorded as such when it did not exist, so it is never suggested.',
    },
  } as const,
});

async function reloadCredential(context: HubContext, id: string) {
  context.loaders.catalogue.microCredential.clear(id);
  context.loaders.catalogue.outcomes.clear(id);
  return (await context.loaders.catalogue.microCredential.load(id))!;
}

const LINK = `d {.*, outcomeId: lo.id, skillUri: s.uri, linkedAt: toString(d.linkedAt), reviewedAt: toString(d.reviewedAt)} AS link`;

builder.mutationType({
  description:
    'Writes. Each needs an API key (Authorization: Bearer <key>) with the right role: curator for the catalogue and skill links, issuer for issued credentials, counsellor for jobseekers and their plans and outcomes, admin to erase a learner (admin holds every role).',
});

builder.mutationFields((t) => ({
  upsertProvider: t.field({
    authScopes: { curator: true },
    type: ProviderRef,
    description:
      'Creates or updates a provider by id (curator); an update replaces the stored record, so a field left out becomes not specified.',
    args: { input: t.arg({ type: ProviderInputRef, required: true, description: 'The provider.' }) },
    resolve: async (_root, { input }, context) => {
      const catalogue = await validatedSingle(context, {
        providers: [{ ...(input as ProviderInput), id: String(input.id) }],
      });
      await context.graph.writeTransaction((tx) => writeCatalogue(tx, catalogue, null));
      const id = catalogue.providers[0].id;
      context.loaders.catalogue.provider.clear(id);
      return (await context.loaders.catalogue.provider.load(id))!;
    },
  }),
  upsertQualification: t.field({
    authScopes: { curator: true },
    type: QualificationRef,
    description:
      'Creates or updates a qualification by id (curator); an update replaces the stored record, so a field left out becomes not specified.',
    args: { input: t.arg({ type: QualificationInputRef, required: true, description: 'The qualification.' }) },
    resolve: async (_root, { input }, context) => {
      const catalogue = await validatedSingle(context, {
        qualifications: [{ ...(input as QualificationInput), id: String(input.id) }],
      });
      await context.graph.writeTransaction((tx) => writeCatalogue(tx, catalogue, null));
      const id = catalogue.qualifications[0].id;
      context.loaders.catalogue.qualification.clear(id);
      return (await context.loaders.catalogue.qualification.load(id))!;
    },
  }),
  upsertMicroCredential: t.field({
    authScopes: { curator: true },
    type: MicroCredentialRef,
    description:
      'Creates or updates an offer, then links its learning outcomes to ESCO skills (curator decisions are kept).',
    args: {
      input: t.arg({
        type: MicroCredentialInputRef,
        required: true,
        description:
          'The offer as it should now stand: an update replaces the stored record, so an element left out becomes not specified.',
      }),
    },
    resolve: async (_root, { input }, context) => {
      const catalogue = await validatedSingle(context, {
        microCredentials: [
          {
            ...(input as MicroCredentialInput),
            id: String(input.id),
            providerId: input.providerId ? String(input.providerId) : null,
          },
        ],
      });
      const release = await context.skillLinker();
      await context.graph.writeTransaction((tx) => writeCatalogue(tx, catalogue, release));
      return reloadCredential(context, catalogue.microCredentials[0].id);
    },
  }),
  retireMicroCredential: t.field({
    authScopes: { curator: true },
    type: MicroCredentialRef,
    description: 'Marks an offer RETIRED: it leaves the default listings but stays, with its links, for history.',
    args: { id: t.arg.id({ required: true, description: 'The offer id.' }) },
    resolve: async (_root, args, context) => {
      const [row] = await context.graph.write<{ id: string }>(
        "MATCH (m:MicroCredential {id: $id}) SET m.status = 'RETIRED', m.updatedAt = datetime() RETURN m.id AS id",
        { id: String(args.id) },
      );
      if (!row) throw new NotFoundError(`micro-credential '${args.id}'`);
      return reloadCredential(context, row.id);
    },
  }),
  relinkMicroCredential: t.field({
    authScopes: { curator: true },
    type: MicroCredentialRef,
    description:
      'Recomputes the suggested skill links of an offer against the current taxonomy; accepted, rejected and hand-added links stay as they are.',
    args: { id: t.arg.id({ required: true, description: 'The offer id.' }) },
    resolve: async (_root, args, context) => {
      const id = String(args.id);
      if (!(await context.loaders.catalogue.microCredential.load(id)))
        throw new NotFoundError(`micro-credential '${id}'`);
      const release = await context.skillLinker();
      if (release) await context.graph.writeTransaction((tx) => relinkOutcomes(tx, release, [id]));
      return reloadCredential(context, id);
    },
  }),
  reviewSkillLink: t.field({
    authScopes: { curator: true },
    type: OutcomeSkillLinkRef,
    description:
      'A curator accepts or rejects a link. Rejecting a skill that was not suggested records the rejection, so it is never suggested.',
    args: {
      outcomeId: t.arg.id({ required: true, description: 'The learning outcome (LearningOutcome.id).' }),
      skillUri: t.arg.string({ required: true, description: 'The ESCO skill URI.' }),
      decision: t.arg({ type: SkillLinkDecisionEnum, required: true, description: 'Accept or reject.' }),
      reviewer: t.arg.string({ description: 'Defaults to the name of the calling API key.' }),
      note: t.arg.string({
        description: 'The reason, kept on the link (a review without a note clears an earlier one).',
      }),
    },
    resolve: async (_root, args, context) => {
      const params = {
        outcomeId: String(args.outcomeId),
        skillUri: args.skillUri,
        reviewer: args.reviewer ?? context.caller.name,
        note: args.note ?? null,
      };
      const [row] =
        args.decision === 'ACCEPT'
          ? await context.graph.write<{ link: SkillLinkRow }>(
              `MATCH (lo:LearningOutcome {id: $outcomeId})-[d:DEVELOPS]->(s:Skill {uri: $skillUri})
               SET d.state = 'ACCEPTED', d.reviewedBy = $reviewer, d.reviewedAt = datetime(), d.note = $note
               RETURN ${LINK}`,
              params,
            )
          : await context.graph.write<{ link: SkillLinkRow }>(
              `MATCH (lo:LearningOutcome {id: $outcomeId}) MATCH (s:Skill {uri: $skillUri})
               MERGE (lo)-[d:DEVELOPS]->(s)
               ON CREATE SET d.method = 'rejected by hand', d.linkedAt = datetime(), d.taxonomyVersion = s.lastSeenVersion
               SET d.state = 'REJECTED', d.reviewedBy = $reviewer, d.reviewedAt = datetime(), d.note = $note
               RETURN ${LINK}`,
              params,
            );
      if (!row) {
        throw args.decision === 'ACCEPT'
          ? new NotFoundError(
              `a link from outcome '${args.outcomeId}' to skill '${args.skillUri}' (add one with addSkillLink)`,
            )
          : new NotFoundError(`outcome '${args.outcomeId}' or skill '${args.skillUri}'`);
      }
      return row.link;
    },
  }),
  addSkillLink: t.field({
    authScopes: { curator: true },
    type: OutcomeSkillLinkRef,
    description: 'A curator links an outcome to a skill by hand. Hand-made links are never replaced by re-linking.',
    args: {
      outcomeId: t.arg.id({ required: true, description: 'The learning outcome (LearningOutcome.id).' }),
      skillUri: t.arg.string({ required: true, description: 'The ESCO skill URI.' }),
      reviewer: t.arg.string({ description: 'Defaults to the name of the calling API key.' }),
      note: t.arg.string({
        description: 'The reason, kept on the link (a review without a note clears an earlier one).',
      }),
    },
    resolve: async (_root, args, context) => {
      const [row] = await context.graph.write<{ link: SkillLinkRow }>(
        `MATCH (lo:LearningOutcome {id: $outcomeId}) MATCH (s:Skill {uri: $skillUri})
         MERGE (lo)-[d:DEVELOPS]->(s)
         SET d.state = 'ADDED', d.method = 'added by hand', d.score = null, d.matchedText = null, d.matchedLabel = null,
             d.taxonomyVersion = s.lastSeenVersion, d.linkedAt = coalesce(d.linkedAt, datetime()),
             d.reviewedBy = $reviewer, d.reviewedAt = datetime(), d.note = $note
         RETURN ${LINK}`,
        {
          outcomeId: String(args.outcomeId),
          skillUri: args.skillUri,
          reviewer: args.reviewer ?? context.caller.name,
          note: args.note ?? null,
        },
      );
      if (!row)
        throw new UserInputError('outcomeId', `no learning outcome '${args.outcomeId}' or no skill '${args.skillUri}'`);
      return row.link;
    },
  }),
}));
