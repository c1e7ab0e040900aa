import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// The platform is shared by every feature, so it must not know any: features join at the app root.
const PLATFORM = __dirname;
const SRC = resolve(PLATFORM, '..');
const PROJECTIONS = resolve(SRC, '../projections');
const inside = (dir: string, path: string) => !relative(dir, path).startsWith('..');

/** A feature folder (src/<feature>, src/app-*.ts, …) or the read side: anything in src/ or projections/ but the platform. */
const isFeature = (path: string) =>
  (inside(SRC, path) && !inside(PLATFORM, path)) || inside(PROJECTIONS, path);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const relativeImports = (source: string) =>
  [...source.matchAll(/(?:from|import|require)\s*\(?\s*['"](\.[^'"]*)['"]/g)].map((match) => match[1]);

describe('src/platform', () => {
  // Specs may borrow a feature's fixtures (and testing/ helpers the test/support ones): they ship nowhere.
  it('imports no feature folder and no projection in its code', () => {
    const code = sourceFiles(PLATFORM).filter((file) => !file.endsWith('.spec.ts'));
    const outside = code.flatMap((file) =>
      relativeImports(readFileSync(file, 'utf8'))
        .filter((specifier) => isFeature(resolve(dirname(file), specifier)))
        .map((specifier) => `${relative(PLATFORM, file)} imports ${specifier}`),
    );
    expect(outside).toEqual([]);
  });
});
