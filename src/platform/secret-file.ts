import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SecretSource {
  /** The environment variable's value, when set: shared by every instance. */
  readonly fromEnv: string | undefined;
  readonly envName: string;
  readonly dataDir: string;
  /** Where the embedded default is kept, inside dataDir, so it survives a restart. */
  readonly fileName: string;
  readonly minBytes: number;
}

/** A base64 secret from the environment, or one generated once and kept in the data folder. */
export function loadBase64Secret({ fromEnv, envName, dataDir, fileName, minBytes }: SecretSource): Buffer {
  const secret = fromEnv ? strictBase64(fromEnv, envName) : fromDataDir(dataDir, fileName, minBytes);
  if (secret.length < minBytes)
    throw new Error(
      `${envName} must decode to at least ${minBytes} bytes (openssl rand -base64 ${minBytes})`,
    );
  return secret;
}

function fromDataDir(dataDir: string, fileName: string, bytes: number): Buffer {
  const file = join(dataDir, fileName);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(bytes).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return strictBase64(readFileSync(file, 'utf8').trim(), file);
}

/** Base64 that decodes to exactly what was written: a mistyped secret fails loudly instead of shrinking. */
export function strictBase64(text: string, source: string): Buffer {
  const bytes = Buffer.from(text, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || bytes.toString('base64') !== text) {
    throw new Error(`${source} must be base64 (e.g. from: openssl rand -base64 32)`);
  }
  return bytes;
}
