import { referenceLists } from '../../demand/reference.js';
import { UserInputError } from '../../errors.js';
import { builder } from '../../graphql/builder.js';
import { type HubContext, loadExisting } from '../../graphql/context.js';
import { resolveRegion, resolveSector } from '../slice.js';
import type { WhatIf } from '../what-if.js';

const HypotheticalOffer = builder.inputType('HypotheticalOffer', {
  description: 'An offer that does not exist (yet), for a what-if: complete, its skills as accepted links.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'A name for it (shown in coverage).' }),
    title: t.string({ description: 'A title, if any.' }),
    skills: t.stringList({ required: true, description: 'ESCO skill URIs it would teach.' }),
    regions: t.stringList({
      description: 'Where it would be offered: countries or NUTS codes (a German district or Land is resolved).',
    }),
    online: t.boolean({ description: 'Taught online, reaching every region (default false).' }),
    accredited: t.boolean({ description: 'From a provider accredited in a public register (default true).' }),
  }),
});

const DemandShift = builder.inputType('DemandShift', {
  description:
    'Scale demand for a what-if: for a sector alone, its figures; for an occupation or ISCO group (optionally in a sector), the share of each figure reaching it.',
  fields: (t) => ({
    occupationUri: t.string({ description: 'An ESCO occupation.' }),
    isco: t.string({ description: 'An ISCO-08 group code (1–4 digits).' }),
    sector: t.string({ description: 'A NACE Rev.2 section or division.' }),
    factor: t.float({ required: true, description: 'Multiplier, 0 or more (1.2 = 20% more demand).' }),
  }),
});

export const WhatIfInput = builder.inputType('WhatIf', {
  description: 'Hypothetical changes to re-score with. Nothing is written to the graph.',
  fields: (t) => ({
    newOffers: t.field({ type: [HypotheticalOffer], description: 'Offers to add to supply.' }),
    retireOffers: t.idList({ description: 'Published offers to take out of supply.' }),
    demandShifts: t.field({ type: [DemandShift], description: 'Changes in demand.' }),
  }),
});

type WhatIfArg = typeof WhatIfInput.$inferInput;

/** Checks a what-if argument (each error names its path, e.g. whatIf.newOffers[0].skills[1]) and returns it as plain data. */
export async function readWhatIf(context: HubContext, input: WhatIfArg | null | undefined): Promise<WhatIf | null> {
  if (!input) return null;
  const refs = referenceLists(context.referenceDir);
  const newOffers: WhatIf['newOffers'] = [];
  for (const [i, offer] of (input.newOffers ?? []).entries()) {
    const at = `whatIf.newOffers[${i}]`;
    const skills = await context.loaders.taxonomy.skill.loadMany(offer.skills);
    skills.forEach((skill, k) => {
      if (skill instanceof Error) throw skill;
      if (!skill || skill.deprecated)
        throw new UserInputError(`${at}.skills[${k}]`, `no current ESCO skill '${offer.skills[k]}'`);
    });
    const regions = (offer.regions ?? []).map((region, k) => {
      const resolved = resolveRegion(region, refs);
      if (!resolved.ok || resolved.code === null)
        throw new UserInputError(`${at}.regions[${k}]`, resolved.ok ? 'a region is needed' : resolved.reason);
      return resolved.code;
    });
    if (regions.length === 0 && !offer.online)
      throw new UserInputError(`${at}.regions`, 'give the regions it reaches, or online: true');
    newOffers.push({
      id: String(offer.id),
      title: offer.title ?? null,
      skills: offer.skills,
      regions,
      online: offer.online ?? false,
      accredited: offer.accredited ?? true,
    });
  }
  const retireOffers = (input.retireOffers ?? []).map(String);
  const offers = await context.loaders.catalogue.microCredential.loadMany(retireOffers);
  offers.forEach((offer, i) => {
    if (offer instanceof Error) throw offer;
    if (!offer || offer.status !== 'PUBLISHED')
      throw new UserInputError(`whatIf.retireOffers[${i}]`, `no published micro-credential '${retireOffers[i]}'`);
  });
  const demandShifts: WhatIf['demandShifts'] = [];
  for (const [i, shift] of (input.demandShifts ?? []).entries()) {
    const at = `whatIf.demandShifts[${i}]`;
    if (!Number.isFinite(shift.factor) || shift.factor < 0)
      throw new UserInputError(`${at}.factor`, `must be 0 or more (got ${shift.factor})`);
    if (!shift.occupationUri && !shift.isco && !shift.sector)
      throw new UserInputError(at, 'name an occupationUri, an isco group or a sector');
    if (shift.isco && !/^\d{1,4}$/.test(shift.isco))
      throw new UserInputError(`${at}.isco`, `not an ISCO-08 group code (got '${shift.isco}')`);
    if (
      shift.occupationUri &&
      !(await loadExisting(context.loaders.taxonomy.occupation, [shift.occupationUri])).length
    ) {
      throw new UserInputError(`${at}.occupationUri`, `no ESCO occupation '${shift.occupationUri}'`);
    }
    const sector = resolveSector(shift.sector, refs);
    if (!sector.ok) throw new UserInputError(`${at}.sector`, sector.reason);
    demandShifts.push({
      occupationUri: shift.occupationUri ?? null,
      isco: shift.isco ?? null,
      sector: sector.code,
      factor: shift.factor,
    });
  }
  return { newOffers, retireOffers, demandShifts };
}
