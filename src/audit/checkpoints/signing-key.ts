import { createHash, createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBase64Secret, strictBase64 } from '../../platform/secret-file';

/** The checkpoint signing key: an Ed25519 private key and what outsiders need to check its signatures. */
export interface AuditSigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** SubjectPublicKeyInfo as PEM: what GET /api/audit/public-key serves and auditors keep. */
  readonly publicKeyPem: string;
  /** SHA-256 of the public key's DER encoding, hex, as Certificate Transparency names a log. */
  readonly logId: string;
}

export const SIGNING_KEY_ENV = 'SUARA_AUDIT_SIGNING_KEY';
export const SIGNING_KEY_FILE = 'audit-signing-key';
const SEED_BYTES = 32;
// PKCS #8 wrapping of a raw Ed25519 seed (RFC 8410): the fixed prefix, then the 32 bytes.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export const logIdOf = (publicKey: KeyObject): string =>
  createHash('sha256')
    .update(publicKey.export({ format: 'der', type: 'spki' }))
    .digest('hex');

export function publicKeyInfo(publicKey: KeyObject): Pick<AuditSigningKey, 'publicKeyPem' | 'logId'> {
  return {
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    logId: logIdOf(publicKey),
  };
}

/** The key from its 32-byte seed (base64 in the environment or the key file, like the platform's other secrets). */
export function signingKeyFromSeed(seed: Buffer): AuditSigningKey {
  if (seed.length !== SEED_BYTES)
    throw new Error(
      `${SIGNING_KEY_ENV} must decode to exactly ${SEED_BYTES} bytes (openssl rand -base64 32)`,
    );
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, ...publicKeyInfo(publicKey) };
}

/** From the environment, or a file in the data folder created on first start: every instance must share it. */
export const loadSigningKey = (dataDir: string, fromEnv: string | undefined): AuditSigningKey =>
  signingKeyFromSeed(
    loadBase64Secret({
      fromEnv,
      envName: SIGNING_KEY_ENV,
      dataDir,
      fileName: SIGNING_KEY_FILE,
      minBytes: SEED_BYTES,
    }),
  );

/** The public key of an existing signing key, never creating one: what the verifier falls back to. */
export function existingPublicKey(dataDir: string, fromEnv: string | undefined): KeyObject | undefined {
  const file = join(dataDir, SIGNING_KEY_FILE);
  const seed = fromEnv
    ? strictBase64(fromEnv, SIGNING_KEY_ENV)
    : existsSync(file)
      ? strictBase64(readFileSync(file, 'utf8').trim(), file)
      : undefined;
  return seed && signingKeyFromSeed(seed).publicKey;
}
