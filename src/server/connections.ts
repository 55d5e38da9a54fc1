import { offsetForArgs, resolveArrayConnection } from '@pothos/plugin-relay';
import { UserInputError } from '../errors.js';

export const DEFAULT_PAGE_SIZE = 20;

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

function checkPageSize(args: ConnectionArgs, maxPageSize: number): void {
  for (const name of ['first', 'last'] as const) {
    const size = args[name];
    if (size != null && (size < 0 || size > maxPageSize)) {
      throw new UserInputError(name, `must be between 0 and ${maxPageSize} (got ${size})`);
    }
  }
}

/** Slices an already-loaded list as a Relay connection; asking for more than the maximum page is an error, not a silent cut. */
export function pageOf<T>(args: ConnectionArgs, items: readonly T[], maxPageSize: number) {
  checkPageSize(args, maxPageSize);
  return resolveArrayConnection({ args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: maxPageSize }, items as T[]);
}

/**
 * The positions a page can cover before the total is known, so a query can fetch the page and count the
 * matches in one go: `from` is inclusive (negative counts from the end, for `last` alone), `to` exclusive
 * (null: to the end), one past the page so `hasNextPage` can be told.
 */
export function pageWindow(args: ConnectionArgs, maxPageSize: number): { from: number; to: number | null } {
  checkPageSize(args, maxPageSize);
  if (args.last != null && args.before == null && args.first == null) return { from: -args.last, to: null };
  const { offset, limit } = offsetForArgs({ args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: maxPageSize });
  return { from: offset, to: offset + limit };
}

/** A connection over `total` matches of which only the window from `offset` was fetched (see pageWindow). */
export function pageOfWindow<T>(args: ConnectionArgs, total: number, offset: number, fetched: readonly T[], maxPageSize: number) {
  const items = new Array<T>(total);
  fetched.forEach((item, index) => {
    items[offset + index] = item;
  });
  const page = pageOf(args, items, maxPageSize);
  // A stale `before` cursor past the end can ask for positions the window did not cover: leave them out.
  return { ...page, edges: page.edges.filter((edge) => edge != null) };
}
