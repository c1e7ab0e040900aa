import { CommandMetadata } from '../../platform/domain/decider';
import { givenEvents } from '../../platform/domain/testing/decider-spec';
import { loginReservationDecider } from './login-reservation.decide';
import { LoginReservationEvent } from './login-reservation.events';
import { Login } from './login';

const NOW = new Date('2026-03-10T02:00:00.000Z');
const AT = NOW.toISOString();
const metadata: CommandMetadata = { actor: { id: 'account-1', role: 'citizen' }, now: NOW };
const LOGIN: Login = { kind: 'phone', value: '+6281234567890' };

const given = givenEvents(loginReservationDecider);
const reserve = (accountId = 'account-1', login = LOGIN) =>
  ({ type: 'ReserveLogin', data: { login, accountId }, metadata }) as const;
const release = (accountId = 'account-1') =>
  ({ type: 'ReleaseLogin', data: { login: LOGIN, accountId }, metadata }) as const;
const reserved = (accountId: string | null = 'account-1'): LoginReservationEvent =>
  ({ type: 'LoginReserved', data: { accountId, reservedAt: AT } }) as LoginReservationEvent;
const released = (accountId = 'account-1'): LoginReservationEvent => ({
  type: 'LoginReleased',
  data: { accountId, releasedAt: AT },
});

describe('ReserveLogin', () => {
  it('reserves a free login', () => given().when(reserve()).then(reserved()));

  it('is idempotent for the same account', () => given(reserved()).when(reserve()).then());

  it('refuses a login held by another account', () =>
    given(reserved('account-2')).when(reserve()).thenFails('conflict', 'login_taken'));

  it('reserves a login again once released', () =>
    given(reserved('account-2'), released('account-2')).when(reserve()).then(reserved()));

  it('reserves a login whose holder was erased (their sealed id reads as null)', () =>
    given(reserved(null)).when(reserve()).then(reserved()));

  it('refuses a login not in normal form', () =>
    given()
      .when(reserve('account-1', { kind: 'phone', value: '0812-3456-7890' }))
      .thenFails('invalid', 'login_not_normal', 'login'));
});

describe('ReleaseLogin', () => {
  it('releases the holder’s login', () => given(reserved()).when(release()).then(released()));

  it('changes nothing for a free login', () => given().when(release()).then());

  it('refuses to release another account’s login', () =>
    given(reserved('account-2')).when(release()).thenFails('conflict', 'login_not_held'));

  it('releases a login whose holder was erased', () =>
    given(reserved(null)).when(release()).then(released()));
});
