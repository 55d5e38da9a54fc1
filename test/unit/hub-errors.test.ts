import { describe, expect, it } from 'vitest';
import { requestScope } from '../../src/logger.js';
import { formatHubError } from '../../src/server/limits.js';

describe('formatHubError', () => {
  const internal = {
    message: 'Neo.ClientError.Statement.SyntaxError: Invalid input at MATCH (m:MicroCredential)…',
    path: ['microCredentials'],
    extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at run (src/graph/client.ts:88)'] },
  };

  it('says nothing of an unexpected failure’s internals in production, only its code and path', () => {
    expect(formatHubError('production')(internal)).toEqual({
      message: 'internal error',
      path: ['microCredentials'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    // Within a request, its id finds the log lines of the failure.
    expect(requestScope.run({ requestId: 'req-7' }, () => formatHubError('production')(internal))).toEqual({
      message: 'internal error (request req-7)',
      path: ['microCredentials'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-7' },
    });
    // Development keeps the message for whoever runs the hub.
    expect(formatHubError('development')(internal)).toEqual(internal);
  });

  it('keeps the caller’s own errors whole in production', () => {
    const bad = {
      message: 'first: must be between 0 and 100 (got 500)',
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    };
    expect(formatHubError('production')(bad)).toEqual(bad);
  });

  it('gives a refused request its limit’s code in place of Apollo’s', () => {
    expect(
      formatHubError('production')({
        message: 'Syntax Error: Aliases limit of 50 exceeded, found 100.',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limitCode: 'ALIAS_LIMIT_EXCEEDED' },
      }),
    ).toEqual({
      message: 'Syntax Error: Aliases limit of 50 exceeded, found 100.',
      extensions: { code: 'ALIAS_LIMIT_EXCEEDED' },
    });
    expect(
      formatHubError('development')({
        message: 'Syntax Error: Document contains more that 5000 tokens. Parsing aborted.',
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      }).extensions,
    ).toEqual({ code: 'TOKEN_LIMIT_EXCEEDED' });
  });
});
