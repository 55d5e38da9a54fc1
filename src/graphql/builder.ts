import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import { hasRole } from '../access/callers.js';
import type { HubContext } from './context.js';

/** The one Pothos builder. Capabilities add their types in their own schema/ folders. */
export const builder = new SchemaBuilder<{
  Context: HubContext;
  DefaultFieldNullability: false;
  AuthScopes: { curator: boolean; issuer: boolean; counsellor: boolean; analyst: boolean; admin: boolean };
}>({
  plugins: [ScopeAuthPlugin, ComplexityPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    // Roles come from the caller's API key (src/access/callers.ts); admin holds every role.
    authScopes: (context) => ({
      curator: hasRole(context.caller, 'curator'),
      issuer: hasRole(context.caller, 'issuer'),
      counsellor: hasRole(context.caller, 'counsellor'),
      analyst: hasRole(context.caller, 'analyst'),
      admin: hasRole(context.caller, 'admin'),
    }),
    unauthorizedError: (_parent, context, info) =>
      new GraphQLError(
        context.caller.authenticated
          ? `${info.fieldName}: the API key '${context.caller.name}' does not have the role this needs`
          : `${info.fieldName}: needs an API key with the right role (Authorization: Bearer <key>)`,
        { extensions: { code: context.caller.authenticated ? 'FORBIDDEN' : 'UNAUTHENTICATED' } },
      ),
  },
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
