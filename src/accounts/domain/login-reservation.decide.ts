import { assertNever, Decider } from '../../platform/domain/decider';
import { accountErrors as errors } from './account.errors';
import { LoginReservationCommand, ReleaseLogin, ReserveLogin } from './login-reservation.commands';
import { LoginReservationEvent } from './login-reservation.events';
import { evolve, initialState, LoginReservationState } from './login-reservation.state';
import { isNormalLogin } from './login';

/**
 * Uniqueness of a phone or e-mail without reading a read model: one stream per normal login, appended at
 * an expected revision, so two registrations racing for one login cannot both win.
 */
export function decide(
  command: LoginReservationCommand,
  state: LoginReservationState,
): LoginReservationEvent[] {
  switch (command.type) {
    case 'ReserveLogin':
      return reserve(command, state);
    case 'ReleaseLogin':
      return release(command, state);
    default:
      return assertNever(command);
  }
}

/** Reserving again for the same account changes nothing, so a retried registration goes through. */
function reserve({ data, metadata }: ReserveLogin, state: LoginReservationState): LoginReservationEvent[] {
  if (!isNormalLogin(data.login)) throw errors.loginNotNormal();
  if (state.status === 'held' && state.holder === data.accountId) return [];
  if (state.status === 'held' && state.holder !== null) throw errors.loginTaken();
  return [
    { type: 'LoginReserved', data: { accountId: data.accountId, reservedAt: metadata.now.toISOString() } },
  ];
}

function release({ data, metadata }: ReleaseLogin, state: LoginReservationState): LoginReservationEvent[] {
  if (state.status === 'free') return [];
  if (state.holder !== null && state.holder !== data.accountId) throw errors.loginNotHeld();
  return [
    { type: 'LoginReleased', data: { accountId: data.accountId, releasedAt: metadata.now.toISOString() } },
  ];
}

export const loginReservationDecider: Decider<
  LoginReservationCommand,
  LoginReservationEvent,
  LoginReservationState
> = { initialState, evolve, decide };
