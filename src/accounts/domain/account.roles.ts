import { Role } from '../../platform/domain/decider';
import { parseRole } from '../../platform/auth/roles';

/** What an admin grants: every role a person can hold but citizen (everyone's) and system (the platform's). */
export type GrantableRole = Exclude<Role, 'citizen' | 'system'>;

export function grantableRole(value: unknown): GrantableRole | undefined {
  const role = parseRole(value);
  return role === undefined || role === 'citizen' || role === 'system' ? undefined : role;
}
