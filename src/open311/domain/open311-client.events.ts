import { DomainEvent } from '../../platform/domain/decider';

// The key itself is in no event: only its SHA-256 digest, so the log alone cannot file a request.

/** An admin issued an API key to a client application (FixMyStreet, a regency's dashboard, …). */
export type Open311ClientRegistered = DomainEvent<
  'Open311ClientRegistered',
  { clientId: string; name: string; keyHash: string; registeredAt: string }
>;

/** The key stops working at once; the application's past requests stay as they were. */
export type Open311ClientRevoked = DomainEvent<
  'Open311ClientRevoked',
  { clientId: string; revokedAt: string }
>;

export type Open311ClientEvent = Open311ClientRegistered | Open311ClientRevoked;
