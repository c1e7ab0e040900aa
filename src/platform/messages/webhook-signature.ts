import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-suara-signature';
export const TIMESTAMP_HEADER = 'x-suara-timestamp';

/**
 * `sha256=<hex>` of HMAC-SHA256 over `<timestamp>.<body>`: the timestamp is signed with the exact body
 * bytes, so a receiver that refuses old timestamps refuses replays, and no one can move the body or the time.
 */
export function webhookSignature(secret: string, timestamp: string, body: string | Buffer): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
  return `sha256=${mac}`;
}

export interface SignedDelivery {
  readonly body: string | Buffer;
  readonly timestamp: string | undefined;
  readonly signature: string | undefined;
}

/**
 * What a gateway or witness runs on each request: true when the body was signed with this secret and its
 * timestamp (Unix seconds) lies within `toleranceSeconds` of `now`.
 */
export function verifyWebhookSignature(
  secret: string,
  { body, timestamp, signature }: SignedDelivery,
  now: Date,
  toleranceSeconds = 300,
): boolean {
  if (timestamp === undefined || signature === undefined || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(webhookSignature(secret, timestamp, body));
  const actual = Buffer.from(signature);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
