import { RenewRegistration } from './account.commands';
import { accountErrors as errors } from './account.errors';
import { AccountEvent } from './account.events';
import { existing, validCodeHash, validPasswordHash } from './account.guards';
import { AccountState } from './account.state';
import { codeExpiry } from './one-time-code';
import { validDisplayName } from './registration.decide';

/**
 * A login's owner takes it back from a registration they never made, at any time: waiting for the other
 * code to expire would leave the number held by whoever typed it first. The new code goes to the login, so a
 * renewal by anyone else gains them nothing they could confirm; the route's rate limits bound how often.
 */
export function renewRegistration(
  { data, metadata }: RenewRegistration,
  state: AccountState,
): AccountEvent[] {
  const account = existing(state);
  if (account.status !== 'pending') throw errors.alreadyConfirmed();
  const displayName = validDisplayName(data.displayName);
  const passwordHash = validPasswordHash(data.passwordHash);
  const confirmationCodeHash = validCodeHash(data.codeHash);
  return [
    {
      type: 'RegistrationRenewed',
      data: {
        accountId: data.accountId,
        displayName,
        passwordHash,
        confirmationCodeHash,
        codeExpiresAt: codeExpiry(metadata.now),
        renewedAt: metadata.now.toISOString(),
      },
    },
  ];
}
