/**
 * Imported first by main.ts, before any library loads. graphql-js decides once, as it loads, whether to run
 * its development checks (an `instanceOf` guard on every type check, 6% of a request's CPU under load), by
 * NODE_ENV; so the server sets NODE_ENV=production for its libraries unless the operator gave one. The hub's
 * own mode does not follow: it is HUB_MODE, or NODE_ENV as the operator gave it, read from
 * `operatorEnvironment` (config.ts), so a fresh clone's `npm start` stays in development mode; Apollo is
 * told the hub's mode itself (http.ts).
 */
export const operatorEnvironment: NodeJS.ProcessEnv = { ...process.env };

process.env.NODE_ENV ??= 'production';
