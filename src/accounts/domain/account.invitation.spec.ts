import { Actor } from '../../platform/domain/decider';
import { AccountCommand } from './account.commands';
import { accountDecider } from './account.decider';
import { AccountEvent } from './account.events';
import { accountPersonalData } from './account.personal-data';
import { Login } from './login';
import {
  ACCOUNT_ID,
  admin,
  as,
  AT,
  CODE_HASH,
  codeFailed,
  confirmed,
  daysLater,
  given,
  holder,
  invited,
  NEW_CODE_HASH,
  NEW_PASSWORD_HASH,
  registered,
  system,
  WRONG_CODE_HASH,
} from './testing/account.fixtures';

const LOGIN: Login = { kind: 'phone', value: '+6281234567890' };
const WEEK_LATER = daysLater(7).toISOString();

const invite = (
  data: Partial<Extract<AccountCommand, { type: 'InviteAccount' }>['data']> = {},
  actor = admin,
) =>
  ({
    type: 'InviteAccount',
    data: {
      accountId: ACCOUNT_ID,
      login: LOGIN,
      displayName: 'Siti Rahma',
      role: 'official:dinas-pupr',
      codeHash: CODE_HASH,
      ...data,
    },
    metadata: as(actor),
  }) as AccountCommand;
const reissue = (actor: Actor = admin, now = daysLater(8)): AccountCommand => ({
  type: 'ReissueInvitation',
  data: { accountId: ACCOUNT_ID, codeHash: NEW_CODE_HASH },
  metadata: as(actor, now),
});
const withdraw = (actor: Actor = admin): AccountCommand => ({
  type: 'WithdrawInvitation',
  data: { accountId: ACCOUNT_ID },
  metadata: as(actor),
});
const accept = (codeHash = CODE_HASH, now = daysLater(1)): AccountCommand => ({
  type: 'AcceptInvitation',
  data: { accountId: ACCOUNT_ID, codeHash, passwordHash: NEW_PASSWORD_HASH },
  metadata: as(holder, now),
});
const failed = (attempts: number) => codeFailed(attempts, 'accept_invitation');
const accepted = (role = 'official:dinas-pupr', regionCode?: string): AccountEvent =>
  ({
    type: 'InvitationAccepted',
    data: {
      accountId: ACCOUNT_ID,
      role,
      ...(regionCode === undefined ? {} : { regionCode }),
      passwordHash: NEW_PASSWORD_HASH,
      acceptedAt: daysLater(1).toISOString(),
    },
  }) as AccountEvent;
const withdrawn: AccountEvent = {
  type: 'InvitationWithdrawn',
  data: { accountId: ACCOUNT_ID, withdrawnAt: AT },
};
const fold = (...events: AccountEvent[]) => events.reduce(accountDecider.evolve, accountDecider.initialState);

describe('InviteAccount', () => {
  it('invites an official of an agency, with a code that waits a week', () =>
    given().when(invite()).then(invited()));

  it('invites a facilitator bound to a region', () =>
    given()
      .when(invite({ role: 'facilitator', regionCode: '62.06' }))
      .then(invited('facilitator', '62.06')));

  it.each([['citizen'], ['auditor'], ['admin'], ['official:'], ['root']])('refuses to invite as %s', (role) =>
    given().when(invite({ role })).thenFails('invalid', 'invalid_role', 'role'),
  );

  it('binds facilitators, and only them, to a region', () => {
    given()
      .when(invite({ role: 'facilitator' }))
      .thenFails('invalid', 'region_required', 'regionCode');
    given()
      .when(invite({ regionCode: '62.06' }))
      .thenFails('invalid', 'region_not_for_role', 'regionCode');
  });

  it.each([holder, { id: 'pupr-1', role: 'official:dinas-pupr' } as Actor])(
    'refuses anyone but an admin (%j)',
    (actor) => given().when(invite({}, actor)).thenFails('forbidden', 'admin_only'),
  );

  it('lets the platform itself invite, as it may grant', () =>
    given()
      .when(invite({}, system))
      .then({ ...invited(), data: { ...invited().data, invitedBy: system.id } } as AccountEvent));

  it('refuses a login that already has an account or an invitation', () => {
    given(registered).when(invite()).thenFails('conflict', 'account_already_exists');
    given(invited()).when(invite()).thenFails('conflict', 'account_already_exists');
  });

  it('refuses a blank name and a login not in normal form', () => {
    given()
      .when(invite({ displayName: ' \t' }))
      .thenFails('invalid', 'invalid_display_name', 'displayName');
    given()
      .when(invite({ login: { kind: 'phone', value: '0812-3456-7890' } }))
      .thenFails('invalid', 'login_not_normal', 'login');
  });
});

describe('AcceptInvitation', () => {
  it('activates the account with the invited role and the chosen password', () => {
    given(invited()).when(accept()).then(accepted());
    expect(fold(invited(), accepted())).toMatchObject({
      status: 'active',
      role: 'official:dinas-pupr',
      passwordHash: NEW_PASSWORD_HASH,
      sessionGeneration: 0,
    });
  });

  it('carries a facilitator’s region into the event and the account', () => {
    given(invited('facilitator', '62.06')).when(accept()).then(accepted('facilitator', '62.06'));
    expect(fold(invited('facilitator', '62.06'), accepted('facilitator', '62.06'))).toMatchObject({
      role: 'facilitator',
      regionCode: '62.06',
    });
  });

  it('records a wrong code so that it counts, and locks the code after five', () => {
    given(invited())
      .when(accept(WRONG_CODE_HASH, daysLater(0)))
      .then(failed(1));
    given(invited(), failed(1), failed(2), failed(3), failed(4), failed(5))
      .when(accept())
      .thenFails('conflict', 'code_locked');
  });

  it('refuses a code past its week', () =>
    given(invited())
      .when(accept(CODE_HASH, daysLater(7)))
      .thenFails('conflict', 'code_expired'));

  it('refuses an invitation already accepted, withdrawn, or never sent', () => {
    given(invited(), accepted()).when(accept()).thenFails('conflict', 'invitation_already_accepted');
    given(invited(), withdrawn).when(accept()).thenFails('not_found', 'invitation_not_found');
    given().when(accept()).thenFails('not_found', 'invitation_not_found');
    given(registered).when(accept()).thenFails('not_found', 'invitation_not_found');
  });

  it('leaves the confirmation of an invited login to the invitation', () =>
    given(invited())
      .when({
        type: 'ConfirmAccount',
        data: { accountId: ACCOUNT_ID, codeHash: CODE_HASH },
        metadata: as(holder),
      })
      .thenFails('conflict', 'invitation_pending'));
});

describe('ReissueInvitation', () => {
  it('issues a new code with a fresh week and no wrong attempts, even after the old one expired', () => {
    const reissued: AccountEvent = {
      type: 'InvitationReissued',
      data: {
        accountId: ACCOUNT_ID,
        codeHash: NEW_CODE_HASH,
        codeExpiresAt: daysLater(15).toISOString(),
        reissuedAt: daysLater(8).toISOString(),
      },
    };
    given(invited(), failed(5)).when(reissue()).then(reissued);
    expect(fold(invited(), failed(5), reissued)).toMatchObject({
      code: { hash: NEW_CODE_HASH, attempts: 0, expiresAt: daysLater(15).toISOString() },
    });
  });

  it('is for admins only, and only while the invitation waits', () => {
    given(invited()).when(reissue(holder)).thenFails('forbidden', 'admin_only');
    given(invited(), accepted()).when(reissue()).thenFails('conflict', 'invitation_already_accepted');
    given(registered, confirmed).when(reissue()).thenFails('conflict', 'invitation_already_accepted');
    given(invited(), withdrawn).when(reissue()).thenFails('not_found', 'invitation_not_found');
  });
});

describe('WithdrawInvitation', () => {
  it('withdraws a waiting invitation; again changes nothing', () => {
    given(invited()).when(withdraw()).then(withdrawn);
    given(invited(), withdrawn).when(withdraw()).then();
    expect(fold(invited(), withdrawn)).toEqual({ status: 'withdrawn', login: LOGIN, withdrawnAt: AT });
  });

  it('refuses a non-admin, an accepted invitation and an unknown one', () => {
    given(invited()).when(withdraw(holder)).thenFails('forbidden', 'admin_only');
    given(invited(), accepted()).when(withdraw()).thenFails('conflict', 'invitation_already_accepted');
    given().when(withdraw()).thenFails('not_found', 'invitation_not_found');
  });
});

describe('invitation personal data', () => {
  it('seals the invitee’s id, login, name, code and password hashes; the role, region and admin stay readable', () => {
    const fields = (event: AccountEvent) => accountPersonalData(event).map(({ field }) => field);
    expect(fields(invited('facilitator', '62.06'))).toEqual([
      'accountId',
      'login',
      'displayName',
      'codeHash',
    ]);
    expect(fields(accepted())).toEqual(['accountId', 'passwordHash']);
    expect(fields(withdrawn)).toEqual(['accountId']);
    expect(accountPersonalData(invited()).every(({ subject }) => subject === ACCOUNT_ID)).toBe(true);
  });
});

it('keeps the week in the stored expiry', () => expect(invited().data.codeExpiresAt).toBe(WEEK_LATER));
