import { assertNever } from '../../platform/domain/decider';
import { GrantableRole } from './account.roles';
import { AccountErased, AccountEvent, AccountRegistered } from './account.events';
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
export type ActiveAccount = AccountFacts & {
  status: 'active';
  role: 'citizen' | GrantableRole;
  resetCode: PendingCode | null;
  /** Sessions started in an older generation are over: a password change or a sign-out everywhere. */
  sessionGeneration: number;
};
export type ErasedAccount = { status: 'erased'; erasedAt: string };

export type AccountState = NoAccount | PendingAccount | ActiveAccount | ErasedAccount;
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

type LaterEvent = Exclude<AccountEvent, AccountRegistered | AccountErased>;

export function evolve(state: AccountState, event: AccountEvent): AccountState {
  if (event.type === 'AccountRegistered') return registered(event);
  if (event.type === 'AccountErased') return { status: 'erased', erasedAt: event.data.erasedAt };
  // Every later event belongs to a pending or active account; ignore it otherwise rather than invent state.
  if (state.status === 'pending') return evolvePending(state, event);
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
      return { ...state, role: event.data.role };
    case 'RoleRevoked':
      return { ...state, role: 'citizen' };
    case 'SessionsEnded':
      return { ...state, sessionGeneration: next(state) };
    case 'AccountConfirmed':
    case 'ConfirmationCodeReissued':
      return state;
    default:
      return assertNever(event);
  }
}

const next = (state: ActiveAccount): number => state.sessionGeneration + 1;
