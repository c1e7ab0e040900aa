import { Actor, CommandMetadata } from '../../../platform/domain/decider';
import { givenEvents } from '../../../platform/domain/testing/decider-spec';
import { accountDecider } from '../account.decider';
import {
  AccountConfirmed,
  AccountInvited,
  AccountRegistered,
  ConfirmationCodeFailed,
  PasswordResetRequested,
  RoleGranted,
} from '../account.events';
import { Login } from '../login';
import { codeDigest, CodePurpose } from '../one-time-code';

export const NOW = new Date('2026-03-10T02:00:00.000Z');
export const AT = NOW.toISOString();
export const minutesLater = (minutes: number): Date => new Date(NOW.getTime() + minutes * 60_000);
export const FIFTEEN_MINUTES_LATER = minutesLater(15).toISOString();
export const daysLater = (days: number): Date => minutesLater(days * 24 * 60);

export const ACCOUNT_ID = '0f9c1a52-7b3e-4c4f-9a0e-2d6c5b8e1f30';
export const LOGIN: Login = { kind: 'phone', value: '+6281234567890' };
export const PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA';
export const NEW_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$bmV3c2FsdG5ld3NhbHQ$bmV3aGFzaG5ld2hhc2huZXdoYXNobmV3aGFzaA';
export const CODE_HASH = codeDigest(ACCOUNT_ID, '482913');
export const WRONG_CODE_HASH = codeDigest(ACCOUNT_ID, '000000');
export const NEW_CODE_HASH = codeDigest(ACCOUNT_ID, '771204');

export const holder: Actor = { id: ACCOUNT_ID, role: 'citizen' };
export const stranger: Actor = { id: 'citizen-2', role: 'citizen' };
export const admin: Actor = { id: 'admin-1', role: 'admin' };
export const system: Actor = { id: 'admin:create', role: 'system' };
export const as = (actor: Actor, now: Date = NOW): CommandMetadata => ({ actor, now });

export const given = givenEvents(accountDecider);

export const registered: AccountRegistered = {
  type: 'AccountRegistered',
  data: {
    accountId: ACCOUNT_ID,
    loginKind: 'phone',
    login: '+6281234567890',
    displayName: 'Siti Rahma',
    passwordHash: PASSWORD_HASH,
    role: 'citizen',
    registeredAt: AT,
    confirmationCodeHash: CODE_HASH,
    codeExpiresAt: FIFTEEN_MINUTES_LATER,
  },
};

export const confirmed: AccountConfirmed = {
  type: 'AccountConfirmed',
  data: { accountId: ACCOUNT_ID, confirmedAt: AT },
};

export const codeFailed = (
  attempts: number,
  purpose: CodePurpose = 'confirm_account',
): ConfirmationCodeFailed => ({
  type: 'ConfirmationCodeFailed',
  data: { accountId: ACCOUNT_ID, purpose, attempts, failedAt: AT },
});

export const resetRequested: PasswordResetRequested = {
  type: 'PasswordResetRequested',
  data: { accountId: ACCOUNT_ID, codeHash: NEW_CODE_HASH, expiresAt: FIFTEEN_MINUTES_LATER, requestedAt: AT },
};

export const granted = (role: RoleGranted['data']['role'], regionCode?: string): RoleGranted => ({
  type: 'RoleGranted',
  data: { accountId: ACCOUNT_ID, role, ...(regionCode === undefined ? {} : { regionCode }), grantedAt: AT },
});

/** An admin invited Siti to be an official of Dinas PUPR; the code waits a week. */
export const invited = (
  role: AccountInvited['data']['role'] = 'official:dinas-pupr',
  regionCode?: string,
): AccountInvited => ({
  type: 'AccountInvited',
  data: {
    accountId: ACCOUNT_ID,
    loginKind: 'phone',
    login: '+6281234567890',
    displayName: 'Siti Rahma',
    role,
    ...(regionCode === undefined ? {} : { regionCode }),
    invitedBy: 'admin-1',
    invitedAt: AT,
    codeHash: CODE_HASH,
    codeExpiresAt: daysLater(7).toISOString(),
  },
});

export const erased = { type: 'AccountErased', data: { accountId: ACCOUNT_ID, erasedAt: AT } } as const;

/** Five wrong codes in a row: the code is locked. */
export const fiveFailures = [1, 2, 3, 4, 5].map((attempts) => codeFailed(attempts));
