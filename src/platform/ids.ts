import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** A UUID-shaped id derived from its parts (RFC 9562 version 8), so a retried request finds the same id. */
export function deriveId(namespace: string, ...parts: string[]): string {
  const hex = createHash('sha256')
    .update(canonicalJson([namespace, ...parts]))
    .digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const newId = (): string => randomUUID();

/** A command's id: derived from (actor, Idempotency-Key) when a key was sent, random otherwise. */
export const commandIdFor = (actorId: string, idempotencyKey: string | undefined): string =>
  idempotencyKey === undefined ? newId() : deriveId('command', actorId, idempotencyKey);

/** Ids a command creates (a new aspiration, a message): derived from (actor, key) so a retry recreates them. */
export const createdIdFor = (kind: string, actorId: string, idempotencyKey: string | undefined): string =>
  idempotencyKey === undefined ? newId() : deriveId(kind, actorId, idempotencyKey);

/** What a request asked for, so the same key sent with another body is recognised. */
export const requestDigestOf = (commandType: string, target: string, body: unknown): string =>
  createHash('sha256').update(canonicalJson({ commandType, target, body })).digest('hex');
