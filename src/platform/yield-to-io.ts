/**
 * Lets pending I/O (HTTP requests, socket frames) run before the next step of a long loop. The embedded stores
 * answer at once, so a loop of awaits on them never leaves the microtask queue and would starve every request until
 * it ended; each catch-up loop calls this between batches.
 */
export const yieldToIo = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
