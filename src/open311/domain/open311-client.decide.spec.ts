import { CommandMetadata, Role } from '../../platform/domain/decider';
import { givenEvents } from '../../platform/domain/testing/decider-spec';
import { open311ClientDecider } from './open311-client.decider';
import { Open311ClientEvent } from './open311-client.events';
import { evolve, initialState } from './open311-client.state';

const NOW = new Date('2026-09-14T02:00:00.000Z');
const AT = NOW.toISOString();
const asAdmin: CommandMetadata = { actor: { id: 'admin-1', role: 'admin' }, now: NOW };
const wrongRoles: Role[] = ['citizen', 'facilitator', 'auditor', 'system', 'official:dinas-pupr'];
const CLIENT = '0b3a6a34-5c1f-4e55-9d7e-7f3f2b1d9c10';
const HASH = 'a'.repeat(64);

const given = givenEvents(open311ClientDecider);

const registered: Open311ClientEvent = {
  type: 'Open311ClientRegistered',
  data: { clientId: CLIENT, name: 'FixMyStreet Katingan', keyHash: HASH, registeredAt: AT },
};
const revoked: Open311ClientEvent = {
  type: 'Open311ClientRevoked',
  data: { clientId: CLIENT, revokedAt: AT },
};

const register = (name = 'FixMyStreet Katingan', metadata = asAdmin) =>
  ({ type: 'RegisterOpen311Client', data: { clientId: CLIENT, name, keyHash: HASH }, metadata }) as const;
const revoke = (metadata = asAdmin) =>
  ({ type: 'RevokeOpen311Client', data: { clientId: CLIENT }, metadata }) as const;

describe('RegisterOpen311Client', () => {
  it('registers the application with the digest of its key', () => given().when(register()).then(registered));

  it('trims the name', () => given().when(register('  FixMyStreet Katingan ')).then(registered));

  it.each(['ab', ' a ', 'x'.repeat(101), ''])('refuses the name %j', (name) =>
    given().when(register(name)).thenFails('invalid', 'invalid_name', 'name'),
  );

  it.each(wrongRoles)('is for admins only, not %s', (role) =>
    given()
      .when(register(undefined, { actor: { id: 'x', role }, now: NOW }))
      .thenFails('forbidden', 'admin_only'),
  );

  it('registers an id once', () =>
    given(registered).when(register()).thenFails('conflict', 'open311_client_exists'));
});

describe('RevokeOpen311Client', () => {
  it('revokes an active key', () => given(registered).when(revoke()).then(revoked));

  it('answers not found for an unknown client', () =>
    given().when(revoke()).thenFails('not_found', 'open311_client_not_found'));

  it('revokes once', () =>
    given(registered, revoked).when(revoke()).thenFails('conflict', 'open311_client_revoked'));

  it.each(wrongRoles)('is for admins only, not %s', (role) =>
    given(registered)
      .when(revoke({ actor: { id: 'x', role }, now: NOW }))
      .thenFails('forbidden', 'admin_only'),
  );
});

describe('the client state', () => {
  it('forgets the key digest once revoked', () => {
    const state = [registered, revoked].reduce(evolve, initialState);
    expect(state).toEqual({ status: 'revoked', clientId: CLIENT, name: 'FixMyStreet Katingan' });
  });
});
