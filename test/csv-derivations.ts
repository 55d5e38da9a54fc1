import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { EU_JOB_ADS_FILE } from '../src/demand/adapters/eu-job-ads.js';
import { EUROSTAT_LFS_FILE } from '../src/demand/adapters/eurostat-lfs.js';
import type { OccupationNeeds } from '../src/intelligence/skill-demand.js';
import type { SkillNeighbours } from '../src/matching/held-credits.js';
import { SimilarSkills } from '../src/linking/similar-skills.js';
import { escoDir, sharedDataDir } from './helpers.js';

/**
 * Figures the integration tests expect, computed from the shared CSVs alone (never through the hub's
 * code), following the formulas the modules' headers state. Each file is read once per test file.
 */

type Rows = Array<Record<string, string>>;
export const readCsv = (file: string) => parse(fs.readFileSync(file), { columns: true, bom: true }) as Rows;

const once = <T>(make: () => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};
const occupations = once(() => readCsv(path.join(escoDir, 'occupations_en.csv')));
const relations = once(() => readCsv(path.join(escoDir, 'occupationSkillRelations_en.csv')));
const skillRows = once(() => readCsv(path.join(escoDir, 'skills_en.csv')));
/** Skills whose reuse level is sector- or occupation-specific. */
const specificSkills = once(
  () =>
    new Set(
      skillRows()
        .filter((r) => r.reuseLevel === 'sector-specific' || r.reuseLevel === 'occupation-specific')
        .map((r) => r.conceptUri),
    ),
);
const eurostat = once(() => readCsv(path.join(sharedDataDir, 'eurostat-lfsa_eisn2', EUROSTAT_LFS_FILE)));
const skillPillar = once(() =>
  readCsv(path.join(escoDir, 'broaderRelationsSkillPillar_en.csv')).filter(
    (r) => r.conceptType === 'KnowledgeSkillCompetence' && r.broaderType === 'KnowledgeSkillCompetence',
  ),
);

export const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Eurostat LFS rows (published or not) of a NACE section (or every section when null), country name and year. */
export const eurostatRows = (sector: string | null, country: string, year: string) =>
  eurostat().filter((r) => (sector === null || r.nace_r2 === sector) && r.geo_label === country && r.year === year);

/**
 * Each ESCO occupation's share of Eurostat LFS rows (skill-demand.ts, step 1): each published ISCO major-group
 * figure split over its unit groups by EU job-ad counts (evenly when none of them has ads), then evenly over
 * each unit group's occupations. Occupations of a group that only got a zero share are listed with 0.
 */
export function csvOccupationDemand(rows: Rows): Map<string, number> {
  const ads = new Map(
    readCsv(path.join(sharedDataDir, 'eu-oja-isco4-2019-2020', EU_JOB_ADS_FILE)).map((r) => [
      r.isco08_4d,
      Number(r.n_ads_2019_2020_EU),
    ]),
  );
  const occupationsOfUnit = new Map<string, string[]>();
  for (const o of occupations())
    occupationsOfUnit.set(o.iscoGroup, [...(occupationsOfUnit.get(o.iscoGroup) ?? []), o.conceptUri]);
  const demand = new Map<string, number>();
  for (const row of rows.filter((r) => r.value_thousand_persons !== '')) {
    const major = row.isco08.slice(2);
    const units = [...occupationsOfUnit.keys()].filter((unit) => unit.startsWith(major));
    const totalAds = units.reduce((sum, unit) => sum + (ads.get(unit) ?? 0), 0);
    for (const unit of units) {
      const members = occupationsOfUnit.get(unit)!;
      const unitShare = totalAds > 0 ? (ads.get(unit) ?? 0) / totalAds : 1 / units.length;
      for (const occupation of members)
        demand.set(
          occupation,
          (demand.get(occupation) ?? 0) + (Number(row.value_thousand_persons) * unitShare) / members.length,
        );
    }
  }
  return demand;
}

/** Demand per skill (skill-demand.ts, steps 2–3): each occupation's demand credited to its essential skills in full, optional ones at half. */
export function csvSkillDemand(rows: Rows): Map<string, number> {
  const occupationDemand = csvOccupationDemand(rows);
  const demand = new Map<string, number>();
  for (const r of relations()) {
    const share = occupationDemand.get(r.occupationUri);
    if (share === undefined) continue;
    demand.set(r.skillUri, (demand.get(r.skillUri) ?? 0) + share * (r.relationType === 'essential' ? 1 : 0.5));
  }
  return demand;
}

const occupationPillar = once(() =>
  readCsv(path.join(escoDir, 'broaderRelationsOccPillar_en.csv')).filter(
    (r) => r.conceptType === 'Occupation' && r.broaderType === 'Occupation',
  ),
);

/** An occupation's essential and optional skills, from the relations CSV, its broader occupations and its specific essential skills. */
export function csvNeeds(uri: string): OccupationNeeds {
  const own = relations().filter((r) => r.occupationUri === uri);
  return {
    uri,
    iscoGroup: occupations().find((o) => o.conceptUri === uri)?.iscoGroup ?? null,
    essential: own.filter((r) => r.relationType === 'essential').map((r) => r.skillUri),
    optional: own.filter((r) => r.relationType === 'optional').map((r) => r.skillUri),
    broader: occupationPillar()
      .filter((r) => r.conceptUri === uri)
      .map((r) => r.broaderUri)
      .sort(),
    specific: own
      .filter((r) => r.relationType === 'essential' && specificSkills().has(r.skillUri))
      .map((r) => r.skillUri),
  };
}

/** The ILO skill level of an ISCO-08 group's major group (9 → 1; 4–8 and 0 → 2; 3 → 3; 1–2 → 4). */
export const iloSkillLevel = (isco: string | null) =>
  isco ? (({ '9': 1, '3': 3, '2': 4, '1': 4 } as Record<string, number>)[isco[0]] ?? 2) : null;

/**
 * Skills described in nearly the same words: the similar-skills formula (src/linking/similar-skills.ts, unit-tested
 * by hand) over the skills as the CSVs give them, every skill's labels, description and broader skills and groups.
 */
const csvSimilarSkills = once(() => {
  const parents = new Map<string, { skills: string[]; groups: string[] }>();
  for (const r of readCsv(path.join(escoDir, 'broaderRelationsSkillPillar_en.csv'))) {
    if (r.conceptType !== 'KnowledgeSkillCompetence') continue;
    const entry = parents.get(r.conceptUri) ?? { skills: [], groups: [] };
    (r.broaderType === 'SkillGroup' ? entry.groups : entry.skills).push(r.broaderUri);
    parents.set(r.conceptUri, entry);
  }
  const list = (value: string) =>
    value
      .split(/\n|\|/)
      .map((v) => v.trim())
      .filter(Boolean);
  return new SimilarSkills(
    skillRows()
      .map((r) => ({
        uri: r.conceptUri,
        preferredLabel: r.preferredLabel.trim(),
        altLabels: list(r.altLabels),
        description: r.description.trim() || null,
        broaderSkills: [...(parents.get(r.conceptUri)?.skills ?? [])].sort(),
        broaderGroups: [...(parents.get(r.conceptUri)?.groups ?? [])].sort(),
      }))
      .sort((a, b) => (a.uri < b.uri ? -1 : 1)),
  );
});

/** Skill neighbours from the ESCO CSVs: broader and narrower skills in the skills pillar, related skills either way, similar words. */
export function csvNeighbours(): SkillNeighbours {
  const broader = new Map<string, string[]>();
  const narrower = new Map<string, string[]>();
  const related = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, value: string) =>
    map.set(key, [...(map.get(key) ?? []), value]);
  for (const r of skillPillar()) {
    push(broader, r.conceptUri, r.broaderUri);
    push(narrower, r.broaderUri, r.conceptUri);
  }
  for (const r of readCsv(path.join(escoDir, 'skillSkillRelations_en.csv'))) {
    push(related, r.originalSkillUri, r.relatedSkillUri);
    push(related, r.relatedSkillUri, r.originalSkillUri);
  }
  return {
    broader: (uri) => broader.get(uri) ?? [],
    narrower: (uri) => narrower.get(uri) ?? [],
    related: (uri) => related.get(uri) ?? [],
    similar: (uri) => csvSimilarSkills().similar(uri),
  };
}

/**
 * Green or digital relevance of every skill (relevance.ts header): 1 for a member of the collection, 0.5
 * when a broader skill is, 0.25 when only a narrower skill is; skills left out have 0.
 */
export function csvRelevance(collectionFile: string): Map<string, number> {
  const members = new Set(readCsv(path.join(escoDir, collectionFile)).map((r) => r.conceptUri));
  const relevance = new Map<string, number>();
  for (const uri of members) relevance.set(uri, 1);
  for (const r of skillPillar())
    if (members.has(r.broaderUri) && (relevance.get(r.conceptUri) ?? 0) < 0.5) relevance.set(r.conceptUri, 0.5);
  for (const r of skillPillar())
    if (members.has(r.conceptUri) && !relevance.has(r.broaderUri)) relevance.set(r.broaderUri, 0.25);
  return relevance;
}
