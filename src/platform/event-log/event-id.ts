import { deriveId } from '../ids';
import { EventMetadata } from './event-metadata';

/**
 * A new event's id, named by what it answers: the command, the digest of the request's body, the stream and its
 * index among the command's events. A blind retry of the same request carries the same ids (EventStoreDB then
 * deduplicates it); a reused Idempotency-Key with another body carries other ids, so a server's id deduplication
 * can never take it for a retry, and the command path answers 422.
 */
export const eventIdFor = (
  { commandId, requestDigest }: Pick<EventMetadata, 'commandId' | 'requestDigest'>,
  stream: string,
  index: number,
): string => deriveId('event', commandId, requestDigest, stream, String(index));
