import { isoCountryOfNuts } from '../regions.js';
import type { OfferSupply } from './gaps.js';
import type { OccupationIndex, SignalInput } from './skill-demand.js';

/**
 * Hypothetical changes to re-score gaps and recommendations without writing anything. Pure: it
 * returns changed copies of the inputs, and the changes in words for the answer to state.
 * - A new offer teaches the given skills (as accepted links), is complete and (by default) from an
 *   accredited provider, and reaches the given regions, or everywhere when online.
 * - A retired offer no longer counts as supply.
 * - A demand shift scales figures: for a sector alone, the figures of that sector; for an occupation or
 *   an ISCO group (optionally within a sector), the share of each figure that reaches its occupations.
 */

export interface WhatIf {
  newOffers: Array<{
    id: string;
    title: string | null;
    skills: string[];
    regions: string[];
    online: boolean;
    accredited: boolean;
  }>;
  retireOffers: string[];
  demandShifts: Array<{ occupationUri: string | null; isco: string | null; sector: string | null; factor: number }>;
}

export const NO_CHANGE: WhatIf = { newOffers: [], retireOffers: [], demandShifts: [] };

export function applyWhatIf(
  signals: SignalInput[],
  offers: OfferSupply[],
  whatIf: WhatIf,
  index: OccupationIndex,
): {
  signals: SignalInput[];
  offers: OfferSupply[];
  occupationFactor: ((uri: string, sector: string | null) => number) | undefined;
  changes: string[];
} {
  const changes: string[] = [];
  const retired = new Set(whatIf.retireOffers);
  for (const id of whatIf.retireOffers) changes.push(`offer ${id} retired`);
  const newOffers: OfferSupply[] = whatIf.newOffers.map((offer) => {
    changes.push(
      `new offer ${offer.id} teaching ${offer.skills.length} skill(s)${offer.online ? ', online' : ''}${offer.regions.length > 0 ? ` in ${offer.regions.join(', ')}` : ''}${offer.accredited ? '' : ', provider not accredited'}`,
    );
    return {
      id: offer.id,
      title: offer.title ?? offer.id,
      issuerCountries: [...new Set(offer.regions.map(isoCountryOfNuts))],
      issuerRegions: offer.regions.filter((region) => region.length > 2),
      participationForm: offer.online ? 'ONLINE' : 'ONSITE',
      accredited: offer.accredited,
      completenessScore: 1,
      links: offer.skills.map((skillUri) => ({ skillUri, state: 'ACCEPTED' })),
    };
  });

  const sectorShifts = whatIf.demandShifts.filter(
    (shift) => shift.occupationUri === null && shift.isco === null && shift.sector !== null,
  );
  const occupationShifts = whatIf.demandShifts.filter((shift) => shift.occupationUri !== null || shift.isco !== null);
  for (const shift of whatIf.demandShifts) {
    const target = [
      shift.occupationUri && `occupation ${shift.occupationUri}`,
      shift.isco && `ISCO group ${shift.isco}`,
      shift.sector && `sector ${shift.sector}`,
    ]
      .filter(Boolean)
      .join(' in ');
    changes.push(`demand of ${target} × ${shift.factor}`);
  }
  const shifted =
    sectorShifts.length === 0
      ? signals
      : signals.map((signal) => {
          const factor = sectorShifts
            .filter((shift) => signal.sector?.startsWith(shift.sector!))
            .reduce((product, shift) => product * shift.factor, 1);
          return factor === 1 || signal.value === null ? signal : { ...signal, value: signal.value * factor };
        });
  const occupationFactor =
    occupationShifts.length === 0
      ? undefined
      : (uri: string, sector: string | null) => {
          const isco = index.byUri.get(uri)?.iscoGroup ?? '';
          return occupationShifts
            .filter(
              (shift) =>
                (shift.occupationUri === null || shift.occupationUri === uri) &&
                (shift.isco === null || isco.startsWith(shift.isco)),
            )
            .filter((shift) => shift.sector === null || (sector ?? '').startsWith(shift.sector))
            .reduce((product, shift) => product * shift.factor, 1);
        };
  return {
    signals: shifted,
    offers: [...offers.filter((offer) => !retired.has(offer.id)), ...newOffers],
    occupationFactor,
    changes,
  };
}
