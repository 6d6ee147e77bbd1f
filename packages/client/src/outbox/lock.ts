const heldInThisPage = new Set<string>();

/**
 * Runs `task` while holding the lock `name`, unless another tab or client holds it, in which case it returns
 * `undefined` at once without running `task`. Web Locks coordinate tabs; where they are missing (older
 * browsers, insecure contexts) a page-local set still keeps two clients in one page apart, and the server's
 * idempotency key keeps tabs from double counting.
 */
export async function ifLockFree<T>(name: string, task: () => Promise<T>): Promise<{ value: T } | undefined> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (locks) {
    return locks.request(name, { ifAvailable: true }, async (lock) => (lock ? { value: await task() } : undefined));
  }
  if (heldInThisPage.has(name)) return undefined;
  heldInThisPage.add(name);
  try {
    return { value: await task() };
  } finally {
    heldInThisPage.delete(name);
  }
}
