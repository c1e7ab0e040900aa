import { assertNever } from '../../platform/domain/decider';
import { LoginReservationEvent } from './login-reservation.events';

/** `holder` is null once the holder was erased (their sealed account id reads as null): the login is free. */
export type LoginReservationState = { status: 'free' } | { status: 'held'; holder: string | null };

export const initialState: LoginReservationState = { status: 'free' };

export function evolve(_state: LoginReservationState, event: LoginReservationEvent): LoginReservationState {
  switch (event.type) {
    case 'LoginReserved':
      return { status: 'held', holder: event.data.accountId };
    case 'LoginReleased':
      return { status: 'free' };
    default:
      return assertNever(event);
  }
}
