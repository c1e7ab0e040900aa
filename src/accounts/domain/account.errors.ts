import { conflict, forbidden, invalid, notFound, unauthenticated } from '../../platform/domain/domain-errors';

// Codes are a client contract (problem details `code`): never rename one.
export const accountErrors = {
  // 404: also for an erased account, which is gone for every purpose.
  notFound: () => notFound('account_not_found', 'The account does not exist'),

  // 401: one answer for an unknown login and a wrong password, so sign-in reveals no accounts.
  invalidCredentials: () => unauthenticated('invalid_credentials', 'The login or password is not correct'),
  invalidRefreshToken: () =>
    unauthenticated('invalid_refresh_token', 'The refresh token is not valid; sign in again'),
  sessionEnded: () => unauthenticated('session_ended', 'This session has ended; sign in again'),
  /** Thrown by the handler after it appended SessionRevoked: a stolen token was probably used. */
  refreshTokenReused: () =>
    unauthenticated(
      'refresh_token_reused',
      'This refresh token was already used; the session is ended on every device that shared it',
    ),

  // 403
  selfOnly: (action: string) => forbidden('account_holder_only', `Only the account holder may ${action}`),
  selfOrAdminOnly: (action: string) =>
    forbidden('account_holder_or_admin_only', `Only the account holder or an admin may ${action}`),
  adminOnly: (action: string) => forbidden('admin_only', `Only an admin may ${action}`),
  systemOnly: (action: string) => forbidden('system_only', `Only the platform itself may ${action}`),
  ownRole: () => forbidden('own_role', 'An admin cannot change their own role; another admin must'),
  wrongPassword: () => forbidden('wrong_password', 'The current password is not correct'),

  // 409
  alreadyRegistered: () => conflict('account_already_exists', 'This account is already registered'),
  loginTaken: () => conflict('login_taken', 'This phone number or e-mail belongs to another account'),
  loginNotHeld: () => conflict('login_not_held', 'This login is not held by this account'),
  notConfirmed: () => conflict('account_not_confirmed', 'The account is not confirmed yet'),
  alreadyConfirmed: () => conflict('account_already_confirmed', 'The account is already confirmed'),
  noResetRequested: () => conflict('no_reset_requested', 'No password reset was requested'),
  codeExpired: (expiredAt: string) =>
    conflict('code_expired', `The code expired at ${expiredAt}; ask for a new one`),
  codeLocked: () => conflict('code_locked', 'Too many wrong codes; ask for a new one'),
  roleNotHeld: (role: string) => conflict('role_not_held', `The account does not hold the role ${role}`),

  // 400
  /** Thrown by the handler after it appended ConfirmationCodeFailed: the attempt counts, then fails. */
  wrongCode: (attemptsLeft: number) =>
    invalid('wrong_code', `The code is not correct; ${attemptsLeft} attempts left`, 'code'),
  invalidPhone: () =>
    invalid('invalid_phone', 'The phone number is not a valid mobile or fixed-line number', 'phone'),
  invalidEmail: () => invalid('invalid_email', 'The e-mail address is not valid', 'email'),
  loginNotNormal: () => invalid('login_not_normal', 'The login must be in its normal form', 'login'),
  invalidDisplayName: () =>
    invalid('invalid_display_name', 'The display name must be 1–100 characters', 'displayName'),
  invalidPasswordHash: () =>
    invalid('invalid_password_hash', 'The password hash is not a PHC string', 'passwordHash'),
  invalidCodeHash: () =>
    invalid('invalid_code_hash', 'The code hash is not a SHA-256 hex digest', 'codeHash'),
  invalidRole: () =>
    invalid('invalid_role', 'The role is facilitator, auditor, admin or official:<agency-id>', 'role'),
};
