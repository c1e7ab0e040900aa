import { Command, Decider, DomainEvent } from '../../platform/domain/decider';
import { invalid } from '../../platform/domain/domain-errors';
import { accountErrors } from './account.errors';

/**
 * One stream per UTC day: auditors read a day at a time, and bursts from many addresses contend for a day's
 * stream only. A burst names no plaintext login or address, only keyed digests (see sign-in-audit.ts).
 */
export const securityAuditStream = (at: Date): string => `security-audit-${at.toISOString().slice(0, 10)}`;

export interface SignInFailureBurstData {
  /** HMAC-SHA256 under the login key: the same login always gives the same digest, so bursts group. */
  loginDigest: string;
  addressDigest: string;
  /** Failures in a row when the burst was crossed. */
  failures: number;
  /** The first failure of the run. */
  windowStartedAt: string;
  at: string;
}

export type RecordSignInFailureBurst = Command<'RecordSignInFailureBurst', SignInFailureBurstData>;

export type SignInFailureBurst = DomainEvent<'SignInFailureBurst', SignInFailureBurstData>;

export type SecurityAuditState = { bursts: number };

const DIGEST = /^[0-9a-f]{64}$/;
const isInstant = (value: unknown): value is string =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;

/** Only the platform records what it observed; the input is what it computed, checked all the same. */
function decide({ data, metadata }: RecordSignInFailureBurst): SignInFailureBurst[] {
  if (metadata.actor.role !== 'system') throw accountErrors.systemOnly('record security audit events');
  const { loginDigest, addressDigest, failures, windowStartedAt, at } = data;
  if (!DIGEST.test(loginDigest)) throw invalid('invalid_digest', 'Not a SHA-256 hex digest', 'loginDigest');
  if (!DIGEST.test(addressDigest))
    throw invalid('invalid_digest', 'Not a SHA-256 hex digest', 'addressDigest');
  if (!Number.isInteger(failures) || failures < 1)
    throw invalid('invalid_failures', 'A burst counts one failure or more', 'failures');
  if (!isInstant(windowStartedAt) || !isInstant(at) || windowStartedAt > at)
    throw invalid('invalid_window', 'The window starts at or before the burst', 'windowStartedAt');
  return [
    { type: 'SignInFailureBurst', data: { loginDigest, addressDigest, failures, windowStartedAt, at } },
  ];
}

export const securityAuditDecider: Decider<RecordSignInFailureBurst, SignInFailureBurst, SecurityAuditState> =
  {
    initialState: { bursts: 0 },
    evolve: (state) => ({ bursts: state.bursts + 1 }),
    decide,
  };
