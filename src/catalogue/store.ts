import { createHash } from 'node:crypto';
import type { GraphClient, WriteTransaction } from '../graph/client.js';
import {
  MICRO_CREDENTIAL_FIELDS,
  type MicroCredential,
  PROVIDER_FIELDS,
  type Provider,
  QUALIFICATION_FIELDS,
  type Qualification,
} from './model.js';

/** Catalogue reads and writes. Batched: one round trip per batch of records, whatever its size. */

export interface OutcomeRow {
  id: string;
  text: string;
  position: number;
  /** false: the offer states no learning outcomes, so its title stands in for linking (and says so). */
  stated: boolean;
}

export function outcomeId(credentialId: string, text: string): string {
  return `${credentialId}#${createHash('sha256').update(text.trim().toLowerCase()).digest('hex').slice(0, 12)}`;
}

/**
 * The outcomes to store and link. An offer that states none is linked through its title, kept as an
 * outcome marked `stated: false`, so its likely skills are visible and reviewable; completeness still
 * reports its learning outcomes as not specified.
 */
export function outcomesOf(credential: MicroCredential): OutcomeRow[] {
  const stated = credential.learningOutcomes ?? [];
  if (stated.length === 0)
    return [
      {
        id: outcomeId(credential.id, `title: ${credential.title}`),
        text: credential.title,
        position: 0,
        stated: false,
      },
    ];
  const seen = new Set<string>();
  return stated.flatMap((text, position) => {
    const id = outcomeId(credential.id, text);
    if (seen.has(id)) return [];
    seen.add(id);
    return [{ id, text, position, stated: true }];
  });
}

/**
 * A stable fingerprint of what was submitted, so re-submitting the same record changes nothing, not even updatedAt.
 * Absent (null) elements are left out, so an optional element added to the model later leaves the fingerprint of
 * every record that does not state it as it was.
 */
export function contentHash(record: object): string {
  const stated = Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== null && value !== undefined),
  );
  return createHash('sha256').update(JSON.stringify(stated)).digest('hex').slice(0, 16);
}

/** Idempotent upsert by id of flat records; `updatedAt` moves only when the content does. The label comes from this fixed set. */
async function upsertById(tx: WriteTransaction, label: 'Provider', records: object[]): Promise<void> {
  if (records.length === 0) return;
  await tx.run(
    `UNWIND $rows AS row
     MERGE (n:${label} {id: row.props.id})
     ON CREATE SET n.createdAt = datetime()
     SET n.updatedAt = CASE WHEN n.contentHash = row.hash THEN n.updatedAt ELSE datetime() END
     SET n += row.props, n.contentHash = row.hash`,
    { rows: records.map((props) => ({ props, hash: contentHash(props) })) },
  );
}

export const upsertProviders = (tx: WriteTransaction, providers: Provider[]) => upsertById(tx, 'Provider', providers);

export async function upsertMicroCredentials(tx: WriteTransaction, credentials: MicroCredential[]): Promise<void> {
  if (credentials.length === 0) return;
  const rows = credentials.map((credential) => {
    // Recognitions are nested records, so they become nodes rather than properties.
    const { providerId, stacksInto, targetOccupations, recognitions, ...props } = credential;
    // The graph keeps "none" and "not given" alike for these two lists, so the hash does too: a record read back hashes as it was written.
    const stored = { ...credential, stacksInto: stacksInto ?? [], targetOccupations: targetOccupations ?? [] };
    return {
      props,
      hash: contentHash(stored),
      providerId,
      stacksInto: stored.stacksInto,
      targetOccupations: stored.targetOccupations,
      recognitions,
      outcomes: outcomesOf(credential),
    };
  });
  await tx.run(
    `UNWIND $rows AS row
     MERGE (m:MicroCredential {id: row.props.id})
     ON CREATE SET m.createdAt = datetime()
     SET m.updatedAt = CASE WHEN m.contentHash = row.hash THEN m.updatedAt ELSE datetime() END
     SET m += row.props, m.contentHash = row.hash, m.providerId = row.providerId, m.stacksInto = row.stacksInto,
         m.targetOccupations = row.targetOccupations
     WITH m, row
     CALL (m, row) {
       OPTIONAL MATCH (m)-[old:OFFERED_BY|TARGETS|STACKS_INTO]->()
       DELETE old
     }
     CALL (m, row) {
       OPTIONAL MATCH (m)-[:RECOGNISED_BY]->(old:Recognition)
       DETACH DELETE old
     }
     CALL (m, row) {
       UNWIND row.recognitions AS recognition
       CREATE (m)-[:RECOGNISED_BY]->(:Recognition {recognisedBy: recognition.recognisedBy, purpose: recognition.purpose, date: recognition.date})
     }
     CALL (m, row) {
       MATCH (p:Provider {id: row.providerId})
       MERGE (m)-[:OFFERED_BY]->(p)
     }
     CALL (m, row) {
       UNWIND row.targetOccupations AS occupationUri
       MATCH (o:Occupation {uri: occupationUri})
       MERGE (m)-[:TARGETS]->(o)
     }
     CALL (m, row) {
       UNWIND row.stacksInto AS targetId
       MATCH (target:MicroCredential|Qualification {id: targetId})
       MERGE (m)-[:STACKS_INTO]->(target)
     }
     // Outcomes whose text is gone are removed with their links; unchanged ones keep links and reviews.
     CALL (m, row) {
       OPTIONAL MATCH (m)-[:HAS_OUTCOME]->(gone:LearningOutcome)
       WHERE NOT gone.id IN [o IN row.outcomes | o.id]
       DETACH DELETE gone
     }
     CALL (m, row) {
       UNWIND row.outcomes AS outcome
       MERGE (lo:LearningOutcome {id: outcome.id})
       SET lo.text = outcome.text, lo.position = outcome.position, lo.stated = outcome.stated
       MERGE (m)-[:HAS_OUTCOME]->(lo)
     }`,
    { rows },
  );
}

export async function existingProviderIds(graph: GraphClient, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await graph.read<{ id: string }>('UNWIND $ids AS id MATCH (p:Provider {id: id}) RETURN p.id AS id', {
    ids,
  });
  return new Set(rows.map((row) => row.id));
}

type StoredCredential = MicroCredential & { createdAt: string; updatedAt: string };

const CREDENTIAL = `m {.*, createdAt: toString(m.createdAt), updatedAt: toString(m.updatedAt),
  recognitions: COLLECT { MATCH (m)-[:RECOGNISED_BY]->(r:Recognition) RETURN r {.recognisedBy, .purpose, .date} ORDER BY r.recognisedBy }}`;

/**
 * Neo4j does not store null properties, so an element left unspecified comes back absent. Records are
 * rebuilt field by field, so "not specified" is always an explicit null for the code that reads them.
 */
function withNulls<T extends object>(
  stored: Record<string, unknown>,
  fields: readonly (keyof T)[],
  defaults: Partial<T> = {},
): T {
  const record: Record<string, unknown> = { ...stored };
  for (const field of fields)
    record[field as string] = stored[field as string] ?? (defaults as Record<string, unknown>)[field as string] ?? null;
  return record as T;
}

function storedCredential(row: Record<string, unknown>): StoredCredential {
  return withNulls<StoredCredential>(row, MICRO_CREDENTIAL_FIELDS, { awardingBodies: [], notApplicable: [] });
}

export async function microCredentialsById(graph: GraphClient, ids: readonly string[]): Promise<StoredCredential[]> {
  const rows = await graph.read<{ credential: Record<string, unknown> }>(
    `UNWIND $ids AS id MATCH (m:MicroCredential {id: id}) RETURN ${CREDENTIAL} AS credential`,
    { ids },
  );
  return rows.map((row) => storedCredential(row.credential));
}

export async function qualificationsById(graph: GraphClient, ids: readonly string[]): Promise<Qualification[]> {
  const rows = await graph.read<{ qualification: Record<string, unknown> }>(
    'UNWIND $ids AS id MATCH (q:Qualification {id: id}) RETURN q {.*} AS qualification',
    { ids },
  );
  return rows.map((row) => withNulls<Qualification>(row.qualification, QUALIFICATION_FIELDS, { status: 'PUBLISHED' }));
}

/** The catalogue's stacking edges from these offers and from every offer they stack into, however far (stacking.ts). */
export async function stackingEdges(graph: GraphClient, ids: string[]): Promise<Array<{ from: string; to: string }>> {
  if (ids.length === 0) return [];
  return graph.read<{ from: string; to: string }>(
    `UNWIND $ids AS id
     MATCH (:MicroCredential|Qualification {id: id})-[:STACKS_INTO*0..]->(n)-[:STACKS_INTO]->(t)
     RETURN DISTINCT n.id AS from, t.id AS to`,
    { ids },
  );
}

/** Which of these ids name a micro-credential or a qualification already in the catalogue. */
export async function existingStackTargets(graph: GraphClient, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await graph.read<{ id: string }>(
    'UNWIND $ids AS id MATCH (n:MicroCredential|Qualification {id: id}) RETURN n.id AS id',
    { ids },
  );
  return new Set(rows.map((row) => row.id));
}

export async function providersById(graph: GraphClient, ids: readonly string[]): Promise<Provider[]> {
  const rows = await graph.read<{ provider: Record<string, unknown> }>(
    'UNWIND $ids AS id MATCH (p:Provider {id: id}) RETURN p {.*} AS provider',
    { ids },
  );
  return rows.map((row) => withNulls<Provider>(row.provider, PROVIDER_FIELDS));
}

/** A link a curator accepted or added: a confirmed claim, unlike a suggestion (exports publish only these). */
export const confirmedByCurator = (link: { state: string }) => link.state === 'ACCEPTED' || link.state === 'ADDED';

export interface SkillLinkRow {
  outcomeId: string;
  skillUri: string;
  state: 'SUGGESTED' | 'ACCEPTED' | 'REJECTED' | 'ADDED';
  score: number | null;
  /** A suggestion's evidence is strong (catalogue/linking.ts); absent on links made by hand. */
  strong?: boolean | null;
  method: string;
  matchedText: string | null;
  matchedLabel: string | null;
  taxonomyVersion: string;
  linkedAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  note: string | null;
}

export interface OutcomeWithLinks extends OutcomeRow {
  /** The offer's or qualification's id. */
  credentialId: string;
  /** A qualification's statement: SKILL, KNOWLEDGE, BEHAVIOUR or OUTCOME; null for an offer's outcome. */
  kind?: string | null;
  core?: boolean | null;
  links: SkillLinkRow[];
}

/** An offer's learning outcomes in order, each with its skill links (rejected ones included: the review is evidence too). For a row bound to `m`. */
const OUTCOMES_OF_M = `COLLECT {
    MATCH (m)-[:HAS_OUTCOME]->(lo:LearningOutcome)
    RETURN lo {.id, .text, .position, stated: coalesce(lo.stated, true), kind: lo.kind, core: lo.core, credentialId: m.id,
      links: COLLECT {
        MATCH (lo)-[d:DEVELOPS]->(s:Skill)
        RETURN d {.*, outcomeId: lo.id, skillUri: s.uri, linkedAt: toString(d.linkedAt), reviewedAt: toString(d.reviewedAt)}
        ORDER BY d.score DESC
      }}
    ORDER BY lo.position
  }`;

export async function outcomesOfCredentials(
  graph: GraphClient,
  credentialIds: readonly string[],
): Promise<Map<string, OutcomeWithLinks[]>> {
  const rows = await graph.read<{ credentialId: string; outcomes: OutcomeWithLinks[] }>(
    `UNWIND $ids AS credentialId
     MATCH (m:MicroCredential|Qualification {id: credentialId})
     RETURN credentialId, ${OUTCOMES_OF_M} AS outcomes`,
    { ids: credentialIds },
  );
  return new Map(rows.map((row) => [row.credentialId, row.outcomes]));
}

export interface CataloguePageRow {
  credential: StoredCredential;
  provider: Provider | null;
  /** null when the page was read without them. */
  outcomes: OutcomeWithLinks[] | null;
}

const PAGE_ROW_OFFER = `credential: ${CREDENTIAL}, provider: [(m)-[:OFFERED_BY]->(p:Provider) | p {.*}][0]`;
const PAGE_ROW = `{${PAGE_ROW_OFFER}, outcomes: ${OUTCOMES_OF_M}}`;
/** For pages that show no outcome, skill or ELM field: the outcomes and links are most of a page's weight. */
const PAGE_ROW_WITHOUT_OUTCOMES = `{${PAGE_ROW_OFFER}, outcomes: null}`;

function cataloguePageRow(row: {
  credential: Record<string, unknown>;
  provider: Record<string, unknown> | null;
  outcomes: OutcomeWithLinks[] | null;
}): CataloguePageRow {
  return {
    credential: storedCredential(row.credential),
    provider: row.provider ? withNulls<Provider>(row.provider, PROVIDER_FIELDS) : null,
    outcomes: row.outcomes,
  };
}

export interface CatalogueFilter {
  text?: string | null;
  status?: string | null;
  providerId?: string | null;
  skillUri?: string | null;
  occupationUri?: string | null;
  sector?: string | null;
  country?: string | null;
  region?: string | null;
  eqfMin?: number | null;
  eqfMax?: number | null;
  ectsMin?: number | null;
  ectsMax?: number | null;
  participationForm?: string | null;
  language?: string | null;
  accreditedOnly?: boolean | null;
  collection?: string | null;
  voucherEligible?: boolean | null;
}

export type CatalogueSort = 'TITLE' | 'WORKLOAD' | 'EQF_LEVEL' | 'RECENTLY_UPDATED' | 'RELEVANCE';

// Every condition is a parameter; an absent filter is null and lets everything through.
const FILTER_CONDITIONS = `
  ($status IS NULL OR m.status = $status)
  AND ($providerId IS NULL OR m.providerId = $providerId)
  AND ($eqfMin IS NULL OR m.eqfLevel >= $eqfMin) AND ($eqfMax IS NULL OR m.eqfLevel <= $eqfMax)
  AND ($ectsMin IS NULL OR m.workloadEcts >= $ectsMin) AND ($ectsMax IS NULL OR m.workloadEcts <= $ectsMax)
  AND ($participationForm IS NULL OR m.participationForm = $participationForm)
  AND ($language IS NULL OR $language IN m.languages)
  AND ($country IS NULL OR $country IN m.issuerCountries)
  AND ($region IS NULL OR $region IN m.issuerRegions)
  AND ($sector IS NULL OR any(code IN m.sectors WHERE code STARTS WITH $sector))
  AND ($voucherEligible IS NULL OR m.voucherEligible = $voucherEligible)
  AND ($accreditedOnly IS NULL OR NOT $accreditedOnly OR EXISTS { (m)-[:OFFERED_BY]->(:Provider {accreditationStatus: 'ACCREDITED'}) })
  AND ($skillUri IS NULL OR EXISTS { (m)-[:HAS_OUTCOME]->(:LearningOutcome)-[d:DEVELOPS]->(:Skill {uri: $skillUri}) WHERE d.state <> 'REJECTED' })
  AND ($occupationUri IS NULL OR EXISTS {
        (m)-[:HAS_OUTCOME]->(:LearningOutcome)-[d:DEVELOPS]->(:Skill)<-[:ESSENTIAL_SKILL]-(:Occupation {uri: $occupationUri})
        WHERE d.state <> 'REJECTED' })
  AND ($collection IS NULL OR EXISTS {
        (m)-[:HAS_OUTCOME]->(:LearningOutcome)-[d:DEVELOPS]->(s:Skill) WHERE d.state <> 'REJECTED' AND $collection IN s.collections })`;

const ORDER = `
  ORDER BY
    CASE $sort WHEN 'RELEVANCE' THEN -score WHEN 'WORKLOAD' THEN coalesce(m.workloadEcts, 1e9) WHEN 'EQF_LEVEL' THEN coalesce(m.eqfLevel, 99) ELSE 0 END,
    CASE $sort WHEN 'RECENTLY_UPDATED' THEN m.updatedAt END DESC,
    toLower(m.title), m.id`;

export interface CatalogueSlice {
  /** How many offers match. */
  total: number;
  /** Position of the first row among all matches. */
  offset: number;
  rows: CataloguePageRow[];
}

/**
 * One page of the filtered, sorted catalogue and the number of matches, in one round trip: everything the
 * page shows about its offers (provider, outcomes, links), so the listing primes the loaders with it.
 * `from`/`to` are positions among the matches (see pageWindow): `from` negative counts from the end, `to` null runs to the end.
 * Without `withOutcomes` the rows carry no outcomes (null), for pages that do not show them.
 */
export async function catalogueSlice(
  graph: GraphClient,
  filter: CatalogueFilter,
  sort: CatalogueSort,
  luceneQuery: string | null,
  window: { from: number; to: number | null },
  { withOutcomes = true } = {},
): Promise<CatalogueSlice> {
  const params = {
    status: null,
    providerId: null,
    skillUri: null,
    occupationUri: null,
    sector: null,
    country: null,
    region: null,
    eqfMin: null,
    eqfMax: null,
    ectsMin: null,
    ectsMax: null,
    participationForm: null,
    language: null,
    accreditedOnly: null,
    collection: null,
    voucherEligible: null,
    ...Object.fromEntries(Object.entries(filter).filter(([key]) => key !== 'text')),
    sort,
    query: luceneQuery,
    from: window.from,
    to: window.to,
  };
  const matches = luceneQuery
    ? `CALL db.index.fulltext.queryNodes('micro_credential_text', $query) YIELD node AS m, score WHERE ${FILTER_CONDITIONS}`
    : `MATCH (m:MicroCredential) WITH m, 0.0 AS score WHERE ${FILTER_CONDITIONS}`;
  const [result] = await graph.read<{ total: number; offset: number; rows: Parameters<typeof cataloguePageRow>[0][] }>(
    `${matches}
     WITH m, score ${ORDER}
     WITH collect(m) AS matched
     WITH matched, size(matched) AS total
     WITH total, CASE WHEN $from < 0 THEN CASE WHEN total + $from < 0 THEN 0 ELSE total + $from END ELSE $from END AS offset,
          matched[$from..coalesce($to, total)] AS page
     CALL (page) { UNWIND page AS m RETURN collect(${withOutcomes ? PAGE_ROW : PAGE_ROW_WITHOUT_OUTCOMES}) AS rows }
     RETURN total, offset, rows`,
    params,
  );
  return { total: result.total, offset: result.offset, rows: result.rows.map(cataloguePageRow) };
}
