import { existsSync } from 'node:fs';
import { Browser, chromium } from 'playwright-core';

/** Debian's Chromium, which .ci/run installs; never a browser that a tool downloads for itself. */
export const CHROMIUM = '/usr/bin/chromium';

export const chromiumInstalled = (): boolean => existsSync(CHROMIUM);

/**
 * A browser suite, or the same suite skipped by name when Chromium is missing: jest then lists each of its tests
 * as skipped (never as passed) and the reason is printed once.
 */
export function describeInBrowser(name: string, suite: () => void): void {
  if (chromiumInstalled())
    return describe(name, () => {
      // A guard, not a timing check: a page visit on a shared 2-core machine can take many seconds.
      jest.setTimeout(120_000);
      suite();
    });
  console.log(
    `Browser suite "${name}" skipped: no Chromium at ${CHROMIUM} (.ci/run installs it with apt-get)`,
  );
  describe.skip(name, suite);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}
