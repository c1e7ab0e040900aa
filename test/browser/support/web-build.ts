import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const builtIndex = path.join(root, 'dist/web/index.html');

function newestUnder(dir: string): number {
  return readdirSync(dir).reduce((newest, name) => {
    const entry = path.join(dir, name);
    const stat = statSync(entry);
    return Math.max(newest, stat.isDirectory() ? newestUnder(entry) : stat.mtimeMs);
  }, 0);
}

/** The web app's sources changed since dist/web was built (or it never was). */
export function webBuildIsStale(): boolean {
  if (!existsSync(builtIndex)) return true;
  const sources = Math.max(
    newestUnder(path.join(root, 'web')),
    statSync(path.join(root, 'package-lock.json')).mtimeMs,
  );
  return sources > statSync(builtIndex).mtimeMs;
}

/** Builds the web app with Vite, as `npm run build:web` does (about a second); only when it is stale. */
export function ensureWebBuild(): void {
  if (!webBuildIsStale()) return;
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.mts'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      // jest sets NODE_ENV=test, which Vite would honour: the app under test is the production build.
      env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    },
  );
}

/** Whether this jest run includes any browser suite (a run of other files needs no web build). */
export function runIncludesBrowserSuites(patterns: readonly string[]): boolean {
  const suites = readdirSync(path.join(root, 'test/browser'))
    .filter((name) => name.endsWith('.e2e.ts'))
    .map((name) => path.join(root, 'test/browser', name));
  return (
    patterns.length === 0 || suites.some((suite) => patterns.some((p) => new RegExp(p, 'i').test(suite)))
  );
}
