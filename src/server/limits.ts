import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError, type ValidationContext, type ValidationRule } from 'graphql';
import type { HubMode } from '../config.js';
import type { HubContext } from '../graphql/context.js';
import { requestScope } from '../logger.js';

/**
 * What one GraphQL document may ask for, checked before anything runs (OWASP GraphQL cheat sheet): tokens
 * while parsing (graphql-js' own maxTokens), aliases, directives and depth while validating (graphql-armor). Each refusal answers
 * its own `extensions.code`; the message says the limit and what was found. Field cost and breadth are
 * bounded at execution by Pothos' complexity plugin (src/graphql/builder.ts), with codes of the same kind.
 * In production, "Did you mean …?" suggestions are removed from errors (they map the schema for a stranger).
 */

export const REQUEST_LIMITS = {
  /** Lexical tokens in one document: the page's largest is about 250, the bench's about 120. */
  tokens: 5000,
  /** Aliased fields in one document (many aliases are many queries sent as one). */
  aliases: 50,
  directives: 25,
  /** Nesting of selections, fragments followed. */
  depth: 12,
} as const;

/** The code each refusal answers with. */
export const LIMIT_CODES = {
  tokens: 'TOKEN_LIMIT_EXCEEDED',
  aliases: 'ALIAS_LIMIT_EXCEEDED',
  directives: 'DIRECTIVE_LIMIT_EXCEEDED',
  depth: 'DEPTH_LIMIT_EXCEEDED',
} as const;

/**
 * How a refusal is reported: as a validation error of the document (HTTP 400). Apollo gives validation
 * errors its own code (GRAPHQL_VALIDATION_FAILED); the limit's code rides along as `limitCode` and
 * formatLimitError puts it back in place.
 */
const refuse = (limit: Exclude<keyof typeof LIMIT_CODES, 'tokens'>) => ({
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(error.message, { extensions: { limitCode: LIMIT_CODES[limit] } })),
  ],
});

export function requestLimits(mode: HubMode): {
  plugins: Array<ApolloServerPlugin<HubContext>>;
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
} {
  const armor = new ApolloArmor({
    // Tokens are counted by graphql-js' parser itself (parseOptions below).
    maxTokens: { enabled: false },
    maxAliases: { n: REQUEST_LIMITS.aliases, ...refuse('aliases') },
    maxDirectives: { n: REQUEST_LIMITS.directives, ...refuse('directives') },
    maxDepth: { n: REQUEST_LIMITS.depth, ...refuse('depth') },
    // Cost is Pothos' complexity plugin's, which knows the list fields.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: mode === 'production' },
  });
  const { plugins, validationRules } = armor.protect();
  return {
    plugins: plugins as Array<ApolloServerPlugin<HubContext>>,
    validationRules,
    parseOptions: { maxTokens: REQUEST_LIMITS.tokens },
  };
}

/** graphql-js' parser refusing a document past maxTokens (its own words). */
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more tha[nt] \d+ tokens/;

/**
 * The code a client is told for an error (the answer, the metrics and the log agree on it): a refused
 * request's limit code in place of Apollo's generic one, else the error's own; none is an internal error.
 */
export function clientErrorCode(error: { message: string; extensions?: Readonly<Record<string, unknown>> }): string {
  const { limitCode, code } = error.extensions ?? {};
  if (limitCode) return String(limitCode);
  if (code === 'GRAPHQL_PARSE_FAILED' && TOO_MANY_TOKENS.test(error.message)) return LIMIT_CODES.tokens;
  return code ? String(code) : 'INTERNAL_SERVER_ERROR';
}

/** A refused request's error with its limit's code in place of Apollo's generic one. */
function formatLimitError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = clientErrorCode(formatted);
  if (code === formatted.extensions?.code) return formatted;
  const { limitCode: _marker, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions: { ...extensions, code } };
}

/**
 * The field a variable coercion error of graphql-js is about, as our own input errors name it
 * (`input.constraints.funding.kind`): its message says the variable, the path within it and, for a field
 * left out or unknown, that field's name; extensions.field is set from them.
 */
export function coercionField(message: string): string | null {
  const variable =
    /^Variable "\$(\w+)" (?:got invalid value .*?(?: at "([^"]+)")?;|of required type .* was not provided\.)/s.exec(
      message,
    );
  if (!variable) return null;
  const inner = /; Field "(\w+)" (?:of required type .* was not provided|is not defined by type)/.exec(message);
  return [variable[2] ?? variable[1], inner?.[1]].filter(Boolean).join('.');
}

function withInputField(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (formatted.extensions?.code !== 'BAD_USER_INPUT' || formatted.extensions.field) return formatted;
  const field = coercionField(formatted.message);
  return field ? { ...formatted, extensions: { ...formatted.extensions, field } } : formatted;
}

/**
 * Every error as the client gets it: a variable's coercion error naming its field; a refusal with its limit's code; in production an unexpected failure
 * says nothing of the internals (the log has them), only its code and where in the answer it happened.
 */
export const formatHubError =
  (mode: HubMode) =>
  (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const error = withInputField(formatLimitError(formatted));
    if (mode !== 'production' || error.extensions?.code !== 'INTERNAL_SERVER_ERROR') return error;
    // The request id finds the log lines of the failure.
    const requestId = requestScope.getStore()?.requestId;
    return {
      message: requestId ? `internal error (request ${requestId})` : 'internal error',
      path: error.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
    };
  };
