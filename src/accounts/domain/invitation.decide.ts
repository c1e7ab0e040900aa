import { AcceptInvitation, InviteAccount, ReissueInvitation, WithdrawInvitation } from './account.commands';
import { accountErrors as errors } from './account.errors';
import { AccountEvent } from './account.events';
import {
  regionBinding,
  requireAdmin,
  requireUsable,
  validCodeHash,
  validPasswordHash,
} from './account.guards';
import { InvitableRole, invitableRole } from './account.roles';
import { AccountState, InvitedAccount } from './account.state';
import { isNormalLogin } from './login';
import { invitationExpiry } from './one-time-code';
import { codeFailed, validDisplayName } from './registration.decide';

function validInvitedRole(value: unknown): InvitableRole {
  const role = invitableRole(value);
  if (role === undefined) throw errors.invalidInvitedRole();
  return role;
}

/** The invitation an id names: 404 when there is none (or no longer), 409 once it became an account. */
function waiting(state: AccountState): InvitedAccount {
  if (state.status === 'invited') return state;
  if (state.status === 'active') throw errors.invitationAccepted();
  throw errors.invitationNotFound();
}

/** An admin invites an official (bound to an agency by the role) or a facilitator (bound to a region). */
export function invite({ data, metadata }: InviteAccount, state: AccountState): AccountEvent[] {
  requireAdmin(metadata, 'invite');
  if (state.status !== 'none') throw errors.alreadyRegistered();
  if (!isNormalLogin(data.login)) throw errors.loginNotNormal();
  const displayName = validDisplayName(data.displayName);
  const role = validInvitedRole(data.role);
  const region = regionBinding(role, data.regionCode);
  const codeHash = validCodeHash(data.codeHash);
  return [
    {
      type: 'AccountInvited',
      data: {
        accountId: data.accountId,
        loginKind: data.login.kind,
        login: data.login.value,
        displayName,
        role,
        ...region,
        invitedBy: metadata.actor.id,
        invitedAt: metadata.now.toISOString(),
        codeHash,
        codeExpiresAt: invitationExpiry(metadata.now),
      },
    },
  ];
}

/** A new code with a fresh week: the old one stops working, locked or not. */
export function reissueInvitation(
  { data, metadata }: ReissueInvitation,
  state: AccountState,
): AccountEvent[] {
  requireAdmin(metadata, 'send invitations');
  waiting(state);
  const codeHash = validCodeHash(data.codeHash);
  const reissuedAt = metadata.now.toISOString();
  const codeExpiresAt = invitationExpiry(metadata.now);
  return [
    { type: 'InvitationReissued', data: { accountId: data.accountId, codeHash, codeExpiresAt, reissuedAt } },
  ];
}

/** Withdrawing again changes nothing, so a retry after a lost answer goes through to releasing the login. */
export function withdrawInvitation(
  { data, metadata }: WithdrawInvitation,
  state: AccountState,
): AccountEvent[] {
  requireAdmin(metadata, 'withdraw invitations');
  if (state.status === 'withdrawn') return [];
  waiting(state);
  return [
    {
      type: 'InvitationWithdrawn',
      data: { accountId: data.accountId, withdrawnAt: metadata.now.toISOString() },
    },
  ];
}

/** Whoever holds the code accepts; a wrong code is recorded (not thrown) so that the attempt counts. */
export function acceptInvitation({ data, metadata }: AcceptInvitation, state: AccountState): AccountEvent[] {
  const invitation = waiting(state);
  const codeHash = validCodeHash(data.codeHash);
  const passwordHash = validPasswordHash(data.passwordHash);
  requireUsable(invitation.code, metadata.now);
  if (codeHash !== invitation.code.hash)
    return [codeFailed(data.accountId, 'accept_invitation', invitation.code.attempts + 1, metadata.now)];
  const { role } = invitation;
  const region = invitation.regionCode === undefined ? {} : { regionCode: invitation.regionCode };
  const acceptedAt = metadata.now.toISOString();
  return [
    {
      type: 'InvitationAccepted',
      data: { accountId: data.accountId, role, ...region, passwordHash, acceptedAt },
    },
  ];
}
