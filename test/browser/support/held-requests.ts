import { Page } from 'playwright-core';

export interface HeldRequests {
  /** How many requests have been held so far. */
  readonly count: () => number;
  /** Lets every held request, and any later one, go on to the real server. */
  readonly release: () => void;
}

/** Holds the page's requests that `matches` until `release()`, to bring about a race at a chosen moment. */
export async function holdRequests(
  page: Page,
  matches: string | ((url: URL) => boolean),
): Promise<HeldRequests> {
  let count = 0;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(matches, async (route) => {
    count++;
    await released;
    await route.continue();
  });
  return { count: () => count, release };
}
