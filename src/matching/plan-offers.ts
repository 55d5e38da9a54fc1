import type { StoredMicroCredential } from '../catalogue/loaders.js';
import { PromiseMemo } from '../cache.js';
import { type HubContext, loadExisting } from '../graphql/context.js';
import { catalogueStamp, offerSupply } from '../intelligence/store.js';
import type { PlanOffer } from './course-plan.js';

/**
 * The published offers that teach some skill (course plans choose from them, skill gaps list them), and
 * those that cannot be weighed for want of skill links (a plan lists them as not assessable),
 * with what a plan needs of each, held per catalogue state (the stamp skills intelligence uses: counts
 * and latest change times of offers, providers and links), so either costs one small stamp query
 * instead of reading the catalogue.
 */

export interface PlanCatalogue {
  /** Offers with at least one skill link not rejected: what a plan can weigh. */
  offers: PlanOffer[];
  /** Published offers a plan cannot weigh, with the reason: no skill link, or only rejected ones. */
  notAssessable: Array<{ offer: PlanOffer; reason: string }>;
  details: Map<string, StoredMicroCredential>;
}

export const NO_LINKS_REASON =
  'none of its learning outcomes is linked to an ESCO skill, so what it teaches cannot be set against the missing skills';
export const REJECTED_LINKS_REASON =
  'every skill link of its learning outcomes was rejected in curation, so what it teaches cannot be set against the missing skills';

const cache = new PromiseMemo<PlanCatalogue>(4);

export async function planOffers(context: HubContext): Promise<PlanCatalogue> {
  const stamp = await catalogueStamp(context.graph);
  const held = await cache.get(stamp, async () => {
    const supply = await offerSupply(context);
    const details = new Map(
      (
        await loadExisting(
          context.loaders.catalogue.microCredential,
          supply.map((o) => o.id),
        )
      ).map((m) => [m.id, m]),
    );
    const offers: PlanOffer[] = [];
    const notAssessable: PlanCatalogue['notAssessable'] = [];
    for (const o of supply) {
      const m = details.get(o.id)!;
      const offer: PlanOffer = {
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
      if (offer.skills.length > 0) offers.push(offer);
      else notAssessable.push({ offer, reason: o.links.length === 0 ? NO_LINKS_REASON : REJECTED_LINKS_REASON });
    }
    return { offers, notAssessable, details };
  });
  // The answer names these offers; the request's loader has them without another read.
  for (const [id, row] of held.details) context.loaders.catalogue.microCredential.prime(id, row);
  return held;
}
