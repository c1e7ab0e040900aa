import { randomBytes } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import fc from 'fast-check';
import { CompactSign } from 'jose';
import { DevTokenRequest } from './dev-tokens.controller';
import { JwtTokens } from './jwt-tokens';
import { MAX_TOKEN_LIFETIME_S } from './token-claims';

// Tokens signed with the right secret but whose claims the issuer would never write: the signature is not enough.
const secret = randomBytes(32);
const tokens = new JwtTokens(secret);
const nowS = () => Math.floor(Date.now() / 1000);

const signRaw = (payload: Record<string, unknown>) =>
  new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new Uint8Array(secret));

const genuineClaims = () => ({
  sub: 'citizen-1',
  role: 'citizen',
  iss: 'suara-warga',
  aud: 'suara-warga-api',
  iat: nowS(),
  exp: nowS() + 3600,
});

const notAString = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.integer(),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }),
  fc.constant({ $ne: null }),
);
const notAnActorId = fc.oneof(
  notAString,
  fc.constant(''),
  fc.string({ minLength: 129, maxLength: 300, unit: fc.constantFrom('a', 'b', '1') }),
  fc.string({ minLength: 1 }).filter((text) => !/^[A-Za-z0-9._:-]+$/.test(text)),
);
const notANumber = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.string(),
  fc.boolean(),
  fc.object(),
);

const roleLike = fc.oneof(
  fc.constantFrom(
    'citizen',
    'facilitator',
    'auditor',
    'admin',
    'system',
    'official:',
    'Citizen',
    'official:a-',
  ),
  fc.string().map((text) => `official:${text}`),
  fc.stringMatching(/^official:[a-z0-9-]{1,80}$/),
  fc.integer({ min: 60, max: 70 }).map((length) => `official:${'a'.repeat(length)}`),
  fc.string(),
);
const acceptedRole = fc.oneof(
  fc.constantFrom('citizen', 'facilitator', 'auditor', 'admin'),
  fc
    .array(fc.stringMatching(/^[a-z0-9]{1,10}$/), { minLength: 1, maxLength: 6 })
    .map((parts) => `official:${parts.join('-')}`),
);

const refused = async (payload: Record<string, unknown>) => {
  const withoutUndefined = JSON.parse(JSON.stringify(payload)) as Record<string, unknown>;
  expect(await tokens.verify(await signRaw(withoutUndefined))).toBeUndefined();
};

describe('forged bearer tokens signed with the right secret', () => {
  it('are accepted when their claims are the ones the issuer writes', async () => {
    expect(await tokens.verify(await signRaw(genuineClaims()))).toEqual({ id: 'citizen-1', role: 'citizen' });
  });

  it('are refused when sub is not an actor id (objects would reach queries as operators)', async () => {
    await fc.assert(
      fc.asyncProperty(notAnActorId, async (sub) => refused({ ...genuineClaims(), sub })),
      { numRuns: 200 },
    );
  });

  it('are refused without a numeric exp or iat', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('exp', 'iat'), notANumber, async (claim, value) =>
        refused({ ...genuineClaims(), [claim]: value }),
      ),
      { numRuns: 100 },
    );
  });

  it('are refused when issued in the future or living longer than the bound', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 61, max: 10 * 365 * 86_400 }),
        fc.integer({ min: 1, max: 10 * 365 * 86_400 }),
        async (ahead, extra) => {
          const future = nowS() + ahead;
          await refused({ ...genuineClaims(), iat: future, exp: future + 60 });
          const iat = nowS() - 60;
          await refused({ ...genuineClaims(), iat, exp: iat + MAX_TOKEN_LIFETIME_S + extra });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('are refused when exp is not after iat', async () => {
    const iat = nowS();
    await refused({ ...genuineClaims(), iat, exp: iat });
    await refused({ ...genuineClaims(), iat, exp: iat - 10 });
  });
});

describe('roles: the issuer and the verifier accept the same strings', () => {
  const issuerAccepts = (role: unknown) =>
    validateSync(plainToInstance(DevTokenRequest, { actorId: 'someone', role })).length === 0;
  const verifierAccepts = async (role: unknown) =>
    (await tokens.verify(await signRaw({ ...genuineClaims(), role }))) !== undefined;

  it('agree on every role-like string', async () => {
    await fc.assert(
      fc.asyncProperty(roleLike, async (role) => {
        expect(await verifierAccepts(role)).toBe(issuerAccepts(role));
      }),
      { numRuns: 500 },
    );
  });

  it('accept every well-formed role, and a 64-character agency but not a 65-character one', async () => {
    await fc.assert(
      fc.asyncProperty(acceptedRole, async (role) => {
        expect(issuerAccepts(role)).toBe(role.length - 'official:'.length <= 64);
        expect(await verifierAccepts(role)).toBe(issuerAccepts(role));
      }),
      { numRuns: 300 },
    );
    for (const length of [64, 65]) {
      const role = `official:${'a'.repeat(length)}`;
      expect(issuerAccepts(role)).toBe(length === 64);
      expect(await verifierAccepts(role)).toBe(length === 64);
    }
  });

  it('and the issuer accepts every actor id the verifier does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(notAnActorId, fc.stringMatching(/^[A-Za-z0-9._:-]{1,128}$/)), async (sub) => {
        const viaIssuer =
          validateSync(plainToInstance(DevTokenRequest, { actorId: sub, role: 'citizen' })).length === 0;
        const viaVerifier = (await tokens.verify(await signRaw({ ...genuineClaims(), sub }))) !== undefined;
        expect(viaVerifier).toBe(viaIssuer);
      }),
      { numRuns: 300 },
    );
  });
});
