import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The token signing secret: SUARA_TOKEN_SECRET (base64, shared by all instances) in production; embedded, a
 * random one kept in the data folder so tokens survive a restart.
 */
export function loadTokenSecret(fromEnv: string | undefined, dataDir: string): Buffer {
  if (fromEnv) return strictBase64(fromEnv, 'SUARA_TOKEN_SECRET');
  const file = join(dataDir, 'token-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return strictBase64(readFileSync(file, 'utf8').trim(), file);
}

/** Base64 that decodes to exactly what was written: a mistyped secret fails loudly instead of shrinking. */
function strictBase64(text: string, source: string): Buffer {
  const bytes = Buffer.from(text, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || bytes.toString('base64') !== text) {
    throw new Error(`${source} must be base64 (e.g. from: openssl rand -base64 32)`);
  }
  return bytes;
}
