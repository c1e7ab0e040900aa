import { jwtVerify, SignJWT } from 'jose';
import { Actor } from '../domain/decider';
import { parseRole } from './roles';
import { hasSoundTimes, isActorId, isSoundRegionClaim } from './token-claims';
import { Tokens, VerifiedToken } from './tokens.port';

const ISSUER = 'suara-warga';
const AUDIENCE = 'suara-warga-api';

/**
 * HS256 JWTs signed with one shared secret: every app instance given the same secret accepts them. A valid
 * signature is not enough: sub must be an actor id, iat and exp present, the lifetime at most 24 h, and a
 * `region` claim (a facilitator's region code) only on a facilitator's token.
 */
export class JwtTokens implements Tokens {
  private readonly key: Uint8Array;

  constructor(
    secret: Buffer,
    private readonly ttl = '12h',
  ) {
    if (secret.length < 32) throw new Error('The token secret must be at least 32 bytes');
    this.key = new Uint8Array(secret);
  }

  async issue(actor: Actor): Promise<string> {
    // Never sign what verify would refuse: a caller passing a region for another role has a bug.
    if (!isSoundRegionClaim(actor.role, actor.regionCode))
      throw new Error('Only a facilitator carries a region, and it must be a region code');
    const region = actor.regionCode === undefined ? {} : { region: actor.regionCode };
    return new SignJWT({ role: actor.role, ...region })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(actor.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(this.ttl)
      .sign(this.key);
  }

  async verify(token: string): Promise<Actor | undefined> {
    return (await this.verifyWithExpiry(token))?.actor;
  }

  async verifyWithExpiry(token: string): Promise<VerifiedToken | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        requiredClaims: ['sub', 'iat', 'exp'],
      });
      const role = parseRole(payload.role);
      const sound = isActorId(payload.sub) && hasSoundTimes(payload, Date.now() / 1000);
      if (!sound || !role || !isSoundRegionClaim(role, payload.region)) return undefined;
      const region = payload.region === undefined ? {} : { regionCode: payload.region as string };
      return {
        actor: { id: payload.sub as string, role, ...region },
        expiresAt: new Date((payload.exp as number) * 1000),
      };
    } catch {
      return undefined;
    }
  }
}
