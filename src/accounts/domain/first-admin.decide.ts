import { Command, Decider, DomainEvent } from '../../platform/domain/decider';
import { conflict } from '../../platform/domain/domain-errors';
import { accountErrors } from './account.errors';

// Whether an admin exists, known without a read model: one well-known stream that accepts a single claim,
// appended at an expected revision, so two `npm run admin:create` racing on one data folder cannot both win.
export const FIRST_ADMIN_STREAM = 'platform-first-admin';

export type ClaimFirstAdmin = Command<'ClaimFirstAdmin', { accountId: string }>;

/** The account id is sealed (account.personal-data.ts): the person may be erased later. */
export type FirstAdminClaimed = DomainEvent<'FirstAdminClaimed', { accountId: string; claimedAt: string }>;

export type FirstAdminState = { status: 'unclaimed' } | { status: 'claimed' };

export const firstAdminErrors = {
  // Codes are a client contract (problem details `code`): never rename one.
  adminExists: () =>
    conflict('admin_exists', 'An admin already exists: further admins are granted by an admin'),
};

/** Only the platform itself (the command line) claims, and only once per data folder. */
function decide({ data, metadata }: ClaimFirstAdmin, state: FirstAdminState): FirstAdminClaimed[] {
  if (metadata.actor.role !== 'system') throw accountErrors.systemOnly('create the first admin');
  if (state.status === 'claimed') throw firstAdminErrors.adminExists();
  return [
    { type: 'FirstAdminClaimed', data: { accountId: data.accountId, claimedAt: metadata.now.toISOString() } },
  ];
}

export const firstAdminDecider: Decider<ClaimFirstAdmin, FirstAdminClaimed, FirstAdminState> = {
  initialState: { status: 'unclaimed' },
  evolve: () => ({ status: 'claimed' }),
  decide,
};
