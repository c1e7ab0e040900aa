import { Actor, Role } from '../../platform/domain/decider';
import { AccountCommand } from './account.commands';
import { accountDecider } from './account.decider';
import { AccountEvent } from './account.events';
import {
  ACCOUNT_ID,
  admin,
  as,
  AT,
  confirmed,
  erased,
  given,
  granted,
  holder,
  invited,
  registered,
  system,
} from './testing/account.fixtures';

const grant = (role: string, actor: Actor = admin, regionCode?: string): AccountCommand => ({
  type: 'GrantRole',
  data: { accountId: ACCOUNT_ID, role, ...(regionCode === undefined ? {} : { regionCode }) },
  metadata: as(actor),
});
const revoke = (role: string, actor: Actor = admin): AccountCommand => ({
  type: 'RevokeRole',
  data: { accountId: ACCOUNT_ID, role },
  metadata: as(actor),
});
const notAdmins: Role[] = ['citizen', 'facilitator', 'auditor', 'official:dinas-pupr'];

describe('GrantRole', () => {
  it.each(['auditor', 'admin', 'official:dinas-pupr'] as const)('grants %s', (role) =>
    given(registered, confirmed).when(grant(role)).then(granted(role)),
  );

  it('grants facilitator bound to a region, a province or anything below', () => {
    given(registered, confirmed)
      .when(grant('facilitator', admin, '62.06'))
      .then(granted('facilitator', '62.06'));
    given(registered, confirmed)
      .when(grant('facilitator', admin, '62'))
      .then(granted('facilitator', '62'));
  });

  it('moves a facilitator to another region, and changes nothing for the same one', () => {
    given(registered, confirmed, granted('facilitator', '62.06'))
      .when(grant('facilitator', admin, '62.06.02'))
      .then(granted('facilitator', '62.06.02'));
    given(registered, confirmed, granted('facilitator', '62.06'))
      .when(grant('facilitator', admin, '62.06'))
      .then();
  });

  it('refuses a facilitator without a region, or with a malformed one', () => {
    given(registered, confirmed)
      .when(grant('facilitator'))
      .thenFails('invalid', 'region_required', 'regionCode');
    given(registered, confirmed)
      .when(grant('facilitator', admin, '62.6'))
      .thenFails('invalid', 'invalid_region_code', 'regionCode');
  });

  it('refuses a region for any role but facilitator', () =>
    given(registered, confirmed)
      .when(grant('auditor', admin, '62.06'))
      .thenFails('invalid', 'region_not_for_role', 'regionCode'));

  it('keeps the region in the account state, and drops it when a facilitator becomes something else', () => {
    const fold = (...events: AccountEvent[]) =>
      events.reduce(accountDecider.evolve, accountDecider.initialState);
    expect(fold(registered, confirmed, granted('facilitator', '62.06'))).toMatchObject({
      role: 'facilitator',
      regionCode: '62.06',
    });
    expect(
      fold(registered, confirmed, granted('facilitator', '62.06'), granted('auditor')),
    ).not.toHaveProperty('regionCode');
    const revoked: AccountEvent = {
      type: 'RoleRevoked',
      data: { accountId: ACCOUNT_ID, role: 'facilitator', revokedAt: AT },
    };
    expect(fold(registered, confirmed, granted('facilitator', '62.06'), revoked)).not.toHaveProperty(
      'regionCode',
    );
  });

  it('lets the platform itself grant the first admin', () =>
    given(registered, confirmed).when(grant('admin', system)).then(granted('admin')));

  it('replaces the role held: one role at a time, as a token carries one', () =>
    given(registered, confirmed, granted('auditor'))
      .when(grant('official:dinas-pupr'))
      .then(granted('official:dinas-pupr')));

  it('changes nothing when the role is already held', () =>
    given(registered, confirmed, granted('auditor')).when(grant('auditor')).then());

  it.each(notAdmins)('refuses the role %s', (role) =>
    given(registered, confirmed)
      .when(grant('auditor', { id: 'someone', role }))
      .thenFails('forbidden', 'admin_only'),
  );

  it('refuses an admin changing their own role', () =>
    given(registered, confirmed, granted('admin'))
      .when(grant('auditor', { ...admin, id: ACCOUNT_ID }))
      .thenFails('forbidden', 'own_role'));

  it.each(['citizen', 'system', 'root', 'official:', 'official:Dinas PUPR', ''])(
    'refuses the role "%s"',
    (role) => given(registered, confirmed).when(grant(role)).thenFails('invalid', 'invalid_role', 'role'),
  );

  it('refuses an account not confirmed yet', () =>
    given(registered).when(grant('auditor')).thenFails('conflict', 'account_not_confirmed'));

  it('refuses an invitation not accepted yet', () =>
    given(invited()).when(grant('auditor')).thenFails('conflict', 'invitation_pending'));

  it('refuses an unknown or erased account', () => {
    given().when(grant('auditor')).thenFails('not_found', 'account_not_found');
    given(registered, confirmed, erased).when(grant('auditor')).thenFails('not_found', 'account_not_found');
  });
});

describe('RevokeRole', () => {
  it('returns the account to citizen', () =>
    given(registered, confirmed, granted('auditor'))
      .when(revoke('auditor'))
      .then({ type: 'RoleRevoked', data: { accountId: ACCOUNT_ID, role: 'auditor', revokedAt: AT } }));

  it('refuses a role the account does not hold', () =>
    given(registered, confirmed, granted('auditor'))
      .when(revoke('facilitator'))
      .thenFails('conflict', 'role_not_held'));

  it('refuses a role already revoked', () =>
    given(registered, confirmed, granted('auditor'), {
      type: 'RoleRevoked',
      data: { accountId: ACCOUNT_ID, role: 'auditor', revokedAt: AT },
    })
      .when(revoke('auditor'))
      .thenFails('conflict', 'role_not_held'));

  it('refuses to revoke citizen, which is no grant', () =>
    given(registered, confirmed).when(revoke('citizen')).thenFails('invalid', 'invalid_role', 'role'));

  it.each(notAdmins)('refuses the role %s', (role) =>
    given(registered, confirmed, granted('auditor'))
      .when(revoke('auditor', { id: 'someone', role }))
      .thenFails('forbidden', 'admin_only'),
  );

  it('refuses an admin revoking their own role', () =>
    given(registered, confirmed, granted('admin'))
      .when(revoke('admin', { ...admin, id: ACCOUNT_ID }))
      .thenFails('forbidden', 'own_role'));

  it('refuses the holder acting on their own behalf', () =>
    given(registered, confirmed, granted('auditor'))
      .when(revoke('auditor', holder))
      .thenFails('forbidden', 'admin_only'));
});
