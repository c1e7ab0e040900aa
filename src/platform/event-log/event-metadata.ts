import { Role } from '../domain/decider';

/** Metadata of every stored event; `actor` is encrypted with the actor's own key when the actor is a citizen. */
export interface EventMetadata {
  readonly actor: string | null;
  readonly role: Role;
  /** Derived from (actor, Idempotency-Key) when the client sent one: a retry finds its original result. */
  readonly commandId: string;
  /** Digest of the command's body: the same key with another body is refused. */
  readonly requestDigest: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly occurredAt: string;
}
