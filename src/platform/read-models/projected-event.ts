import { OpenedEvent } from '../event-log/event-sealer';

/**
 * An event as read models see it: opened (personal fields decrypted where the key exists), with its position. The
 * projection runner and the as-of views (time travel) build it the same way, so both fold the same input.
 */
export interface ProjectedEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly stream: string;
  readonly position: bigint;
  readonly actor: { readonly id: string | null; readonly role: string };
  readonly occurredAt: string;
  /** Paths ('data.submittedBy', 'metadata.actor') of personal fields whose person was erased: they read as null. */
  readonly erased?: readonly string[];
}

export const projectedEvent = ({ event, metadata, recorded, erased }: OpenedEvent): ProjectedEvent => ({
  type: event.type,
  data: event.data as Record<string, unknown>,
  stream: recorded.stream,
  position: recorded.position,
  actor: { id: metadata.actor, role: metadata.role },
  occurredAt: metadata.occurredAt,
  erased,
});
