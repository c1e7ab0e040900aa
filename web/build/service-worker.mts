import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const FILE_NAME = 'sw.js';
const PLACEHOLDER = /__SUARA_SHELL__/g;

const filesUnder = (dir: string, base = dir): string[] =>
  !existsSync(dir)
    ? []
    : readdirSync(dir).flatMap((name) => {
        const file = path.join(dir, name);
        return statSync(file).isDirectory() ? filesUnder(file, base) : [path.relative(base, file)];
      });

/**
 * Builds web/src/sw/service-worker.ts into /sw.js (the root scope) and writes into it the list of this build's
 * files and a version hashed from their contents: a new build is a new worker with a new cache, the old one goes.
 */
export function serviceWorker(entry: string): Plugin {
  let publicDir = '';
  return {
    name: 'suara-service-worker',
    apply: 'build',
    configResolved: (config) => void (publicDir = config.publicDir),
    buildStart() {
      this.emitFile({ type: 'chunk', id: entry, fileName: FILE_NAME });
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const worker = bundle[FILE_NAME];
        if (!worker || worker.type !== 'chunk') throw new Error(`${FILE_NAME} was not built`);
        const hash = createHash('sha256');
        const built = Object.values(bundle)
          .filter((file) => file.fileName !== FILE_NAME && !file.fileName.endsWith('.map'))
          .sort((a, b) => a.fileName.localeCompare(b.fileName));
        for (const file of built) {
          hash.update(file.fileName);
          hash.update(file.type === 'chunk' ? file.code : file.source);
        }
        const copied = filesUnder(publicDir).sort();
        copied.forEach((name) => hash.update(name).update(readFileSync(path.join(publicDir, name))));
        const files = [...built.map((file) => file.fileName), ...copied].map(
          (name) => `/${name.replace(/\\/g, '/')}`,
        );
        const shell = JSON.stringify({ version: hash.digest('hex').slice(0, 16), files });
        worker.code = worker.code.replace(PLACEHOLDER, `(${shell})`);
      },
    },
  };
}
