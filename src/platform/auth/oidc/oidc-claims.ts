import { createHash } from 'node:crypto';
import { Role } from '../../domain/decider';

/** More values than any real directory assigns one person; the rest are ignored. */
const MAX_VALUES = 256;

/**
 * The values of the role claim: a string is one value, an array gives its strings, anything else none. A claim
 * named exactly so wins; otherwise a dotted name walks into objects (Keycloak's `realm_access.roles`).
 */
export function claimValues(payload: Record<string, unknown>, claim: string): string[] {
  const value = Object.hasOwn(payload, claim) ? payload[claim] : valueAtPath(payload, claim.split('.'));
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string').slice(0, MAX_VALUES);
}

function valueAtPath(payload: unknown, path: string[]): unknown {
  let at = payload;
  for (const name of path) {
    // Own properties of plain JSON objects only: `constructor` or `__proto__` never reach a prototype.
    if (typeof at !== 'object' || at === null || Array.isArray(at) || !Object.hasOwn(at, name))
      return undefined;
    at = (at as Record<string, unknown>)[name];
  }
  return at;
}

/** The role the values map to; none mapped: citizen. Values mapping to two roles give `conflicting`. */
export function roleOf(
  values: readonly string[],
  roleMap: ReadonlyMap<string, Role>,
): { role: Role } | { conflicting: Role[] } {
  const roles = [...new Set(values.flatMap((value) => roleMap.get(value) ?? []))];
  if (roles.length > 1) return { conflicting: roles.sort() };
  return { role: roles[0] ?? 'citizen' };
}

/**
 * The actor id of an issuer's subject: `oidc:` and a SHA-256 of issuer and sub (base64url). It fits isActorId
 * whatever the sub holds, never equals one of our own account ids (UUIDs), and another issuer's same sub is
 * another person.
 */
export function oidcActorId(issuer: string, sub: string): string {
  return `oidc:${createHash('sha256').update(`${issuer}\n${sub}`).digest('base64url')}`;
}
