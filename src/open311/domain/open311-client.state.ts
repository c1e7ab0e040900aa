import { assertNever } from '../../platform/domain/decider';
import { Open311ClientEvent } from './open311-client.events';

export type Open311ClientState =
  | { status: 'none' }
  | { status: 'active'; clientId: string; name: string; keyHash: string }
  | { status: 'revoked'; clientId: string; name: string };

export const initialState: Open311ClientState = { status: 'none' };

export function evolve(state: Open311ClientState, event: Open311ClientEvent): Open311ClientState {
  switch (event.type) {
    case 'Open311ClientRegistered': {
      const { clientId, name, keyHash } = event.data;
      return { status: 'active', clientId, name, keyHash };
    }
    case 'Open311ClientRevoked':
      return state.status === 'active'
        ? { status: 'revoked', clientId: state.clientId, name: state.name }
        : state;
    default:
      return assertNever(event);
  }
}
