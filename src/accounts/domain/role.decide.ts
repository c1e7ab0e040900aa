import { CommandMetadata } from '../../platform/domain/decider';
import { GrantRole, RevokeRole } from './account.commands';
import { accountErrors as errors } from './account.errors';
import { AccountEvent } from './account.events';
import { active, existing, regionBinding, requireAdmin } from './account.guards';
import { grantableRole, GrantableRole } from './account.roles';
import { AccountState } from './account.state';

// An admin demoting themselves could leave the platform with none: another admin must do it.
function requireOtherAccount({ actor }: CommandMetadata, accountId: string): void {
  if (actor.id === accountId) throw errors.ownRole();
}

function validRole(value: unknown): GrantableRole {
  const role = grantableRole(value);
  if (role === undefined) throw errors.invalidRole();
  return role;
}

/** Replaces the role held (and a facilitator's region); granting what is already held changes nothing. */
export function grantRole({ data, metadata }: GrantRole, state: AccountState): AccountEvent[] {
  const account = existing(state);
  requireAdmin(metadata, 'grant roles');
  requireOtherAccount(metadata, data.accountId);
  const holder = active(account);
  const role = validRole(data.role);
  const region = regionBinding(role, data.regionCode);
  if (holder.role === role && holder.regionCode === region.regionCode) return [];
  const grantedAt = metadata.now.toISOString();
  return [{ type: 'RoleGranted', data: { accountId: data.accountId, role, ...region, grantedAt } }];
}

/** Back to citizen; the next token carries it, and live connections are told (handled outside the domain). */
export function revokeRole({ data, metadata }: RevokeRole, state: AccountState): AccountEvent[] {
  const account = existing(state);
  requireAdmin(metadata, 'revoke roles');
  requireOtherAccount(metadata, data.accountId);
  const holder = active(account);
  const role = validRole(data.role);
  if (holder.role !== role) throw errors.roleNotHeld(role);
  return [
    { type: 'RoleRevoked', data: { accountId: data.accountId, role, revokedAt: metadata.now.toISOString() } },
  ];
}
