import { assertNever } from '../../platform/domain/decider';
import { GrantableRole, InvitableRole } from './account.roles';
import {
  AccountErased,
  AccountEvent,
  AccountInvited,
  AccountRegistered,
  InvitationAccepted,
  RegistrationRenewed,
} from './account.events';
import { Login } from './login';

/** A code waiting to be entered: only its hash is known. */
export interface PendingCode {
  hash: string;
  expiresAt: string;
  /** Wrong entries so far; at MAX_CODE_ATTEMPTS the code is locked until a new one is issued. */
  attempts: number;
}

/** What is known from registration on. Sealed fields read as null once the person was erased. */
export interface AccountFacts {
  accountId: string;
  login: Login;
  displayName: string;
  passwordHash: string;
  registeredAt: string;
}

export type NoAccount = { status: 'none' };
/** Registered, waiting for the confirmation code. */
export type PendingAccount = AccountFacts & { status: 'pending'; code: PendingCode };
/** Invited by an admin, waiting for the invitee to enter the code and choose a password. */
export type InvitedAccount = Omit<AccountFacts, 'passwordHash'> & {
  status: 'invited';
  role: InvitableRole;
  regionCode?: string;
  invitedBy: string;
  code: PendingCode;
};
export type ActiveAccount = AccountFacts & {
  status: 'active';
  role: 'citizen' | GrantableRole;
  /** A facilitator's region; absent for every other role. */
  regionCode?: string;
  resetCode: PendingCode | null;
  /** Sessions started in an older generation are over: a password change or a sign-out everywhere. */
  sessionGeneration: number;
};
/** An invitation withdrawn before it was accepted: no account came of it; the login is to be released. */
export type WithdrawnAccount = { status: 'withdrawn'; login: Login; withdrawnAt: string };
export type ErasedAccount = { status: 'erased'; erasedAt: string };

export type AccountState =
  NoAccount | PendingAccount | InvitedAccount | ActiveAccount | WithdrawnAccount | ErasedAccount;
export type AccountStatus = AccountState['status'];

export const initialState: AccountState = { status: 'none' };

function registered({ data }: AccountRegistered): PendingAccount {
  return {
    status: 'pending',
    accountId: data.accountId,
    login: { kind: data.loginKind, value: data.login },
    displayName: data.displayName,
    passwordHash: data.passwordHash,
    registeredAt: data.registeredAt,
    code: { hash: data.confirmationCodeHash, expiresAt: data.codeExpiresAt, attempts: 0 },
  };
}

function invited({ data }: AccountInvited): InvitedAccount {
  return {
    status: 'invited',
    accountId: data.accountId,
    login: { kind: data.loginKind, value: data.login },
    displayName: data.displayName,
    registeredAt: data.invitedAt,
    role: data.role,
    ...regionOf(data),
    invitedBy: data.invitedBy,
    code: { hash: data.codeHash, expiresAt: data.codeExpiresAt, attempts: 0 },
  };
}

/** The region a facilitator is bound to, as an optional field: absent rather than undefined. */
export const regionOf = ({ regionCode }: { regionCode?: string }): { regionCode?: string } =>
  regionCode === undefined || regionCode === null ? {} : { regionCode };

type LaterEvent = Exclude<AccountEvent, AccountRegistered | AccountInvited | AccountErased>;

export function evolve(state: AccountState, event: AccountEvent): AccountState {
  if (event.type === 'AccountRegistered') return registered(event);
  if (event.type === 'AccountInvited') return invited(event);
  if (event.type === 'AccountErased') return { status: 'erased', erasedAt: event.data.erasedAt };
  // Every later event belongs to a pending, invited or active account; ignore it otherwise rather than invent state.
  if (state.status === 'pending') return evolvePending(state, event);
  if (state.status === 'invited') return evolveInvited(state, event);
  if (state.status === 'active') return evolveActive(state, event);
  return state;
}

function evolvePending(state: PendingAccount, event: LaterEvent): AccountState {
  switch (event.type) {
    case 'AccountConfirmed': {
      const { code: _code, status: _status, ...facts } = state;
      return { ...facts, status: 'active', role: 'citizen', resetCode: null, sessionGeneration: 0 };
    }
    case 'ConfirmationCodeFailed':
      if (event.data.purpose !== 'confirm_account') return state;
      return { ...state, code: { ...state.code, attempts: event.data.attempts } };
    case 'ConfirmationCodeReissued':
      return {
        ...state,
        code: { hash: event.data.codeHash, expiresAt: event.data.codeExpiresAt, attempts: 0 },
      };
    case 'RegistrationRenewed':
      return renewed(state, event);
    case 'PasswordChanged':
    case 'PasswordResetRequested':
    case 'PasswordReset':
    case 'RoleGranted':
    case 'RoleRevoked':
    case 'SessionsEnded':
    case 'InvitationReissued':
    case 'InvitationWithdrawn':
    case 'InvitationAccepted':
      return state;
    default:
      return assertNever(event);
  }
}

/** The login and the registration time stay; everything the registrant chose, and the code, are new. */
function renewed(state: PendingAccount, { data }: RegistrationRenewed): PendingAccount {
  return {
    ...state,
    displayName: data.displayName,
    passwordHash: data.passwordHash,
    code: { hash: data.confirmationCodeHash, expiresAt: data.codeExpiresAt, attempts: 0 },
  };
}

function accepted(state: InvitedAccount, { data }: InvitationAccepted): ActiveAccount {
  const { accountId, login, displayName, registeredAt } = state;
  return {
    status: 'active',
    accountId,
    login,
    displayName,
    registeredAt,
    passwordHash: data.passwordHash,
    role: data.role,
    ...regionOf(data),
    resetCode: null,
    sessionGeneration: 0,
  };
}

function evolveInvited(state: InvitedAccount, event: LaterEvent): AccountState {
  switch (event.type) {
    case 'InvitationAccepted':
      return accepted(state, event);
    case 'ConfirmationCodeFailed':
      if (event.data.purpose !== 'accept_invitation') return state;
      return { ...state, code: { ...state.code, attempts: event.data.attempts } };
    case 'InvitationReissued':
      return {
        ...state,
        code: { hash: event.data.codeHash, expiresAt: event.data.codeExpiresAt, attempts: 0 },
      };
    case 'InvitationWithdrawn':
      return { status: 'withdrawn', login: state.login, withdrawnAt: event.data.withdrawnAt };
    case 'AccountConfirmed':
    case 'ConfirmationCodeReissued':
    case 'RegistrationRenewed':
    case 'PasswordChanged':
    case 'PasswordResetRequested':
    case 'PasswordReset':
    case 'RoleGranted':
    case 'RoleRevoked':
    case 'SessionsEnded':
      return state;
    default:
      return assertNever(event);
  }
}

function evolveActive(state: ActiveAccount, event: LaterEvent): AccountState {
  switch (event.type) {
    case 'ConfirmationCodeFailed': {
      const { resetCode } = state;
      return resetCode === null || event.data.purpose !== 'reset_password'
        ? state
        : { ...state, resetCode: { ...resetCode, attempts: event.data.attempts } };
    }
    case 'PasswordChanged':
      return { ...state, passwordHash: event.data.passwordHash, sessionGeneration: next(state) };
    case 'PasswordResetRequested':
      return {
        ...state,
        resetCode: { hash: event.data.codeHash, expiresAt: event.data.expiresAt, attempts: 0 },
      };
    case 'PasswordReset':
      return {
        ...state,
        passwordHash: event.data.passwordHash,
        resetCode: null,
        sessionGeneration: next(state),
      };
    case 'RoleGranted':
      return { ...withoutRegion(state), role: event.data.role, ...regionOf(event.data) };
    case 'RoleRevoked':
      return { ...withoutRegion(state), role: 'citizen' };
    case 'SessionsEnded':
      return { ...state, sessionGeneration: next(state) };
    case 'AccountConfirmed':
    case 'ConfirmationCodeReissued':
    case 'RegistrationRenewed':
    case 'InvitationReissued':
    case 'InvitationWithdrawn':
    case 'InvitationAccepted':
      return state;
    default:
      return assertNever(event);
  }
}

const next = (state: ActiveAccount): number => state.sessionGeneration + 1;

function withoutRegion(state: ActiveAccount): ActiveAccount {
  const { regionCode: _regionCode, ...rest } = state;
  return rest;
}
