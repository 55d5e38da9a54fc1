/**
 * `work`'s value if it settles within `ms`, else `{ done: false }`; it is left to finish, and a failure after
 * the limit is dropped (no one waits for it any more).
 */
export async function withTimeLimit<T>(
  work: Promise<T>,
  ms: number,
): Promise<{ done: true; value: T } | { done: false }> {
  let timer: NodeJS.Timeout | undefined;
  let late = false;
  const settled = work.then(
    (value) => ({ done: true as const, value }),
    (error: unknown) => {
      if (late) return { done: false as const };
      throw error;
    },
  );
  const limit = new Promise<{ done: false }>((resolve) => {
    timer = setTimeout(() => {
      late = true;
      resolve({ done: false });
    }, ms);
  });
  try {
    return await Promise.race([settled, limit]);
  } finally {
    clearTimeout(timer);
  }
}
