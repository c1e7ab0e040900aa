import { DomainEvent } from '../../platform/domain/decider';

// The login itself is in no reservation event: the stream's name is its keyed digest, and that is enough.

export type LoginReserved = DomainEvent<'LoginReserved', { accountId: string; reservedAt: string }>;

export type LoginReleased = DomainEvent<'LoginReleased', { accountId: string; releasedAt: string }>;

export type LoginReservationEvent = LoginReserved | LoginReleased;
