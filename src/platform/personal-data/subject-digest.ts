import { createHash } from 'node:crypto';

/**
 * How a tombstone names an erased subject: a SHA-256, so the erased id itself stays nowhere. Account ids are random,
 * so it cannot be reversed by guessing (hand-picked ids like `warga-1`, from the development issuer, can be).
 */
export const subjectDigest = (subject: string): string =>
  createHash('sha256').update(`subject:${subject}`).digest('hex');
