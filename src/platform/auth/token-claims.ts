import { ValidateBy, ValidationOptions } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { Role } from '../domain/decider';
import { isRegionCode, REGION_CODE_FORMAT, REGION_CODE_PATTERN } from '../domain/region-codes';
import { parseRole, ROLE_FORMAT, ROLE_PATTERN } from './roles';

/** The longest a token may live (exp - iat): a stolen token stops working within a day. */
export const MAX_TOKEN_LIFETIME_S = 24 * 3600;
/** How far a token's iat may lie ahead of this clock: other instances' clocks drift a little. */
export const CLOCK_SKEW_S = 60;

const ACTOR_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** An actor id as tokens carry it in `sub`: plain text that can never act as a query operator. */
export function isActorId(value: unknown): value is string {
  return typeof value === 'string' && ACTOR_ID.test(value);
}

/** The one definition of a valid actor id for request bodies; the verifier checks `sub` with isActorId. */
export const IsActorId = (options?: ValidationOptions) =>
  documented(
    { type: 'string', pattern: ACTOR_ID.source, maxLength: 128 },
    ValidateBy(
      {
        name: 'isActorId',
        validator: {
          validate: isActorId,
          defaultMessage: () => '$property must be 1 to 128 letters, digits and . _ : - only',
        },
      },
      options,
    ),
  );

/** The one definition of a role a token may carry, for request bodies; the verifier uses parseRole. */
export const IsRole = (options?: ValidationOptions) =>
  documented(
    { type: 'string', pattern: ROLE_PATTERN.source },
    ValidateBy(
      {
        name: 'isRole',
        validator: {
          validate: (value: unknown) => parseRole(value) !== undefined,
          defaultMessage: () => `$property must be ${ROLE_FORMAT} (an agency id of at most 64 characters)`,
        },
      },
      options,
    ),
  );

/**
 * A token's `region` claim: only a facilitator's token may carry one, and then it is a region code. A facilitator
 * without one is platform-wide (a provincial Diskominfo moderator); any other role with one is a forged token.
 */
export function isSoundRegionClaim(role: Role, region: unknown): boolean {
  return region === undefined || (role === 'facilitator' && isRegionCode(region));
}

/** The one definition of a facilitator's region for request bodies: a region code, and only beside that role. */
export const IsFacilitatorRegion = (options?: ValidationOptions) =>
  documented(
    {
      type: 'string',
      pattern: REGION_CODE_PATTERN.source,
      maxLength: 13,
      description:
        "A facilitator's region: only aspirations of that region or below it. Absent: platform-wide",
    },
    ValidateBy(
      {
        name: 'isFacilitatorRegion',
        validator: {
          validate: (value: unknown, args) =>
            isSoundRegionClaim((args?.object as { role?: Role }).role as Role, value),
          defaultMessage: (args) =>
            isRegionCode(args?.value)
              ? '$property binds a facilitator only: leave it out for every other role'
              : `$property must be ${REGION_CODE_FORMAT}`,
        },
      },
      options,
    ),
  );

/** A custom rule with its OpenAPI schema taken from the same pattern, so the two cannot drift. */
function documented(schema: Record<string, unknown>, rule: PropertyDecorator): PropertyDecorator {
  return (target, property) => {
    rule(target, property);
    JSONSchema(schema)(target, property as string);
  };
}

/** Claims beyond the signature: numeric iat and exp, a bounded lifetime, and no iat from the future. */
export function hasSoundTimes(payload: { iat?: unknown; exp?: unknown }, nowS: number): boolean {
  const { iat, exp } = payload;
  if (typeof iat !== 'number' || typeof exp !== 'number') return false;
  return iat <= nowS + CLOCK_SKEW_S && exp > iat && exp - iat <= MAX_TOKEN_LIFETIME_S;
}
