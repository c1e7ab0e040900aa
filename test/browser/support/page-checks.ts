import { source as axeSource } from 'axe-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

/** Git-ignored; CI keeps it as the run's artifacts. */
export const ARTIFACTS = path.resolve(__dirname, '../artifacts');

/** A mid-range phone: where most people open Suara Warga. */
export async function phoneContext(
  browser: Browser,
  baseURL: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    ...options,
  });
  // Each step fails within jest's own timeout, with Playwright's message saying what it waited for; read models on
  // FerretDB (SUARA_E2E_ON_MONGO) answer more slowly, so steps wait longer there (jest.config.js does too).
  context.setDefaultTimeout(process.env.SUARA_E2E_ON_MONGO === 'true' ? 20_000 : 10_000);
  return context;
}

/** Every uncaught error and Content-Security-Policy refusal of a page: a working page has none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text()))
      errors.push(`csp: ${message.text()}`);
  });
  return errors;
}

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: ReadonlyArray<{ readonly target: unknown }>;
}

/**
 * Runs axe-core on the page as it is (evaluated through the DevTools protocol, so the app's CSP stays on) and
 * saves a full-page screenshot; answers the violations of impact serious or critical.
 */
export async function checkPage(page: Page, name: string): Promise<string[]> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(
    "axe.run(document, { resultTypes: ['violations'] }).then((results) => results.violations)",
  )) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${name}: ${v.id} (${v.impact}) ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`,
    );
}
