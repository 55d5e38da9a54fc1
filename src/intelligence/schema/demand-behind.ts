import { MicroCredentialRef } from '../../catalogue/schema/micro-credential.js';
import { ProviderRef } from '../../catalogue/schema/provider.js';
import { builder } from '../../graphql/builder.js';
import type { HubContext } from '../../graphql/context.js';
import { SkillGapRef, sliceArgs } from './gaps.js';
import { type skillGapsFor, skillGapsOnce } from './gap-reads.js';

/**
 * The reverse of a gap ranking: for an offer or a provider, the demand behind what it teaches, as the
 * gap rows of the skills it links (accepted, added or suggested), highest demand first.
 */

interface DemandBehind {
  /** Share of the slice's skill demand (Σ demandShare) that the taught skills account for, counted once per skill. */
  taughtShare: number;
  rows: Awaited<ReturnType<typeof skillGapsFor>>['gaps'];
  slice: Awaited<ReturnType<typeof skillGapsFor>>['slice'];
}

const DemandBehindRef = builder.objectRef<DemandBehind>('DemandBehind').implement({
  description: 'The demand behind what an offer or a provider teaches, in a sector × region × period.',
  fields: (t) => ({
    taughtSkillDemandShare: t.float({
      description:
        'Σ demandShare of the skills it teaches (each skill once): how much of the slice’s demand its teaching touches; can exceed 1, since occupations need many skills.',
      resolve: (d) => d.taughtShare,
    }),
    skills: t.field({
      type: [SkillGapRef],
      description: 'The gap rows of the skills it teaches (demand, trend, coverage, evidence), highest demand first.',
      resolve: (d) => d.rows.map((row) => ({ ...row, slice: d.slice })),
    }),
  }),
});

async function demandBehind(
  context: HubContext,
  offerIds: string[],
  args: Parameters<typeof skillGapsFor>[1],
): Promise<DemandBehind> {
  const outcomes = await context.loaders.catalogue.outcomes.loadMany(offerIds);
  const taught = new Set<string>();
  for (const list of outcomes) {
    if (list instanceof Error) throw list;
    for (const outcome of list)
      for (const link of outcome.links) if (link.state !== 'REJECTED') taught.add(link.skillUri);
  }
  const { slice, gaps } = await skillGapsOnce(context, args);
  const rows = gaps.filter((g) => taught.has(g.skillUri)).sort((a, b) => b.demand - a.demand);
  return { taughtShare: Math.round(rows.reduce((sum, g) => sum + g.demandShare, 0) * 1e4) / 1e4, rows, slice };
}

builder.objectField(MicroCredentialRef, 'demandBehind', (t) =>
  t.field({
    type: DemandBehindRef,
    description:
      'The demand behind the skills this offer teaches, in a sector × region × period (same arguments and errors as sectorSkillGaps).',
    args: sliceArgs,
    resolve: (offer, args, context) => demandBehind(context, [offer.id], args),
  }),
);

builder.objectField(ProviderRef, 'demandBehind', (t) =>
  t.field({
    type: DemandBehindRef,
    description:
      'The demand behind the skills this provider’s published offers teach, in a sector × region × period (same arguments and errors as sectorSkillGaps).',
    args: sliceArgs,
    resolve: async (provider, args, context) =>
      demandBehind(context, await context.loaders.catalogue.publishedOffersOfProvider.load(provider.id), args),
  }),
);
