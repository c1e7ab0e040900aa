import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// Imports point one way (projections/README.md): the platform knows no feature, and src/ knows no projection but in the
// composition root, src/main.ts, which puts the API and the read side together.
const SRC = __dirname;
const PLATFORM = join(SRC, 'platform');
const PROJECTIONS = resolve(SRC, '../projections');
const COMPOSITION_ROOT = join(SRC, 'main.ts');
const inside = (dir: string, path: string) => !relative(dir, path).startsWith('..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Where each relative import of a file's code leads; specs may borrow fixtures, they ship nowhere. */
const importsOfCode = (dir: string) =>
  sourceFiles(dir)
    .filter((file) => !file.endsWith('.spec.ts'))
    .flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(?:from|import|require)\s*\(?\s*['"](\.[^'"]*)['"]/g)].map(
        ([, specifier]) => ({ file, specifier, target: resolve(dirname(file), specifier) }),
      ),
    );
const describeImport = ({ file, specifier }: { file: string; specifier: string }) =>
  `${relative(SRC, file)} imports ${specifier}`;

describe('layering', () => {
  it('src/platform imports no feature folder and no projection', () => {
    const isFeature = (path: string) =>
      (inside(SRC, path) && !inside(PLATFORM, path)) || inside(PROJECTIONS, path);
    expect(
      importsOfCode(PLATFORM)
        .filter(({ target }) => isFeature(target))
        .map(describeImport),
    ).toEqual([]);
  });

  it('src/ imports projections/ only in its composition root, src/main.ts', () => {
    const intoProjections = importsOfCode(SRC).filter(
      ({ file, target }) => inside(PROJECTIONS, target) && file !== COMPOSITION_ROOT,
    );
    expect(intoProjections.map(describeImport)).toEqual([]);
  });
});
