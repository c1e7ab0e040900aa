import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { canonicalJson } from '../canonical-json';
import { DataKey } from './key-store.port';

/** An encrypted field as stored: "<keyId>.<iv>.<tag>.<ciphertext>" (base64url), AES-256-GCM. */
export interface EncryptedField {
  readonly $enc: string;
}

export const isEncrypted = (value: unknown): value is EncryptedField =>
  typeof value === 'object' && value !== null && typeof (value as EncryptedField).$enc === 'string';

export const keyIdOf = (field: EncryptedField): string => field.$enc.split('.', 1)[0];

/** `context` (event id and field path) is authenticated, so a ciphertext cannot be moved to another event. */
export function encryptField(value: unknown, key: DataKey, context: string): EncryptedField {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv).setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([cipher.update(canonicalJson(value), 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url'));
  return { $enc: [key.id, ...parts].join('.') };
}

export function decryptField(field: EncryptedField, key: Buffer, context: string): unknown {
  const [, iv, tag, ciphertext] = field.$enc.split('.').map((part) => Buffer.from(part, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(context)).setAuthTag(tag);
  return JSON.parse(Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8'));
}
