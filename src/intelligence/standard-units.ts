import { type OfferSupply, routeLinkCounts } from './gaps.js';

/**
 * The stackable path: which duties of an existing qualification (an apprenticeship standard) a develop
 * outline could be carved from. Pure.
 *
 * A duty teaches the skills its mapped statements are linked to, counted as qualification coverage counts
 * them (gaps.ts routeLinkCounts: accepted or added links, or suggestions with strong evidence or to a skill
 * the standard's occupations need). A route reaching the region fits an outline when its duties teach at
 * least CARVE.minSkills 2 of the outline's skills (all of an outline of one) and at least CARVE.minShare half
 * of them: less is a different programme that happens to share a skill or two. Its duties are picked greedily:
 * the duty teaching most of the outline's skills not yet taught first (fewer, fuller units), until none adds
 * one. At most CARVE.maxRoutes 2 routes are kept: most outline skills taught first, then fewest duties.
 */

export const CARVE = { minSkills: 2, minShare: 0.5, maxRoutes: 2 } as const;

export interface RouteDuties {
  id: string;
  title: string;
  eqfLevel: number | null;
  /** Where it is awarded, to check it reaches the slice's region. */
  where: Pick<OfferSupply, 'issuerRegions' | 'issuerCountries'>;
  duties: Array<{
    id: string;
    text: string;
    links: Array<{ skillUri: string; state: string; strong?: boolean; occupational?: boolean }>;
  }>;
}

export interface CarvedUnit {
  qualificationId: string;
  title: string;
  /** The route's EQF level, to set against the outline's (a unit of a degree-level standard is taught at its level). */
  eqfLevel: number | null;
  /** The outline's skills its picked duties teach, in the outline's order. */
  skills: string[];
  duties: Array<{ id: string; text: string; skills: string[] }>;
}

export function carveFromRoutes(
  outlineSkills: string[],
  routes: RouteDuties[],
  reaches: (where: RouteDuties['where']) => boolean,
): CarvedUnit[] {
  const wanted = new Set(outlineSkills);
  const needed = Math.max(
    Math.min(CARVE.minSkills, outlineSkills.length),
    Math.ceil(CARVE.minShare * outlineSkills.length - 1e-9),
  );
  const carved: CarvedUnit[] = [];
  for (const route of routes) {
    if (!reaches(route.where)) continue;
    const teaches = route.duties.map((duty) => ({
      duty,
      skills: new Set(
        duty.links
          .filter(routeLinkCounts)
          .map((l) => l.skillUri)
          .filter((uri) => wanted.has(uri)),
      ),
    }));
    const taught = new Set<string>();
    const picked: CarvedUnit['duties'] = [];
    for (;;) {
      let best: (typeof teaches)[number] | null = null;
      let bestGain = 0;
      for (const entry of teaches) {
        const gain = [...entry.skills].filter((uri) => !taught.has(uri)).length;
        if (gain > bestGain) [best, bestGain] = [entry, gain];
      }
      if (!best) break;
      const adds = outlineSkills.filter((uri) => best!.skills.has(uri) && !taught.has(uri));
      for (const uri of adds) taught.add(uri);
      picked.push({ id: best.duty.id, text: best.duty.text, skills: adds });
    }
    if (taught.size >= needed)
      carved.push({
        qualificationId: route.id,
        title: route.title,
        eqfLevel: route.eqfLevel,
        skills: outlineSkills.filter((uri) => taught.has(uri)),
        duties: picked,
      });
  }
  return carved
    .sort(
      (a, b) =>
        b.skills.length - a.skills.length ||
        a.duties.length - b.duties.length ||
        (a.qualificationId < b.qualificationId ? -1 : 1),
    )
    .slice(0, CARVE.maxRoutes);
}
