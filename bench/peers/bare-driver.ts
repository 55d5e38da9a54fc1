/**
 * Peer for the bench: the floor. One hand-written Cypher query per request on the bare driver (or, for
 * skill linking, the BM25 reference method in memory), JSON over node:http, no GraphQL at all. Bench-only.
 */
import http from 'node:http';
import neo4j from 'neo4j-driver';
import { Bm25LabelBaseline } from '../../src/linking/evaluation.js';
import { linkableSkillsFromGraph } from '../../src/linking/skills.js';
import { stems } from '../../src/retrieval/text.js';
import { connectGraph } from '../../src/graph/client.js';
import { SECTOR_GAPS } from './gaps-cypher.js';
import { COURSE_PLAN } from './matching-cypher.js';

const driver = neo4j.driver(process.env.NEO4J_URI!, neo4j.auth.basic('neo4j', process.env.NEO4J_PASSWORD!), {
  disableLosslessIntegers: true,
});

const OCCUPATION = `
  MATCH (o:Occupation {uri: $uri})
  OPTIONAL MATCH (o)-[:ESSENTIAL_SKILL]->(s:Skill)
  WITH o, s ORDER BY s.preferredLabel
  RETURN o.preferredLabel AS preferredLabel, collect(s {.uri, .preferredLabel}) AS essentialSkills`;

const SEARCH = `
  CALL db.index.fulltext.queryNodes('skill_labels', $text, {limit: 10}) YIELD node, score
  RETURN node.uri AS uri, node.preferredLabel AS preferredLabel, score`;

// One query for a catalogue page: offers with their linked skills, no completeness logic.
const CATALOGUE_PAGE = `
  MATCH (m:MicroCredential {status: 'PUBLISHED'})
  WITH m ORDER BY toLower(m.title) LIMIT toInteger($first)
  OPTIONAL MATCH (m)-[:HAS_OUTCOME]->(:LearningOutcome)-[d:DEVELOPS]->(s:Skill) WHERE d.state <> 'REJECTED'
  RETURN m.id AS id, m.title AS title, collect(DISTINCT s.preferredLabel) AS skills`;

// The reference linking method (BM25 over labels), built over the same skills, served with no GraphQL.
const graph = connectGraph({
  uri: process.env.NEO4J_URI!,
  user: 'neo4j',
  password: process.env.NEO4J_PASSWORD!,
  database: 'neo4j',
});
const baseline = new Bm25LabelBaseline(await linkableSkillsFromGraph(graph), stems);
await graph.close();

// Requests still running, so the bench can wait for the ones the load generator gave up on before the next workload.
let inFlight = 0;
// A query the load generator has given up on must not run on for minutes in the database.
const QUERY = { routing: neo4j.routing.READ, transactionConfig: { timeout: 60_000 } };

const server = http.createServer(async (request, response) => {
  if (request.method === 'GET' && request.url === '/in-flight') {
    response.end(String(inFlight));
    return;
  }
  // Counted until the database has answered: a request the load generator abandoned still occupies Neo4j.
  inFlight += 1;
  try {
    await answer(request, response);
  } finally {
    inFlight -= 1;
  }
});

async function answer(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
    uri?: string;
    text?: string;
    sentence?: string;
    cataloguePage?: number;
    gaps?: { sector: string; region: string; period: string; first: number };
    plan?: { occupationUri: string; held: string[] };
  };
  response.setHeader('content-type', 'application/json');
  if (body.sentence !== undefined) {
    response.end(JSON.stringify(baseline.link(body.sentence, 10)));
    return;
  }
  if (body.plan) {
    const { records } = await driver.executeQuery(COURSE_PLAN, body.plan, QUERY);
    response.end(JSON.stringify(records.map((record) => record.toObject())));
    return;
  }
  if (body.gaps) {
    const { records } = await driver.executeQuery(SECTOR_GAPS, body.gaps, QUERY);
    response.end(JSON.stringify(records.map((record) => record.toObject())));
    return;
  }
  const { records } = body.uri
    ? await driver.executeQuery(OCCUPATION, { uri: body.uri }, QUERY)
    : body.cataloguePage !== undefined
      ? await driver.executeQuery(CATALOGUE_PAGE, { first: body.cataloguePage }, QUERY)
      : await driver.executeQuery(SEARCH, { text: body.text }, QUERY);
  response.end(JSON.stringify(records.map((record) => record.toObject())));
}
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('PEER_READY\n'));
