import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where `npm run build` puts the web app: dist/web under the project root. The root is found by walking up to
 * package.json, so the compiled server (dist/src/web) and the sources under jest (src/web) agree.
 */
export function defaultWebDir(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve('dist', 'web');
    dir = parent;
  }
  return path.join(dir, 'dist', 'web');
}
