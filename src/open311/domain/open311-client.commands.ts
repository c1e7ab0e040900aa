import { Command } from '../../platform/domain/decider';

/** The handler mints the id and the key; only the key's digest arrives here. */
export type RegisterOpen311Client = Command<
  'RegisterOpen311Client',
  { clientId: string; name: string; keyHash: string }
>;

export type RevokeOpen311Client = Command<'RevokeOpen311Client', { clientId: string }>;

export type Open311ClientCommand = RegisterOpen311Client | RevokeOpen311Client;
