import { PersonalDataPolicy, PersonalField } from '../../platform/domain/personal-data';
import { AccountEvent } from './account.events';
import { FirstAdminClaimed } from './first-admin.decide';
import { LoginReservationEvent } from './login-reservation.events';

// Per event type, the fields that are the account holder's own; the account id is in every one.
const sealed: Record<
  AccountEvent['type'] | LoginReservationEvent['type'] | FirstAdminClaimed['type'],
  string[]
> = {
  // The login and name identify the person; the password hash is theirs and, sealed, a stolen event store
  // alone gives nothing to crack; six-digit code hashes are reversed in a blink, so they are sealed too.
  AccountRegistered: ['accountId', 'login', 'displayName', 'passwordHash', 'confirmationCodeHash'],
  AccountConfirmed: ['accountId'],
  ConfirmationCodeFailed: ['accountId'],
  ConfirmationCodeReissued: ['accountId', 'codeHash'],
  RegistrationRenewed: ['accountId', 'displayName', 'passwordHash', 'confirmationCodeHash'],
  PasswordChanged: ['accountId', 'passwordHash'],
  PasswordResetRequested: ['accountId', 'codeHash'],
  PasswordReset: ['accountId', 'passwordHash'],
  RoleGranted: ['accountId'],
  RoleRevoked: ['accountId'],
  SessionsEnded: ['accountId'],
  AccountErased: ['accountId'],
  // The inviting admin (invitedBy), the role and the region are the office's, not the invitee's: readable.
  AccountInvited: ['accountId', 'login', 'displayName', 'codeHash'],
  InvitationReissued: ['accountId', 'codeHash'],
  InvitationWithdrawn: ['accountId'],
  InvitationAccepted: ['accountId', 'passwordHash'],
  LoginReserved: ['accountId'],
  LoginReleased: ['accountId'],
  FirstAdminClaimed: ['accountId'],
};

/** Everything that names or unlocks the person is sealed with their key; roles and times stay readable. */
export const accountPersonalData: PersonalDataPolicy = (event) => {
  if (!Object.hasOwn(sealed, event.type)) return [];
  const subject = (event.data as { accountId: string }).accountId;
  return sealed[event.type as keyof typeof sealed].map((field): PersonalField => ({ field, subject }));
};
