/**
 * Peer for the bench: the same nested read served by @neo4j/graphql (resolvers generated from type
 * definitions, one Cypher query per request) over the same database. Bench-only; not part of the hub.
 */
import http from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';

const typeDefs = /* GraphQL */ `
  type Occupation @node {
    uri: String!
    preferredLabel: String!
    essentialSkills: [Skill!]! @relationship(type: "ESSENTIAL_SKILL", direction: OUT)
  }
  type Skill @node {
    uri: String!
    preferredLabel: String!
  }
`;

const driver = neo4j.driver(process.env.NEO4J_URI!, neo4j.auth.basic('neo4j', process.env.NEO4J_PASSWORD!));
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const apollo = new ApolloServer({ schema });
await apollo.start();

const server = http.createServer(async (request, response) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const headers = new HeaderMap();
  headers.set('content-type', 'application/json');
  const result = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: 'POST',
      headers,
      search: '',
      body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
    },
    context: async () => ({}),
  });
  response.statusCode = result.status ?? 200;
  response.setHeader('content-type', 'application/json');
  response.end(result.body.kind === 'complete' ? result.body.string : '');
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('PEER_READY\n'));
