import { assertNever, CommandMetadata } from '../../platform/domain/decider';
import { Open311ClientCommand, RegisterOpen311Client, RevokeOpen311Client } from './open311-client.commands';
import { open311ClientErrors as errors } from './open311-client.errors';
import { Open311ClientEvent } from './open311-client.events';
import { Open311ClientState } from './open311-client.state';

const NAME_MIN = 3;
const NAME_MAX = 100;

// Every command checks, in order: who acts, the input, then the client's state.
export function decide(command: Open311ClientCommand, state: Open311ClientState): Open311ClientEvent[] {
  switch (command.type) {
    case 'RegisterOpen311Client':
      return register(command, state);
    case 'RevokeOpen311Client':
      return revoke(command, state);
    default:
      return assertNever(command);
  }
}

function requireAdmin({ actor }: CommandMetadata): void {
  if (actor.role !== 'admin') throw errors.adminOnly();
}

function validName(name: unknown): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  const length = [...trimmed].length;
  if (length < NAME_MIN || length > NAME_MAX) throw errors.invalidName();
  return trimmed;
}

function register(
  { data, metadata }: RegisterOpen311Client,
  state: Open311ClientState,
): Open311ClientEvent[] {
  requireAdmin(metadata);
  const name = validName(data.name);
  if (state.status !== 'none') throw errors.alreadyRegistered();
  const { clientId, keyHash } = data;
  const registeredAt = metadata.now.toISOString();
  return [{ type: 'Open311ClientRegistered', data: { clientId, name, keyHash, registeredAt } }];
}

function revoke({ data, metadata }: RevokeOpen311Client, state: Open311ClientState): Open311ClientEvent[] {
  requireAdmin(metadata);
  if (state.status === 'none') throw errors.notFound();
  if (state.status === 'revoked') throw errors.alreadyRevoked();
  return [
    {
      type: 'Open311ClientRevoked',
      data: { clientId: data.clientId, revokedAt: metadata.now.toISOString() },
    },
  ];
}
