import { pushTo } from '../../collections.js';
import { builder } from '../../graphql/builder.js';
import { loadExisting } from '../../graphql/context.js';
import { Occupation, Skill } from '../../taxonomy/schema/concepts.js';
import type { OccupationRow, SkillRow } from '../../taxonomy/store.js';
import { assessCompleteness } from '../completeness.js';
import {
  type CompletenessSummary,
  type OccupationCoverage,
  type SkillCoverageRow,
  occupationCoverage,
  skillCoverageRows,
  summariseCompleteness,
} from '../coverage.js';
import { AnnexElementEnum } from './completeness.js';
import { MicroCredentialRef } from './micro-credential.js';
import { ProviderRef } from './provider.js';
import type { Provider } from '../model.js';

/** Catalogue coverage of occupations, and completeness summaries for dashboards. */

const SkillCoverageRef = builder.objectRef<SkillCoverageRow>('SkillCoverage').implement({
  description: 'One essential skill of an occupation, and the published offers that develop it.',
  fields: (t) => ({
    skill: t.field({
      type: Skill,
      description: 'The ESCO skill.',
      resolve: async (row, _a, context) => (await context.loaders.taxonomy.skill.load(row.skillUri)) as SkillRow,
    }),
    covered: t.boolean({
      description: 'At least one published offer develops it (a suggested, accepted or added link).',
      resolve: (row) => row.offers.length > 0,
    }),
    confirmed: t.boolean({
      description: 'Covered through a link a curator accepted or added.',
      resolve: (row) => row.offers.some((o) => o.confirmed),
    }),
    offers: t.field({
      type: [MicroCredentialRef],
      description: 'The published offers with an outcome linked to it (rejected links left out).',
      resolve: (row, _a, context) =>
        loadExisting(
          context.loaders.catalogue.microCredential,
          row.offers.map((o) => o.id),
        ),
    }),
  }),
});

const OccupationCoverageRef = builder.objectRef<OccupationCoverage>('OccupationCoverage').implement({
  description: "How far the published catalogue covers an occupation's essential skills, skill by skill.",
  fields: (t) => ({
    occupation: t.field({
      type: Occupation,
      description: 'The ESCO occupation.',
      resolve: async (c, _a, context) =>
        (await context.loaders.taxonomy.occupation.load(c.occupationUri)) as OccupationRow,
    }),
    essentialSkillCount: t.exposeInt('essentialSkillCount', {
      description: 'Essential ESCO skills of the occupation.',
    }),
    coveredSkillCount: t.exposeInt('coveredSkillCount', {
      description: 'Of those, skills at least one published offer develops.',
    }),
    confirmedSkillCount: t.exposeInt('confirmedSkillCount', {
      description: 'Of those, skills covered through a link a curator accepted or added.',
    }),
    coverage: t.exposeFloat('coverage', { description: 'coveredSkillCount / essentialSkillCount.' }),
    skills: t.field({ type: [SkillCoverageRef], description: 'Uncovered skills first.', resolve: (c) => c.skills }),
    method: t.exposeString('method', { description: 'How coverage was computed, in words.' }),
  }),
});

const MissingElementCount = builder.objectRef<{ element: string; offers: number }>('MissingElementCount').implement({
  description: 'How many offers leave one mandatory Annex I element unspecified.',
  fields: (t) => ({
    element: t.field({ type: AnnexElementEnum, description: 'The element.', resolve: (r) => r.element as never }),
    offers: t.exposeInt('offers', { description: 'Offers that do not specify it.' }),
  }),
});
const CheckOutcomeCount = builder
  .objectRef<{ check: string; outcome: string; offers: number }>('CheckOutcomeCount')
  .implement({
    description: 'How many offers had one outcome on one principle check.',
    fields: (t) => ({
      check: t.exposeString('check', { description: 'The check (see PrincipleCheck.check).' }),
      outcome: t.exposeString('outcome', { description: 'PASS, WARN, FAIL or UNKNOWN.' }),
      offers: t.exposeInt('offers', { description: 'Offers with that outcome.' }),
    }),
  });

const CompletenessSummaryRef = builder.objectRef<CompletenessSummary>('CompletenessSummary').implement({
  description: 'Annex I completeness over a set of published offers.',
  fields: (t) => ({
    offers: t.exposeInt('offers', { description: 'Offers counted.' }),
    averageScore: t.exposeFloat('averageScore', {
      description: 'Mean completeness score of the offers, 0–1 (2 decimals; 0 when there are none).',
    }),
    complete: t.exposeInt('complete', { description: 'Offers stating every mandatory element.' }),
    missing: t.field({
      type: [MissingElementCount],
      description: 'How many offers leave each mandatory element unspecified.',
      resolve: (s) => s.missing,
    }),
    checks: t.field({
      type: [CheckOutcomeCount],
      description: 'For each principle check and outcome, how many offers had it; by check, then outcome.',
      resolve: (s) => s.checks,
    }),
  }),
});

const ProviderCompleteness = builder
  .objectRef<{ provider: Provider | null; summary: CompletenessSummary }>('ProviderCompleteness')
  .implement({
    description: "Annex I completeness of one provider's published offers.",
    fields: (t) => ({
      provider: t.field({
        type: ProviderRef,
        nullable: true,
        description: 'null: offers with no provider recorded.',
        resolve: (r) => r.provider,
      }),
      summary: t.field({
        type: CompletenessSummaryRef,
        description: 'Completeness over those offers.',
        resolve: (r) => r.summary,
      }),
    }),
  });

const CatalogueCompleteness = builder
  .objectRef<{
    overall: CompletenessSummary;
    byProvider: Array<{ provider: Provider | null; summary: CompletenessSummary }>;
  }>('CatalogueCompleteness')
  .implement({
    description: 'Annex I completeness of the published catalogue, overall and per provider.',
    fields: (t) => ({
      overall: t.field({
        type: CompletenessSummaryRef,
        description: 'Over every published offer.',
        resolve: (r) => r.overall,
      }),
      byProvider: t.field({
        type: [ProviderCompleteness],
        description: 'Per provider with published offers (one row for offers without a provider).',
        resolve: (r) => r.byProvider,
      }),
    }),
  });

builder.queryFields((t) => ({
  occupationCoverage: t.field({
    type: OccupationCoverageRef,
    nullable: true,
    description:
      "How far the published catalogue covers an occupation's essential skills, skill by skill; null when the occupation is not in the graph.",
    args: { occupationUri: t.arg.string({ required: true, description: 'The ESCO occupation URI.' }) },
    resolve: async (_root, args, context) => {
      if (!(await context.loaders.taxonomy.occupation.load(args.occupationUri))) return null;
      return occupationCoverage(args.occupationUri, await skillCoverageRows(context.graph, args.occupationUri));
    },
  }),
  catalogueCompleteness: t.field({
    type: CatalogueCompleteness,
    description: 'Annex I completeness of the published catalogue, overall and per provider.',
    resolve: async (_root, _args, context) => {
      const ids = (
        await context.graph.read<{ id: string }>("MATCH (m:MicroCredential {status: 'PUBLISHED'}) RETURN m.id AS id")
      ).map((r) => r.id);
      const offers = await loadExisting(context.loaders.catalogue.microCredential, ids);
      const providerIds = [...new Set(offers.map((m) => m.providerId).filter((id): id is string => id !== null))];
      const providers = new Map(
        (await loadExisting(context.loaders.catalogue.provider, providerIds)).map((p) => [p.id, p]),
      );
      const assessed = offers.map((m) => ({
        providerId: m.providerId,
        completeness: assessCompleteness(m, m.providerId ? (providers.get(m.providerId) ?? null) : null),
      }));
      const groups = new Map<string | null, typeof assessed>();
      for (const entry of assessed) pushTo(groups, entry.providerId, entry);
      return {
        overall: summariseCompleteness(assessed.map((a) => a.completeness)),
        byProvider: [...groups.entries()].map(([providerId, entries]) => ({
          provider: providerId ? (providers.get(providerId) ?? null) : null,
          summary: summariseCompleteness(entries.map((e) => e.completeness)),
        })),
      };
    },
  }),
}));
