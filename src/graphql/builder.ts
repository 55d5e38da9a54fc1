import SchemaBuilder from '@pothos/core';
import ComplexityPlugin, { ComplexityErrorKind } from '@pothos/plugin-complexity';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import { hasRole } from '../access/callers.js';
import { DEFAULT_PAGE_SIZE } from './connections.js';
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
    // Every connection is paged the same way (src/graphql/connections.ts), so its shared parts are described once here.
    pageInfoTypeOptions: { description: 'Where a page stands in the whole list (Relay cursor paging).' },
    hasNextPageFieldOptions: { description: 'More items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'Items come before this page.' },
    startCursorFieldOptions: {
      description: "Cursor of the page's first position: pass it as `before` for the page before.",
    },
    endCursorFieldOptions: { description: "Cursor of the page's last position: pass it as `after` for the next page." },
    edgesFieldOptions: { description: 'The items of this page, in the list’s order, each with its cursor.' },
    pageInfoFieldOptions: { description: 'Where this page stands in the whole list.' },
    nodeFieldOptions: { description: 'The item.' },
    cursorFieldOptions: { description: 'Opaque cursor of this position, for `after` or `before`.' },
    firstArgOptions: {
      description: `Take this many items from the start (after \`after\` when given): 0 to the server's maximum page size (MAX_PAGE_SIZE, default 100); a larger value is an error. Without first or last, a page holds ${DEFAULT_PAGE_SIZE}.`,
    },
    lastArgOptions: {
      description:
        "Take this many items from the end (before `before` when given): 0 to the server's maximum page size.",
    },
    afterArgOptions: { description: 'Start after this cursor (an edge cursor or pageInfo.endCursor).' },
    beforeArgOptions: { description: 'End before this cursor (an edge cursor or pageInfo.startCursor).' },
  },
  complexity: {
    // Bounds what one request may ask for: deep or very wide queries fail fast with a clear error.
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: { complexity: 50_000, depth: 12, breadth: 400 },
    // Each limit refused with its own code (as the request limits in src/server/limits.ts are).
    complexityError: (kind, result) => {
      const [code, value, max] =
        kind === ComplexityErrorKind.Depth
          ? ['DEPTH_LIMIT_EXCEEDED', result.depth, result.maxDepth]
          : kind === ComplexityErrorKind.Breadth
            ? ['BREADTH_LIMIT_EXCEEDED', result.breadth, result.maxBreadth]
            : ['COMPLEXITY_LIMIT_EXCEEDED', result.complexity, result.maxComplexity];
      const what = kind === ComplexityErrorKind.Complexity ? 'complexity' : kind.toLowerCase();
      return new GraphQLError(`Query exceeds maximum ${what} (${what}: ${value}, max: ${max})`, {
        extensions: { code, limit: max },
      });
    },
  },
});

builder.queryType({
  description:
    'Reads: the ESCO taxonomy, the micro-credential catalogue, skill linking, skills intelligence and matching. Reads of learner or jobseeker data and of outcome statistics need an API key with the right role (Authorization: Bearer <key>).',
});
