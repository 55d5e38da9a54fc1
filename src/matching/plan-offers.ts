import type { StoredMicroCredential } from '../catalogue/loaders.js';
import { PromiseMemo } from '../cache.js';
import { type HubContext, loadExisting } from '../graphql/context.js';
import { catalogueStamp, offerSupply } from '../intelligence/store.js';
import type { PlanOffer } from './course-plan.js';

/**
 * The published offers that teach some skill (course plans choose from them, skill gaps list them),
 * with what a plan needs of each, held per catalogue state (the stamp skills intelligence uses: counts
 * and latest change times of offers, providers and links), so either costs one small stamp query
 * instead of reading the catalogue.
 */

const cache = new PromiseMemo<{ offers: PlanOffer[]; details: Map<string, StoredMicroCredential> }>(4);

export async function planOffers(
  context: HubContext,
): Promise<{ offers: PlanOffer[]; details: Map<string, StoredMicroCredential> }> {
  const stamp = await catalogueStamp(context.graph);
  const held = await cache.get(stamp, async () => {
    const supply = (await offerSupply(context)).filter((o) => o.links.some((l) => l.state !== 'REJECTED'));
    const details = new Map(
      (
        await loadExisting(
          context.loaders.catalogue.microCredential,
          supply.map((o) => o.id),
        )
      ).map((m) => [m.id, m]),
    );
    const offers: PlanOffer[] = supply.map((o) => {
      const m = details.get(o.id)!;
      return {
        id: o.id,
        skills: [...new Set(o.links.filter((l) => l.state !== 'REJECTED').map((l) => l.skillUri))],
        workloadHours: m.workloadHours,
        ects: m.workloadEcts,
        costAmount: m.costAmount,
        costCurrency: m.costCurrency,
        participationForm: m.participationForm,
        issuerCountries: o.issuerCountries,
        issuerRegions: o.issuerRegions,
        languages: m.languages ?? [],
        eqfLevel: m.eqfLevel,
        voucherEligible: m.voucherEligible,
        ilaEligible: m.ilaEligible,
        validUntil: m.validUntil,
        accredited: o.accredited,
        completeness: o.completenessScore,
      };
    });
    return { offers, details };
  });
  // The answer names these offers; the request's loader has them without another read.
  for (const [id, row] of held.details) context.loaders.catalogue.microCredential.prime(id, row);
  return held;
}
