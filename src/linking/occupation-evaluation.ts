import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { OccupationSearchHit, SearchExclusion, SearchableOccupation } from './occupation-search.js';

/**
 * Validation sets for occupation search, built from data we have (never from the job-ad and
 * work-history test sets the issue measures separately), and the accuracy at 1, 5 and 10 on them.
 *
 * - ESCO titles, held out: for each occupation, one of its alternative labels (picked by a fixed hash)
 *   as the query, with that label hidden from the occupation, so the search has to find it through
 *   its other labels, description and skills, as it must for a title it has never seen.
 * - ESCO descriptions, held out: the occupation's description without its first sentence (which
 *   usually names the occupation), with its own description hidden: a stand-in for a self-description.
 * - O*NET titles: each O*NET occupation title of Nesta's ESCO↔O*NET crosswalk, with the ESCO
 *   occupations mapped to it as gold (any of them counts): US job titles written outside ESCO.
 */

export interface OccupationQuery {
  text: string;
  gold: string[];
  exclude?: SearchExclusion;
}

export interface OccupationEvalResult {
  set: string;
  queries: number;
  acc1: number;
  acc5: number;
  acc10: number;
  msPerQuery: number;
  p95Ms: number;
}

/** A stable small hash (FNV-1a) so the held-out label does not depend on the order of the export. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export function heldOutTitles(occupations: SearchableOccupation[]): OccupationQuery[] {
  const queries: OccupationQuery[] = [];
  for (const occupation of occupations) {
    const preferred = occupation.preferredLabel.trim().toLowerCase();
    const alternatives = [...new Set((occupation.altLabels ?? []).map((label) => label.trim()))].filter(
      (label) => label.toLowerCase() !== preferred,
    );
    if (alternatives.length === 0) continue;
    const label = alternatives[hash(occupation.uri) % alternatives.length];
    queries.push({ text: label, gold: [occupation.uri], exclude: { uri: occupation.uri, labels: [label] } });
  }
  return queries;
}

export function heldOutDescriptions(occupations: SearchableOccupation[]): OccupationQuery[] {
  const queries: OccupationQuery[] = [];
  for (const occupation of occupations) {
    const sentences = (occupation.description ?? '').split(/(?<=\.)\s+/).filter((s) => s.trim().length > 0);
    if (sentences.length === 0) continue;
    const text = sentences.length > 1 ? sentences.slice(1).join(' ') : sentences[0];
    queries.push({ text, gold: [occupation.uri], exclude: { uri: occupation.uri, description: true } });
  }
  return queries;
}

/** O*NET occupation titles with the current ESCO occupations the crosswalk maps to them. */
export function onetTitles(crosswalkCsv: string, current: Set<string>): OccupationQuery[] {
  const rows = parse(fs.readFileSync(crosswalkCsv, 'utf8'), { columns: true, skip_empty_lines: true }) as Array<{
    onet_occupation: string;
    concept_uri: string;
  }>;
  const gold = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!current.has(row.concept_uri)) continue;
    const set = gold.get(row.onet_occupation) ?? new Set<string>();
    set.add(row.concept_uri);
    gold.set(row.onet_occupation, set);
  }
  return [...gold.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([text, uris]) => ({ text, gold: [...uris].sort() }));
}

export function evaluateQueries(
  set: string,
  queries: OccupationQuery[],
  find: (query: OccupationQuery) => OccupationSearchHit[],
): OccupationEvalResult {
  let at1 = 0;
  let at5 = 0;
  let at10 = 0;
  const times: number[] = [];
  for (const query of queries) {
    const started = performance.now();
    const hits = find(query);
    times.push(performance.now() - started);
    const rank = hits.findIndex((hit) => query.gold.includes(hit.uri));
    if (rank === 0) at1++;
    if (rank >= 0 && rank < 5) at5++;
    if (rank >= 0 && rank < 10) at10++;
  }
  times.sort((a, b) => a - b);
  const pct = (n: number) => Math.round((n / Math.max(1, queries.length)) * 1000) / 10;
  return {
    set,
    queries: queries.length,
    acc1: pct(at1),
    acc5: pct(at5),
    acc10: pct(at10),
    msPerQuery: Math.round((times.reduce((a, b) => a + b, 0) / Math.max(1, times.length)) * 100) / 100,
    p95Ms: Math.round((times[Math.max(0, Math.ceil(0.95 * times.length) - 1)] ?? 0) * 100) / 100,
  };
}
