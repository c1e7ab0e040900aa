import { Role } from '../domain/decider';

const PLAIN_ROLES = ['citizen', 'facilitator', 'auditor', 'admin'] as const;
const AGENCY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Roles a token may carry. 'system' is the platform's own and never issued to a person. */
export function parseRole(text: unknown): Role | undefined {
  if (typeof text !== 'string') return undefined;
  if ((PLAIN_ROLES as readonly string[]).includes(text)) return text as Role;
  const agency = text.startsWith('official:') ? text.slice('official:'.length) : undefined;
  return agency !== undefined && AGENCY_ID.test(agency) && agency.length <= 64 ? (text as Role) : undefined;
}

export const ROLE_FORMAT = 'citizen, facilitator, auditor, admin or official:<agency-id>';
