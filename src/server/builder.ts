import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import RelayPlugin from '@pothos/plugin-relay';
import type { HubContext } from './context.js';

/** The one Pothos builder. Capabilities add their types in their own schema/ folders. */
export const builder = new SchemaBuilder<{
  Context: HubContext;
  DefaultFieldNullability: false;
}>({
  plugins: [ComplexityPlugin, RelayPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Concepts are identified by their ESCO URI; no global Node ids yet.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
  complexity: {
    // Bounds what one request may ask for: deep or very wide queries fail fast with a clear error.
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: { complexity: 50_000, depth: 12, breadth: 400 },
  },
});

builder.queryType({});
