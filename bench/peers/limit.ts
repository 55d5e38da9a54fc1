/**
 * The bench's limit for the request path: the hub's own answers, byte for byte, served by a bare node:http
 * server that looks each request body up in a map (written by bench/run.ts from the hub's answers before
 * timing). No GraphQL, no Neo4j: what the HTTP path alone costs for the same bytes. Bench-only.
 */
import fs from 'node:fs';
import http from 'node:http';

const answers = new Map<string, Buffer>(
  Object.entries(JSON.parse(fs.readFileSync(process.env.BENCH_LIMIT_ANSWERS!, 'utf8')) as Record<string, string>).map(
    ([request, answer]) => [request, Buffer.from(answer)],
  ),
);

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const answer = answers.get(Buffer.concat(chunks).toString());
    if (!answer) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': answer.length });
    response.end(answer);
  });
});
server.keepAliveTimeout = 72_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('PEER_READY\n'));
