import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBase64Secret } from './secret-file';

const source = (dataDir: string, fromEnv?: string) => ({
  fromEnv,
  envName: 'SUARA_LOGIN_KEY',
  dataDir,
  fileName: 'login-key',
  minBytes: 32,
});

describe('base64 secrets from the environment or the data folder', () => {
  it('takes the environment’s value when set, and refuses it shorter than required', () => {
    const dir = mkdtempSync(join(tmpdir(), 'suara-secret-'));
    const key = randomBytes(48).toString('base64');
    expect(loadBase64Secret(source(dir, key)).toString('base64')).toBe(key);
    expect(() => loadBase64Secret(source(dir, randomBytes(16).toString('base64')))).toThrow(
      /SUARA_LOGIN_KEY must decode to at least 32 bytes/,
    );
  });

  it('refuses a value that is not strict base64, naming the variable', () =>
    expect(() => loadBase64Secret(source(mkdtempSync(join(tmpdir(), 's-')), `${'A'.repeat(43)}`))).toThrow(
      /SUARA_LOGIN_KEY must be base64/,
    ));

  it('generates one owner-only secret in the data folder and keeps it across starts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'suara-secret-'));
    const first = loadBase64Secret(source(dir));
    expect(first).toHaveLength(32);
    expect(loadBase64Secret(source(dir)).equals(first)).toBe(true);
    expect(statSync(join(dir, 'login-key')).mode & 0o777).toBe(0o600);
  });
});
