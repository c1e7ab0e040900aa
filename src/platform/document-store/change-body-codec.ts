import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** Shorter bodies gain too little from deflate to pay for it. */
const MIN_DEFLATED_LENGTH = 200;

/**
 * A change body as stored: its JSON text, or that text deflated (a BLOB) when that is smaller, as most thread
 * summaries and messages are (about two thirds of their size). Bodies written before stay text.
 */
export function encodeChangeBody(json: string): string | Buffer {
  if (json.length < MIN_DEFLATED_LENGTH) return json;
  const deflated = deflateRawSync(json);
  return deflated.length < Buffer.byteLength(json) ? deflated : json;
}

export const decodeChangeBody = (stored: string | Buffer): string =>
  typeof stored === 'string' ? stored : inflateRawSync(stored).toString('utf8');
