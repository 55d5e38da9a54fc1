/**
 * Stacking (Annex I, "stackable into"): an offer stacks into larger micro-credentials or qualifications.
 * Stacking is an order, so it may not loop: an offer cannot, through any chain of stacksInto, stack into
 * itself. Pure: the caller gives every stacking edge that matters (the file's, and the catalogue's from the
 * offers it reaches, store.ts stackingEdges) with the file's offers replacing their stored edges.
 */

/** Stacking edges, from an offer's id to the ids it stacks into. */
export type StackingEdges = ReadonlyMap<string, readonly string[]>;

/**
 * The stored edges with those of the offers being written replaced by what they now state: an update
 * replaces the stored record, its stacksInto too.
 */
export function stackingAfterWrite(
  stored: ReadonlyArray<{ from: string; to: string }>,
  written: ReadonlyArray<{ id: string; stacksInto?: readonly string[] | null }>,
): Map<string, string[]> {
  const replaced = new Set(written.map((offer) => offer.id));
  const edges = new Map<string, string[]>();
  const add = (from: string, to: string) => {
    const list = edges.get(from) ?? [];
    if (!list.includes(to)) list.push(to);
    edges.set(from, list);
  };
  for (const { from, to } of stored) if (!replaced.has(from)) add(from, to);
  for (const offer of written) for (const to of offer.stacksInto ?? []) add(offer.id, to);
  return edges;
}

/**
 * The loop that the edge from → to closes, as the ids along it (from, to, …, from), or null when none:
 * a breadth-first search from `to` back to `from`, each id visited once (no recursion, so a long chain
 * cannot exhaust the stack), giving the shortest loop.
 */
export function stackingCycle(edges: StackingEdges, from: string, to: string): string[] | null {
  const cameFrom = new Map<string, string | null>([[to, null]]);
  const queue = [to];
  for (let head = 0; head < queue.length; head += 1) {
    const id = queue[head];
    if (id === from) {
      const back: string[] = [];
      for (let at: string | null = id; at !== null; at = cameFrom.get(at)!) back.push(at);
      return [from, ...back.reverse()];
    }
    for (const next of edges.get(id) ?? []) {
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, id);
      queue.push(next);
    }
  }
  return null;
}
