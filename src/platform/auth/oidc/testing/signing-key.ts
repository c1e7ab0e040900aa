import { exportJWK, generateKeyPair, GenerateKeyPairResult, JWK, JWTPayload, SignJWT } from 'jose';

/** A real key pair as an issuer holds it: the private half signs, the public half is published. */
export interface SigningKey {
  readonly kid: string;
  readonly alg: 'RS256' | 'ES256' | 'EdDSA';
  readonly privateKey: GenerateKeyPairResult['privateKey'];
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

export async function signingKey(kid: string, alg: SigningKey['alg'] = 'ES256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const meta = { kid, alg, use: 'sig' };
  return {
    kid,
    alg,
    privateKey,
    privateJwk: { ...(await exportJWK(privateKey)), ...meta },
    publicJwk: { ...(await exportJWK(publicKey)), ...meta },
  };
}

/** A token signed with the key, as its issuer (or whoever stole the key) would sign it. */
export function signWith(key: SigningKey, claims: JWTPayload, header: object = {}): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, ...header })
    .sign(key.privateKey);
}
