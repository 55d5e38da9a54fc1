import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { projectRoot } from '../config.js';

/**
 * The page (src/web, built into dist/web by `npm run web:build`, which `npm ci` and `npm start` run): its files
 * from /assets, and index.html for a browser asking for any view (/gaps?sector=F…), so every view is a
 * permalink. Without a build the page answers 503 with the command that makes it; the API is not affected.
 */

export const WEB_DIR = path.join(projectRoot, 'dist', 'web');

/** Serves the page's files and / ; returns the handler that answers any view's URL with the page. */
export async function registerPage(
  app: FastifyInstance,
): Promise<(request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>> {
  const built = fs.existsSync(path.join(WEB_DIR, 'index.html'));
  if (built)
    await app.register(fastifyStatic, {
      root: WEB_DIR,
      prefix: '/',
      index: false,
      wildcard: false,
      cacheControl: false,
    });
  const page = async (_request: FastifyRequest, reply: FastifyReply) =>
    built
      ? reply.header('cache-control', 'no-cache').sendFile('index.html')
      : reply
          .code(503)
          .header('cache-control', 'no-store')
          .send({ error: 'the page is not built: run npm run web:build (npm start does)' });
  app.get('/', page);
  return page;
}

/** Whether a request that matched no route is a browser asking for a view of the page. */
export const wantsPage = (request: FastifyRequest) =>
  request.method === 'GET' &&
  !path.extname(request.url.split('?')[0]) &&
  (request.headers.accept ?? '').includes('text/html');
