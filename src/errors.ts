import { GraphQLError } from 'graphql';

/** One error type per failure kind. GraphQL errors carry `extensions.code` so clients can branch on it. */

/** The caller sent something we cannot accept; the message names the field and the reason. */
export class UserInputError extends GraphQLError {
  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`, { extensions: { code: 'BAD_USER_INPUT', field } });
  }
}

/** A file to import is unreadable or malformed; names the file and, where known, line and column. */
export class ImportError extends Error {
  constructor(
    message: string,
    public readonly location: { file: string; line?: number; column?: string | number } = { file: '' },
  ) {
    const where = [location.file, location.line, location.column].filter((part) => part != null && part !== '').join(':');
    super(where ? `${where}: ${message}` : message);
    this.name = 'ImportError';
  }
}

/** The graph database is unreachable or refused the work. */
export class GraphUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GraphUnavailableError';
  }
}
