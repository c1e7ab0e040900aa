import { Actor, CommandMetadata } from '../../platform/domain/decider';
import { accountErrors as errors } from './account.errors';
import { ActiveAccount, AccountState, PendingAccount, PendingCode } from './account.state';
import { GrantableRole, REGION_CODE } from './account.roles';
import { isCodeDigest, MAX_CODE_ATTEMPTS } from './one-time-code';

// Checks run in one order everywhere: exists (404), may act (403), status (409), input (400).

/** An account that registered (pending or active); an invitation not yet accepted is no account to act on. */
export function existing(state: AccountState): PendingAccount | ActiveAccount {
  if (state.status === 'none' || state.status === 'erased' || state.status === 'withdrawn')
    throw errors.notFound();
  if (state.status === 'invited') throw errors.invitationPending();
  return state;
}

export function active(state: PendingAccount | ActiveAccount): ActiveAccount {
  if (state.status !== 'active') throw errors.notConfirmed();
  return state;
}

export function requireSelf(actor: Actor, accountId: string, action: string): void {
  if (actor.id !== accountId) throw errors.selfOnly(action);
}

export function requireAdmin({ actor }: CommandMetadata, action: string): void {
  // `system` stands for the command line that creates the first admin on a fresh data folder.
  if (actor.role !== 'admin' && actor.role !== 'system') throw errors.adminOnly(action);
}

export function validCodeHash(value: unknown): string {
  if (!isCodeDigest(value)) throw errors.invalidCodeHash();
  return value;
}

/** A PHC string (`$argon2id$v=19$…`): the hasher's output, never a password. */
export function validPasswordHash(value: unknown): string {
  if (typeof value !== 'string' || !/^\$[a-z0-9-]+\$\S+$/.test(value)) throw errors.invalidPasswordHash();
  return value;
}

/** The code may still be tried: not expired, not locked by wrong entries. */
export function requireUsable(code: PendingCode, now: Date): void {
  if (now.getTime() >= Date.parse(code.expiresAt)) throw errors.codeExpired(code.expiresAt);
  if (code.attempts >= MAX_CODE_ATTEMPTS) throw errors.codeLocked();
}

/** A facilitator is bound to one region; no other role is. Returns the binding as an optional field. */
export function regionBinding(role: GrantableRole, regionCode: unknown): { regionCode?: string } {
  if (role !== 'facilitator') {
    if (regionCode !== undefined) throw errors.regionNotForRole();
    return {};
  }
  if (regionCode === undefined) throw errors.regionRequired();
  if (typeof regionCode !== 'string' || !REGION_CODE.test(regionCode)) throw errors.invalidRegionCode();
  return { regionCode };
}
