import { GraphQLError } from 'graphql';

/** One error type per failure kind. GraphQL errors carry `extensions.code` so clients can branch on it. */

/** The caller sent something we cannot accept; the message names the field and the reason. */
export class UserInputError extends GraphQLError {
  constructor(field: string, reason: string, problems?: Array<{ field: string; reason: string }>) {
    const all = problems && problems.length > 1 ? problems : undefined;
    super(all ? all.map((p) => `${p.field}: ${p.reason}`).join('; ') : `${field}: ${reason}`, {
      extensions: { code: 'BAD_USER_INPUT', field, ...(all ? { problems: all } : {}) },
    });
  }

  /** One error for a record with several bad fields: the message lists them all, extensions.field names the first. */
  static fromFields(problems: Array<{ field: string; reason: string }>): UserInputError {
    return new UserInputError(problems[0].field, problems[0].reason, problems);
  }
}

/** The thing asked for does not exist (e.g. a link to review). */
export class NotFoundError extends GraphQLError {
  constructor(what: string) {
    super(`${what} not found`, { extensions: { code: 'NOT_FOUND' } });
  }
}

/** A file to import is unreadable or malformed; names the file and, where known, line and column. */
export class ImportError extends Error {
  constructor(
    message: string,
    public readonly location: { file: string; line?: number; column?: string | number } = { file: '' },
  ) {
    const where = [location.file, location.line, location.column]
      .filter((part) => part != null && part !== '')
      .join(':');
    super(where ? `${where}: ${message}` : message);
    this.name = 'ImportError';
  }
}

/** The graph database is unreachable: the request can be tried again shortly (SERVICE_UNAVAILABLE). */
export class GraphUnavailableError extends GraphQLError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, {
      extensions: { code: 'SERVICE_UNAVAILABLE' },
      originalError: options?.cause instanceof Error ? options.cause : undefined,
    });
    this.name = 'GraphUnavailableError';
  }
}

/** A request, or one of its database transactions, ran past its time limit (REQUEST_TIMEOUT, QUERY_TIMEOUT). */
export class TimeLimitError extends GraphQLError {
  constructor(message: string, code: 'REQUEST_TIMEOUT' | 'QUERY_TIMEOUT') {
    super(message, { extensions: { code } });
    this.name = 'TimeLimitError';
  }
}
