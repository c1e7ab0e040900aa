import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const web = path.resolve(__dirname, '../web/src');
const catalogue = (language: string): Record<string, string> =>
  JSON.parse(readFileSync(path.join(web, 'i18n', `${language}.json`), 'utf8'));

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sources(file) : /\.tsx?$/.test(name) ? [file] : [];
  });

describe('the web app’s message catalogues', () => {
  const id = catalogue('id');
  const en = catalogue('en');

  it('say the same things in Bahasa Indonesia and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    const blank = Object.entries({ ...id, ...en }).filter(([, text]) => text.trim() === '');
    expect(blank).toEqual([]);
  });

  it('keep the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const differ = Object.keys(id).filter(
      (key) => placeholders(id[key]).join() !== placeholders(en[key]).join(),
    );
    expect(differ).toEqual([]);
  });

  it('hold every text the pages ask for by name', () => {
    const used = sources(web).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.-]+)'/g)].map((m) => m[1]),
    );
    expect(used.length).toBeGreaterThan(100);
    expect([...new Set(used)].filter((key) => !(key in id))).toEqual([]);
  });
});
