import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { JwtTokens } from './jwt-tokens';
import { loadTokenSecret } from './token-secret';

describe('JWT bearer tokens', () => {
  const secret = randomBytes(32);
  const tokens = new JwtTokens(secret);

  it('carries the actor and role it was issued for', async () => {
    const token = await tokens.issue({ id: 'official-7', role: 'official:dinas-pupr' });
    expect(await tokens.verify(token)).toEqual({ id: 'official-7', role: 'official:dinas-pupr' });
  });

  it("carries a facilitator's region, and none for a platform-wide facilitator", async () => {
    const bound = { id: 'fasil-katingan', role: 'facilitator', regionCode: '62.06' } as const;
    expect(await tokens.verify(await tokens.issue(bound))).toEqual(bound);
    const wide = await tokens.verify(await tokens.issue({ id: 'fasil-prov', role: 'facilitator' }));
    expect(wide).toEqual({ id: 'fasil-prov', role: 'facilitator' });
    expect(wide).not.toHaveProperty('regionCode');
  });

  it('rejects a token signed with another secret, a tampered one and an expired one', async () => {
    const foreign = await new JwtTokens(randomBytes(32)).issue({ id: 'x', role: 'admin' });
    const genuine = await tokens.issue({ id: 'citizen-1', role: 'citizen' });
    const [header, , signature] = genuine.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: 'citizen-1', role: 'admin' })).toString(
      'base64url',
    );
    const expired = await new JwtTokens(secret, '-1s').issue({ id: 'citizen-1', role: 'citizen' });
    expect(await tokens.verify(foreign)).toBeUndefined();
    expect(await tokens.verify(`${header}.${forgedPayload}.${signature}`)).toBeUndefined();
    expect(await tokens.verify(expired)).toBeUndefined();
    expect(await tokens.verify('not a token')).toBeUndefined();
  });

  it('tells when a token expires: its exp, to the second', async () => {
    const before = Math.floor(Date.now() / 1000);
    const token = await new JwtTokens(secret, '90s').issue({ id: 'citizen-1', role: 'citizen' });
    const verified = await tokens.verifyWithExpiry(token);
    expect(verified?.actor).toEqual({ id: 'citizen-1', role: 'citizen' });
    const expiresS = verified!.expiresAt.getTime() / 1000;
    expect(Number.isInteger(expiresS) && expiresS >= before + 90 && expiresS <= before + 91).toBe(true);
    expect(
      await tokens.verifyWithExpiry(await new JwtTokens(secret, '-1s').issue(verified!.actor)),
    ).toBeUndefined();
  });

  it('rejects a validly signed token whose role is not one of ours', async () => {
    const system = await new SignJWT({ role: 'system' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('me')
      .setIssuer('suara-warga')
      .setAudience('suara-warga-api')
      .setExpirationTime('1h')
      .sign(new Uint8Array(secret));
    expect(await tokens.verify(system)).toBeUndefined();
  });
});

describe('the token secret', () => {
  const dir = mkdtempSync(join(tmpdir(), 'suara-secret-'));

  it('refuses a secret that is not strict base64', () => {
    expect(() => loadTokenSecret('not base64 at all!', dir)).toThrow(/base64/);
    expect(loadTokenSecret(randomBytes(32).toString('base64'), dir)).toHaveLength(32);
  });

  it('generates one owner-only secret in the data folder and keeps it', () => {
    const first = loadTokenSecret(undefined, dir);
    expect(loadTokenSecret(undefined, dir).equals(first)).toBe(true);
    expect(statSync(join(dir, 'token-secret')).mode & 0o777).toBe(0o600);
  });
});
