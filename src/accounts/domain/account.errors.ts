import { conflict, forbidden, invalid, notFound, unauthenticated } from '../../platform/domain/domain-errors';

// Codes are a client contract (problem details `code`): never rename one.
export const accountErrors = {
  // 404: also for an erased account, which is gone for every purpose.
  notFound: () => notFound('account_not_found', 'The account does not exist'),
  invitationNotFound: () =>
    notFound('invitation_not_found', 'No invitation waits for this login or id (withdrawn, or never sent)'),

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
  adminErasure: () =>
    conflict(
      'admin_role_held',
      'An admin account is erased once another admin has revoked its admin role, so the platform keeps one',
    ),
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
  noRoleHeld: () => conflict('no_role_held', 'The account holds no role but citizen: nothing to revoke'),
  invitationPending: () =>
    conflict(
      'invitation_pending',
      'This login has an invitation waiting: accept it with POST /api/invitations/acceptances',
    ),
  invitationAccepted: () =>
    conflict('invitation_already_accepted', 'The invitation was already accepted: the account is active'),
  /** For admins only: the id lets them grant the role to the account that holds the login. */
  loginHasAccount: (accountId: string) =>
    conflict(
      'login_has_account',
      `This login already belongs to account ${accountId}: grant the role to that account instead ` +
        `(PUT /api/accounts/${accountId}/role)`,
    ),
  loginInvited: (accountId: string) =>
    conflict(
      'invitation_pending',
      `This login already has an invitation waiting (${accountId}) for another role, region or name: ` +
        `withdraw it first (DELETE /api/invitations/${accountId}) or send it again`,
    ),

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
  invalidInvitedRole: () =>
    invalid('invalid_role', 'An invitation is for facilitator or official:<agency-id>', 'role'),
  regionRequired: () =>
    invalid('region_required', 'A facilitator is bound to a region: send its regionCode', 'regionCode'),
  regionNotForRole: () =>
    invalid('region_not_for_role', 'Only a facilitator is bound to a region', 'regionCode'),
  invalidRegionCode: () =>
    invalid('invalid_region_code', 'A region code looks like 62, 62.06 or 62.06.02.1003', 'regionCode'),
};
