import { DomainEvent } from '../../platform/domain/decider';

// The citizen is not in the data: the actor in the (encrypted) metadata says who, the stream says which pair.
export type AspirationEndorsed = DomainEvent<
  'AspirationEndorsed',
  { aspirationId: string; endorsedAt: string }
>;

export type EndorsementWithdrawn = DomainEvent<
  'EndorsementWithdrawn',
  { aspirationId: string; withdrawnAt: string }
>;

export type EndorsementEvent = AspirationEndorsed | EndorsementWithdrawn;
