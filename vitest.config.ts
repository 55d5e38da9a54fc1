import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql ships both ESM (.mjs) and CJS builds; Pothos and Apollo load the CJS one, so tests must too,
    // or two copies of graphql meet and its instanceof checks fail.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests share one real Neo4j (started in global-setup), so files run one at a time.
    fileParallelism: false,
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
