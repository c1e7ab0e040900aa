import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const CLIENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SECRET = /^[\w-]{43}$/;

/** Only this digest is stored; the secret has 256 random bits, so a fast hash cannot be reversed by guessing. */
export const apiKeyHash = (apiKey: string): string => createHash('sha256').update(apiKey).digest('hex');

/** `<client id>.<256 random bits>`: the id names the client's stream, the secret proves possession. */
export const newApiKey = (clientId: string): string => `${clientId}.${randomBytes(32).toString('base64url')}`;

/** The client id a key names, when the key has the shape this platform issues. */
export function clientIdOf(apiKey: string): string | undefined {
  const [clientId, secret, ...rest] = apiKey.split('.');
  return rest.length === 0 && CLIENT_ID.test(clientId) && SECRET.test(secret ?? '') ? clientId : undefined;
}

/** Compares digests in constant time, so the comparison leaks nothing of the stored one. */
export const sameKeyHash = (apiKey: string, storedHash: string): boolean =>
  timingSafeEqual(Buffer.from(apiKeyHash(apiKey), 'hex'), Buffer.from(storedHash, 'hex'));
