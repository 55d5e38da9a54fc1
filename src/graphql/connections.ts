import { cursorToOffset, offsetForArgs, resolveArrayConnection } from '@pothos/plugin-relay';
import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import { UserInputError } from '../errors.js';

export const DEFAULT_PAGE_SIZE = 20;

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/** Page sizes within bounds, and cursors this API gave (a cursor made up or cut short is the caller's error). */
function checkPageSize(args: ConnectionArgs, maxPageSize: number): void {
  for (const name of ['first', 'last'] as const) {
    const size = args[name];
    if (size != null && (size < 0 || size > maxPageSize)) {
      throw new UserInputError(name, `must be between 0 and ${maxPageSize} (got ${size})`);
    }
  }
  for (const name of ['after', 'before'] as const) {
    const cursor = args[name];
    if (cursor == null) continue;
    let offset = Number.NaN;
    try {
      offset = cursorToOffset(cursor);
    } catch {
      // not base64, or not one of ours: said below
    }
    if (!Number.isInteger(offset) || offset < 0)
      throw new UserInputError(
        name,
        `'${cursor.slice(0, 40)}' is not a cursor of this list: pass an edge cursor or pageInfo.${name === 'after' ? 'endCursor' : 'startCursor'} as given`,
      );
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
  // `last` alone counts back from the end; `last: 0` must not become `from: -0`, which is the start of everything.
  if (args.last != null && args.before == null && args.first == null)
    return args.last === 0 ? { from: 0, to: 0 } : { from: -args.last, to: null };
  const { offset, limit } = offsetForArgs({ args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: maxPageSize });
  return { from: offset, to: offset + limit };
}

/** A connection over `total` matches of which only the window from `offset` was fetched (see pageWindow). */
export function pageOfWindow<T>(
  args: ConnectionArgs,
  total: number,
  offset: number,
  fetched: readonly T[],
  maxPageSize: number,
) {
  const items = new Array<T>(total);
  fetched.forEach((item, index) => {
    items[offset + index] = item;
  });
  const page = pageOf(args, items, maxPageSize);
  // A stale `before` cursor past the end can ask for positions the window did not cover: leave them out.
  return { ...page, edges: page.edges.filter((edge) => edge != null) };
}

/**
 * The names of the fields a query selects on a connection's nodes (under edges.node), through fragments too,
 * so a listing can leave out what nobody asked for. @skip/@include are not evaluated: a field they might drop
 * still counts as selected, which only ever fetches more.
 */
export function selectedNodeFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined, path: string[]) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (path.length === 0) names.add(selection.name.value);
        else if (selection.name.value === path[0]) visit(selection.selectionSet, path.slice(1));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, path);
      } else {
        visit(info.fragments[selection.name.value]?.selectionSet, path);
      }
    }
  };
  for (const field of info.fieldNodes) visit(field.selectionSet, ['edges', 'node']);
  return names;
}
