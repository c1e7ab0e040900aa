import { EventData, jsonEvent } from '@eventstore/db-client';
import { LogPosition, isLogPosition, toGlobalPosition } from './eventstoredb-position';
import { EventEnvelope, RecordedEvent, StoredFields } from './stored-event';

/** The hashed envelope fields EventStoreDB has no place for; id, stream, revision, type and data are its own. */
interface HashedMetadata {
  readonly metadata: StoredFields;
  readonly schemaVersion: number;
  readonly previousHash: string | null;
  readonly hash: string;
  readonly keyIds: readonly string[];
}

/**
 * An event's metadata as EventStoreDB stores it: the hashed fields, plus copies of the correlation and causation
 * ids under the top-level keys the server's own projections read ($by_correlation_id). The copies stay outside
 * what is hashed: the hash covers `metadata` (ours), never this wrapper, so adding them changed no hash.
 */
export interface EsdbMetadata extends HashedMetadata {
  readonly $correlationId?: string;
  readonly $causationId?: string;
}

/** The fields of the client's recorded event (6.2.1 `RecordedEvent`) that this adapter reads. */
export interface EsdbRecord {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly isJson: boolean;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly created: Date;
  readonly position?: LogPosition;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

/** The server's metadata keys for one envelope (the client JSON-encodes it as the event's custom metadata). */
export function esdbMetadataOf(event: EventEnvelope): EsdbMetadata {
  const { metadata, schemaVersion, previousHash, hash, keyIds } = event;
  const { correlationId, causationId } = metadata;
  return {
    metadata,
    schemaVersion,
    previousHash,
    hash,
    keyIds,
    ...(typeof correlationId === 'string' ? { $correlationId: correlationId } : {}),
    ...(typeof causationId === 'string' ? { $causationId: causationId } : {}),
  };
}

/** A chained envelope as the client's proposed JSON event. */
export const toProposedEvent = (event: EventEnvelope): EventData =>
  jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: esdbMetadataOf(event) });

/** Records of the server itself: links, system streams ($…, $$…) and system event types. */
export const isSystemRecord = (record: EsdbRecord): boolean =>
  record.streamId.startsWith('$') || record.type.startsWith('$');

/** Why a record is not a Suara Warga envelope, or undefined when it is one. */
function foreignReason(record: EsdbRecord): string | undefined {
  if (!record.isJson) return 'its content type is not JSON';
  if (!isObject(record.data)) return 'its data is not a JSON object';
  const m = record.metadata;
  if (!isObject(m)) return 'its metadata is not a JSON object';
  if (!isObject(m.metadata)) return 'its metadata has no envelope metadata object';
  if (!Number.isSafeInteger(m.schemaVersion)) return 'its metadata has no schema version';
  if (m.previousHash !== null && typeof m.previousHash !== 'string')
    return 'its metadata has no previous hash';
  if (typeof m.hash !== 'string') return 'its metadata has no hash';
  if (!Array.isArray(m.keyIds) || !m.keyIds.every((k) => typeof k === 'string'))
    return 'its metadata has no key ids';
  return undefined;
}

export type Recognition = { readonly event: RecordedEvent } | { readonly foreign: string };

/**
 * Reads a record back as the envelope that was hashed (the $-prefixed copies are left out), or says why it is not
 * one of ours. A record of ours without its log position means a server older than 22.6: refused, never guessed.
 */
export function recognise(record: EsdbRecord): Recognition {
  const reason = foreignReason(record);
  if (reason !== undefined) return { foreign: reason };
  if (!isLogPosition(record.position))
    throw new Error(
      `Event ${record.id} in ${record.streamId} came without its log position: EventStoreDB 22.6.0 or later needed`,
    );
  const m = record.metadata as unknown as HashedMetadata;
  return {
    event: {
      position: toGlobalPosition(record.position),
      id: record.id,
      stream: record.streamId,
      revision: Number(record.revision),
      type: record.type,
      schemaVersion: m.schemaVersion,
      data: record.data as StoredFields,
      metadata: m.metadata,
      previousHash: m.previousHash,
      hash: m.hash,
      keyIds: m.keyIds,
      recordedAt: record.created.toISOString(),
    },
  };
}
