import { randomBytes } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import fc from 'fast-check';
import { CompactSign } from 'jose';
import { Actor } from '../domain/decider';
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

describe("a facilitator's region: the issuer and the verifier agree", () => {
  const digits = (length: number) => fc.stringMatching(new RegExp(`^[0-9]{${length}}$`));
  const wellFormedRegion = fc
    .tuple(digits(2), digits(2), digits(2), digits(4), fc.integer({ min: 1, max: 4 }))
    .map(([province, regency, district, village, levels]) =>
      [province, regency, district, village].slice(0, levels).join('.'),
    );
  const regionLike = fc.oneof(
    wellFormedRegion,
    wellFormedRegion.map((code) => `${code}.`),
    wellFormedRegion.map((code) => ` ${code}`),
    wellFormedRegion.map((code) => `${code}\n`),
    fc.constantFrom('', '6', '62.6', '62.06.02.103', '62.06.02.1003.1', '62..06', '６２', '62.06/..'),
    fc.string({ unit: fc.constantFrom('6', '2', '0', '.'), maxLength: 16 }),
    notAString,
  );
  const issuerAccepts = (role: unknown, regionCode: unknown) =>
    validateSync(plainToInstance(DevTokenRequest, { actorId: 'someone', role, regionCode })).length === 0;
  const verified = async (role: unknown, region: unknown) =>
    tokens.verify(await signRaw({ ...genuineClaims(), role, region }));

  it('refuses a region claim on every role but facilitator, even a well-formed one', async () => {
    const otherRole = acceptedRole.filter((role) => role !== 'facilitator');
    await fc.assert(
      fc.asyncProperty(otherRole, wellFormedRegion, async (role, region) => {
        expect(await verified(role, region)).toBeUndefined();
        expect(issuerAccepts(role, region)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("refuses a facilitator's malformed region, and reads a well-formed one as the actor's", async () => {
    await fc.assert(
      fc.asyncProperty(regionLike, async (region) => {
        const wellFormed = typeof region === 'string' && /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/.test(region);
        const actor = await verified('facilitator', region);
        expect(actor).toEqual(
          wellFormed ? { id: 'citizen-1', role: 'facilitator', regionCode: region } : undefined,
        );
        expect(issuerAccepts('facilitator', region)).toBe(wellFormed);
      }),
      { numRuns: 400 },
    );
  });

  it('agree on every role and region pair, and what the issuer signs verifies as the same actor', async () => {
    await fc.assert(
      fc.asyncProperty(roleLike, fc.option(regionLike, { nil: undefined }), async (role, region) => {
        const accepted = issuerAccepts(role, region);
        const claims = JSON.parse(JSON.stringify({ ...genuineClaims(), role, region })) as object;
        // JSON drops an undefined region, as the issuer's body would.
        expect((await tokens.verify(await signRaw({ ...claims }))) !== undefined).toBe(accepted);
        if (!accepted) return;
        const actor = { id: 'someone', role, ...(region !== undefined && { regionCode: region }) };
        expect(await tokens.verify(await tokens.issue(actor as Actor))).toEqual(actor);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a facilitator without a region platform-wide, and never signs a region for another role', async () => {
    expect(await verified('facilitator', undefined)).toEqual({ id: 'citizen-1', role: 'facilitator' });
    await expect(tokens.issue({ id: 'x', role: 'citizen', regionCode: '62.06' })).rejects.toThrow(/region/);
    await expect(tokens.issue({ id: 'x', role: 'facilitator', regionCode: '62.6' })).rejects.toThrow(
      /region/,
    );
  });
});
