import { Role } from '../../platform/domain/decider';
import { parseRole } from '../../platform/auth/roles';

/** What an admin grants: every role a person can hold but citizen (everyone's) and system (the platform's). */
export type GrantableRole = Exclude<Role, 'citizen' | 'system'>;

/** What an admin invites a newcomer to be: an official of one agency, or a facilitator of one region. */
export type InvitableRole = Extract<GrantableRole, 'facilitator' | `official:${string}`>;

export function grantableRole(value: unknown): GrantableRole | undefined {
  const role = parseRole(value);
  return role === undefined || role === 'citizen' || role === 'system' ? undefined : role;
}

export function invitableRole(value: unknown): InvitableRole | undefined {
  const role = grantableRole(value);
  return role === 'facilitator' || role?.startsWith('official:') ? (role as InvitableRole) : undefined;
}

/**
 * A region code as the national list writes it: a province (`62`), a regency (`62.06`), a district
 * (`62.06.02`) or a village (`62.06.02.1003`). The handler checks that the code exists.
 */
export const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;
