/**
 * The floors of src/, enforced by `npm run boundaries` (part of `npm test`). Imports only go down:
 *
 *   server/, cli/                                   on top: assemble and run
 *   matching > intelligence > demand > credentials > catalogue > linking > taxonomy
 *                                                   capabilities, each importing only those to its right
 *   graphql/ > graph/                               plumbing: the Pothos builder and request context; the Neo4j client
 *   src/*.ts, access/, types/, retrieval/           the floor: config, logger, errors, cache, numbers, callers,
 *                                                   the retrieval core (text analysis, IDF, BM25, label matching)
 *
 * Type-only imports and `declare module` augmentations count as imports.
 */
const CAPABILITIES = ['taxonomy', 'linking', 'catalogue', 'credentials', 'demand', 'intelligence', 'matching'];
const folders = (names) => `^src/(${names.join('|')})/`;

module.exports = {
  forbidden: [
    {
      name: 'floor-imports-floor',
      comment:
        'Shared helpers (src/*.ts, access/, types/, retrieval/) are the floor: they import no folder above them.',
      severity: 'error',
      from: { path: '^src/([^/]+\\.ts$|access/|types/|retrieval/)' },
      to: { path: folders(['graph', 'graphql', ...CAPABILITIES, 'server', 'cli']) },
    },
    {
      name: 'graph-imports-floor',
      comment: 'graph/ (the Neo4j client, launcher, migrations) imports only the floor.',
      severity: 'error',
      from: { path: '^src/graph/' },
      to: { path: folders(['graphql', ...CAPABILITIES, 'server', 'cli']) },
    },
    {
      name: 'graphql-imports-no-capability',
      comment: 'graphql/ is plumbing below the capabilities: each capability adds its fields and context to it.',
      severity: 'error',
      from: { path: '^src/graphql/' },
      to: { path: folders([...CAPABILITIES, 'server', 'cli']) },
    },
    ...CAPABILITIES.map((capability, level) => ({
      name: `${capability}-imports-down`,
      comment: `${capability}/ imports the floor, the plumbing and the capabilities below it (${CAPABILITIES.slice(0, level).join(', ') || 'none'}); never server/ or cli/.`,
      severity: 'error',
      from: { path: `^src/${capability}/` },
      to: { path: folders([...CAPABILITIES.slice(level + 1), 'server', 'cli']) },
    })),
    {
      name: 'web-is-a-client',
      comment: 'src/web is the page: a client of the public GraphQL API, importing nothing else of src/.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/(?!web/)' },
    },
    {
      name: 'nothing-imports-web',
      comment: 'The hub serves the built page from dist/web; no module imports its source.',
      severity: 'error',
      from: { path: '^src/(?!web/)' },
      to: { path: '^src/web/' },
    },
    {
      name: 'server-does-not-import-cli',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles between modules.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|test/gql|src/web/gql)/' },
  },
};
