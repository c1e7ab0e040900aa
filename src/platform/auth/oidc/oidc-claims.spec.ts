import fc from 'fast-check';
import { isActorId } from '../token-claims';
import { claimValues, oidcActorId, roleOf } from './oidc-claims';

const ISSUER = 'https://sso.katingankab.go.id';
const roleMap = new Map([
  ['diskominfo-moderator', 'facilitator'],
  ['kim-fasilitator', 'facilitator'],
  ['dinas-pupr', 'official:dinas-pupr'],
  ['inspektorat', 'auditor'],
] as const);

describe('the role claim of an external token', () => {
  it('reads a list, a single value, or nothing', () => {
    expect(claimValues({ groups: ['a', 'b'] }, 'groups')).toEqual(['a', 'b']);
    expect(claimValues({ groups: 'a' }, 'groups')).toEqual(['a']);
    expect(claimValues({ groups: ['a', 7, null, { b: 1 }, ['c']] }, 'groups')).toEqual(['a']);
    expect(claimValues({ groups: { a: true } }, 'groups')).toEqual([]);
    expect(claimValues({}, 'groups')).toEqual([]);
  });

  it('walks a dotted name into objects unless a claim has that very name', () => {
    const keycloak = { realm_access: { roles: ['inspektorat'] } };
    expect(claimValues(keycloak, 'realm_access.roles')).toEqual(['inspektorat']);
    expect(claimValues({ ...keycloak, 'realm_access.roles': ['x'] }, 'realm_access.roles')).toEqual(['x']);
    expect(claimValues({ 'https://suara.example/roles': 'a' }, 'https://suara.example/roles')).toEqual(['a']);
    expect(claimValues({ realm_access: ['inspektorat'] }, 'realm_access.roles')).toEqual([]);
  });

  it('never reaches a prototype', () => {
    expect(claimValues({}, 'constructor')).toEqual([]);
    expect(claimValues({}, 'constructor.name')).toEqual([]);
    expect(claimValues(JSON.parse('{"__proto__": {"roles": ["inspektorat"]}}'), '__proto__.roles')).toEqual([
      'inspektorat',
    ]);
    expect(claimValues({ a: {} }, 'a.toString')).toEqual([]);
  });

  it('maps values to one role; none mapped is a citizen; two roles conflict', () => {
    expect(roleOf(['diskominfo-moderator', 'pegawai'], roleMap)).toEqual({ role: 'facilitator' });
    expect(roleOf(['diskominfo-moderator', 'kim-fasilitator'], roleMap)).toEqual({ role: 'facilitator' });
    expect(roleOf(['pegawai'], roleMap)).toEqual({ role: 'citizen' });
    expect(roleOf([], roleMap)).toEqual({ role: 'citizen' });
    expect(roleOf(['dinas-pupr', 'inspektorat'], roleMap)).toEqual({
      conflicting: ['auditor', 'official:dinas-pupr'],
    });
  });
});

describe('the actor id of an external subject', () => {
  it('is stable, prefixed and a valid actor id whatever the sub holds', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300, unit: 'binary' }), (sub) => {
        const id = oidcActorId(ISSUER, sub);
        expect(isActorId(id)).toBe(true);
        expect(id).toMatch(/^oidc:[\w-]{43}$/);
        expect(oidcActorId(ISSUER, sub)).toBe(id);
      }),
    );
  });

  it('differs between subjects and between issuers', () => {
    expect(oidcActorId(ISSUER, 'ani')).not.toBe(oidcActorId(ISSUER, 'budi'));
    expect(oidcActorId(ISSUER, 'ani')).not.toBe(oidcActorId('https://sso.palangkaraya.go.id', 'ani'));
    // The separator keeps issuer and sub apart: no shifting of characters between them collides.
    expect(oidcActorId('https://a.example/x', 'y')).not.toBe(oidcActorId('https://a.example/', 'xy'));
  });
});
