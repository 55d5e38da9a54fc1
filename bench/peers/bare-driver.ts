/**
 * Peer for the bench: the floor. One hand-written Cypher query per request on the bare driver,
 * JSON over node:http, no GraphQL at all. Bench-only.
 */
import http from 'node:http';
import neo4j from 'neo4j-driver';

const driver = neo4j.driver(process.env.NEO4J_URI!, neo4j.auth.basic('neo4j', 'unused'), { disableLosslessIntegers: true });

const OCCUPATION = `
  MATCH (o:Occupation {uri: $uri})
  OPTIONAL MATCH (o)-[:ESSENTIAL_SKILL]->(s:Skill)
  WITH o, s ORDER BY s.preferredLabel
  RETURN o.preferredLabel AS preferredLabel, collect(s {.uri, .preferredLabel}) AS essentialSkills`;

const SEARCH = `
  CALL db.index.fulltext.queryNodes('skill_labels', $text, {limit: 10}) YIELD node, score
  RETURN node.uri AS uri, node.preferredLabel AS preferredLabel, score`;

const server = http.createServer(async (request, response) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { uri?: string; text?: string };
  const { records } = body.uri
    ? await driver.executeQuery(OCCUPATION, { uri: body.uri }, { routing: neo4j.routing.READ })
    : await driver.executeQuery(SEARCH, { text: body.text }, { routing: neo4j.routing.READ });
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify(records.map((record) => record.toObject())));
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('PEER_READY\n'));
