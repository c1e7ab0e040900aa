import { Command } from '../../platform/domain/decider';
import { Login } from './login';

// Every command names its login so the handler can pick the stream (loginReservationStream).

/** Before registering (or changing the login of) an account: the login becomes this account's alone. */
export type ReserveLogin = Command<'ReserveLogin', { login: Login; accountId: string }>;

/** When the account is erased or leaves the login: someone else may take it. */
export type ReleaseLogin = Command<'ReleaseLogin', { login: Login; accountId: string }>;

export type LoginReservationCommand = ReserveLogin | ReleaseLogin;
