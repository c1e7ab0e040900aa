// Load time of each public and citizen page of the web app on a cheap phone over a slow connection: Chromium
// (Debian's, driven by playwright-core) under DevTools throttling of the network (400 kbit/s each way, 400 ms
// round trip: "slow 3G") and of the CPU (4x slower: a mid-range phone), beside a static page of the same server.
// Run: npm run bench:web   (BENCH_RUNS=1 npm run bench:web for a quick look)
// Per page: DOMContentLoaded, first contentful paint and "ready" (the page's own content on screen), on a first
// visit (empty cache) and on a repeat visit (HTTP cache and service worker), medians of BENCH_RUNS; and the
// JavaScript the first visit needed until ready, gzipped (as `gzip -9` of each file) and as transferred (brotli).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Browser, chromium } from 'playwright-core';
import { Report } from './support/report';
import { TARGETS } from './support/targets';
import { BASELINE_PATH, BenchServer, startBenchServer } from './web-bench-app';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const NETWORK = {
  offline: false,
  latency: 400,
  downloadThroughput: 400_000 / 8,
  uploadThroughput: 400_000 / 8,
};
const CPU_SLOWDOWN = 4;
const TIMEOUT_MS = 120_000;

interface PageUnderTest {
  readonly name: string;
  readonly path: (server: BenchServer) => string;
  /** Shown once the page's own content is on screen (not merely the shell). */
  readonly ready: string;
  readonly signedIn?: boolean;
}

const PAGES: readonly PageUnderTest[] = [
  { name: 'baseline (static HTML)', path: () => BASELINE_PATH, ready: 'h1' },
  { name: 'feed', path: () => '/', ready: '.thread-list a' },
  { name: 'thread', path: (s) => `/aspirasi/${s.threadId}`, ready: '.message-response' },
  { name: 'statistics', path: () => '/statistik', ready: 'svg.bar-chart' },
  { name: 'register', path: () => '/daftar', ready: 'main form' },
  { name: 'confirm', path: () => '/konfirmasi', ready: 'main form' },
  { name: 'sign in', path: () => '/masuk', ready: 'main form' },
  { name: 'reset password', path: () => '/lupa-sandi', ready: 'main form' },
  { name: 'submit', path: () => '/kirim', ready: '#title', signedIn: true },
  { name: 'my aspirations', path: () => '/saya', ready: '.thread-list a', signedIn: true },
  { name: 'account', path: () => '/akun', ready: '#current-password', signedIn: true },
];

interface Timing {
  readonly dcl: number;
  readonly fcp: number;
  readonly ready: number;
}
interface Sample {
  readonly cold: Timing;
  readonly warm: Timing;
  readonly scripts: readonly { path: string; transferred: number }[];
}

/** Notes, from the first paint on, when the page's own content appears (a MutationObserver, no polling). */
const readyProbe = (selector: string) => `(() => {
  const check = () => {
    if (window.__benchReady === undefined && document.querySelector(${JSON.stringify(selector)}))
      window.__benchReady = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true });
  document.addEventListener('DOMContentLoaded', check);
})()`;

const TIMING = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const scripts = performance.getEntriesByType('resource')
    .filter((e) => e.startTime <= window.__benchReady && new URL(e.name).pathname.endsWith('.js'))
    .map((e) => ({ path: new URL(e.name).pathname, transferred: e.encodedBodySize }));
  return { dcl: nav.domContentLoadedEventEnd, fcp: fcp ? fcp.startTime : NaN, ready: window.__benchReady, scripts };
})()`;

async function load(browser: Browser, server: BenchServer, page: PageUnderTest): Promise<Sample> {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'id-ID',
  });
  context.setDefaultTimeout(TIMEOUT_MS);
  if (page.signedIn) {
    const token = JSON.stringify(await server.refreshToken());
    await context.addInitScript(
      `if (!localStorage.getItem('suara.refreshToken')) localStorage.setItem('suara.refreshToken', ${token})`,
    );
  }
  await context.addInitScript(readyProbe(page.ready));
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const visit = async () => {
    await tab.goto(page.path(server), { waitUntil: 'load' });
    await tab.waitForSelector(page.ready, { state: 'attached' });
    return (await tab.evaluate(TIMING)) as Timing & Pick<Sample, 'scripts'>;
  };
  const { scripts, ...cold } = await visit();
  // A repeat visit: what the service worker kept (once it controls the page) and the HTTP cache.
  if (page.path(server) !== BASELINE_PATH)
    await tab.evaluate('navigator.serviceWorker.ready.then(() => true)');
  const { scripts: _again, ...warm } = await visit();
  await context.close();
  return { cold, warm, scripts };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const seconds = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)}s` : '–');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** `gzip -9` of a built file, as the budget counts it (the server sends brotli where it may). */
function gzipped(webDir: string, path: string): number {
  const file = join(webDir, path);
  if (existsSync(`${file}.gz`)) return readFileSync(`${file}.gz`).length;
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
}

async function main(): Promise<void> {
  const server = await startBenchServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  const report = new Report('web', 'Web app on slow 3G and a mid-range phone (Chromium, throttled)', {
    BENCH_RUNS: RUNS,
  });
  report.print(`browser: ${browser.version()}`);
  report.print(
    `network: ${(NETWORK.downloadThroughput * 8) / 1000} kbit/s down and up, ${NETWORK.latency} ms round trip; ` +
      `CPU ${CPU_SLOWDOWN}x slower; phone viewport 390x844; median of ${RUNS} run(s)\n`,
  );
  const widths = [24, 9, 9, 9, 9, 9, 9, 6, 11, 11];
  report.print(
    row(['', 'first visit', '', '', 'repeat visit', '', '', 'initial JavaScript', '', ''], widths),
  );
  report.print(
    row(['page', 'DCL', 'FCP', 'ready', 'DCL', 'FCP', 'ready', 'files', 'gzip', 'transferred'], widths),
  );
  let baselineReady = NaN;
  try {
    for (const page of PAGES) {
      const samples: Sample[] = [];
      for (let run = 0; run < RUNS; run++) samples.push(await load(browser, server, page));
      const m = (pick: (s: Sample) => number) => seconds(median(samples.map(pick)));
      const scripts = samples[0].scripts;
      const gzip = scripts.reduce((sum, s) => sum + gzipped(server.webDir, s.path), 0);
      const transferred = scripts.reduce((sum, s) => sum + s.transferred, 0);
      const ready = median(samples.map((s) => s.cold.ready)) / 1000;
      if (page.path(server) === BASELINE_PATH) baselineReady = ready;
      else {
        const baseline = { name: 'static HTML page, first visit', value: baselineReady };
        report.add({ name: `${page.name}: ready, first visit`, value: ready, unit: 's', baseline });
        report.add({
          name: `${page.name}: JavaScript gzipped`,
          value: gzip / 1024,
          unit: 'KB',
          target: TARGETS.pageJavaScript,
        });
      }
      report.print(
        row(
          [
            page.name,
            m((s) => s.cold.dcl),
            m((s) => s.cold.fcp),
            m((s) => s.cold.ready),
            m((s) => s.warm.dcl),
            m((s) => s.warm.fcp),
            m((s) => s.warm.ready),
            String(scripts.length),
            kb(gzip),
            kb(transferred),
          ],
          widths,
        ),
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  report.finish();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
