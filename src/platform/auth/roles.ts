import { Role } from '../domain/decider';

/**
 * Roles a token may carry: the plain ones, or an official of an agency (kebab-case id of at most 64 characters).
 * 'system' is the platform's own and never issued to a person. The one definition for issuer and verifier.
 */
export const ROLE_PATTERN =
  /^(?:citizen|facilitator|auditor|admin|official:(?=[a-z0-9-]{1,64}$)[a-z0-9]+(?:-[a-z0-9]+)*)$/;

export function parseRole(text: unknown): Role | undefined {
  return typeof text === 'string' && ROLE_PATTERN.test(text) ? (text as Role) : undefined;
}

export const ROLE_FORMAT = 'citizen, facilitator, auditor, admin or official:<agency-id>';
