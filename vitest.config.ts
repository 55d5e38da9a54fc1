import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { EscoFilesTogether } from './test/sequencer.js';

const require = createRequire(import.meta.url);

// graphql ships both ESM (.mjs) and CJS builds; Pothos and Apollo load the CJS one, so tests must too,
// or two copies of graphql meet and its instanceof checks fail.
const resolve = { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] };

export default defineConfig({
  resolve,
  test: {
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // Integration files that start from full ESCO run one after another, sharing one import (test/sequencer.ts).
    sequence: { sequencer: EscoFilesTogether },
    // `vitest run --project unit` runs the pure tests alone, without starting Neo4j.
    projects: [
      { resolve, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        resolve,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // Integration tests share one real Neo4j (started in global-setup), so files run one at a time.
          fileParallelism: false,
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
