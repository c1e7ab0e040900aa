import { Actor } from '../../platform/domain/decider';
import { givenEvents } from '../../platform/domain/testing/decider-spec';
import { ClaimFirstAdmin, firstAdminDecider, FirstAdminClaimed } from './first-admin.decide';
import { admin, ACCOUNT_ID, as, AT, holder, system } from './testing/account.fixtures';

const given = givenEvents(firstAdminDecider);
const claim = (actor: Actor = system, accountId = ACCOUNT_ID): ClaimFirstAdmin => ({
  type: 'ClaimFirstAdmin',
  data: { accountId },
  metadata: as(actor),
});
const claimed = (accountId = ACCOUNT_ID): FirstAdminClaimed => ({
  type: 'FirstAdminClaimed',
  data: { accountId, claimedAt: AT },
});

describe('ClaimFirstAdmin', () => {
  it('lets the platform claim the first admin on a fresh data folder', () =>
    given().when(claim()).then(claimed()));

  it('refuses a second claim, for another account or the same', () => {
    given(claimed('someone-else')).when(claim()).thenFails('conflict', 'admin_exists');
    given(claimed()).when(claim()).thenFails('conflict', 'admin_exists');
  });

  it.each([admin, holder])('refuses anyone but the platform (%j)', (actor) =>
    given().when(claim(actor)).thenFails('forbidden', 'system_only'),
  );
});
