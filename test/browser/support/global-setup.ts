import { chromiumInstalled } from './chromium';
import { ensureWebBuild, runIncludesBrowserSuites } from './web-build';

/** Once per jest run: the browser suites test the app as `npm run build` makes it, so a stale build is rebuilt. */
export default function globalSetup(globalConfig: { testPathPatterns?: { patterns?: string[] } }): void {
  const patterns = globalConfig.testPathPatterns?.patterns ?? [];
  if (chromiumInstalled() && runIncludesBrowserSuites(patterns)) ensureWebBuild();
}
