import type { TypedDocumentString } from './gql/graphql';

/**
 * The page's one way to the hub: POST /graphql with a typed document (src/web/gql/, from codegen.ts), the
 * way every client calls it. An error answer becomes an ApiError with the API's words and the argument at
 * fault (extensions.field), for the view to show next to that field. A key, when the user gives one, lives
 * in this tab's memory only (never in the URL or in storage that outlives the tab).
 */

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
    readonly field: string | null,
  ) {
    super(message);
  }
}

/** Any failure as an ApiError (a thrown non-API error keeps its words, with no code or field). */
export const asApiError = (error: unknown) =>
  error instanceof ApiError ? error : new ApiError(String(error), null, null);

let apiKey: string | null = null;
export const setApiKey = (key: string | null) => {
  apiKey = key && key.trim() !== '' ? key.trim() : null;
};
export const hasApiKey = () => apiKey !== null;

export async function request<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch {
    throw new ApiError('The hub did not answer: is it running?', null, null);
  }
  const body = (await response.json().catch(() => null)) as {
    data?: R;
    errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
  } | null;
  const error = body?.errors?.[0];
  if (error) throw new ApiError(error.message, error.extensions?.code ?? null, error.extensions?.field ?? null);
  if (!response.ok || !body?.data) throw new ApiError(`The hub answered ${response.status}.`, null, null);
  return body.data;
}
