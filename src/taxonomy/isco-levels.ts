/**
 * Levels of occupations: the ILO skill level of each ISCO-08 major group, and the EQF level matching it. Used to
 * set an occupation against a qualification's or an outline's EQF level.
 */

/** ISCO-08 major group → skill level (ILO), and skill level → EQF level. */
export const SKILL_LEVEL: Record<string, number> = {
  '0': 2,
  '1': 4,
  '2': 4,
  '3': 3,
  '4': 2,
  '5': 2,
  '6': 2,
  '7': 2,
  '8': 2,
  '9': 1,
};
export const EQF_OF_SKILL_LEVEL: Record<number, number> = { 1: 2, 2: 4, 3: 5, 4: 6 };

/** The EQF level matching an ISCO-08 group's skill level (major group 7 → skill level 2 → EQF 4); skill level 2 when unknown. */
export function eqfOfIsco(iscoGroup: string | null): { major: string; skillLevel: number; eqf: number } {
  const major = iscoGroup?.slice(0, 1) ?? '';
  const skillLevel = SKILL_LEVEL[major] ?? 2;
  return { major, skillLevel, eqf: EQF_OF_SKILL_LEVEL[skillLevel] };
}

/** Each occupation's EQF level from its ISCO-08 group, looked up by URI; null for an occupation not listed or without a group. */
export function occupationLevels(
  occupations: Array<{ uri: string; iscoGroup?: string | null }>,
): (uri: string) => number | null {
  const levels = new Map(
    occupations.filter((o) => o.iscoGroup).map((o) => [o.uri, eqfOfIsco(o.iscoGroup ?? null).eqf] as const),
  );
  return (uri) => levels.get(uri) ?? null;
}
