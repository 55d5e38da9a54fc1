import { resolveArrayConnection } from '@pothos/plugin-relay';
import { UserInputError } from '../errors.js';

export const DEFAULT_PAGE_SIZE = 20;

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/** Slices an already-loaded list as a Relay connection; asking for more than the maximum page is an error, not a silent cut. */
export function pageOf<T>(args: ConnectionArgs, items: readonly T[], maxPageSize: number) {
  for (const name of ['first', 'last'] as const) {
    const size = args[name];
    if (size != null && (size < 0 || size > maxPageSize)) {
      throw new UserInputError(name, `must be between 0 and ${maxPageSize} (got ${size})`);
    }
  }
  return resolveArrayConnection({ args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: maxPageSize }, items as T[]);
}
