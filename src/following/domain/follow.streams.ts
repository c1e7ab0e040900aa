import { createHash } from 'node:crypto';

/** One stream per (aspiration, person): hashed so that the stream name never reveals who follows. */
export function followStream(aspirationId: string, personId: string): string {
  const pair = createHash('sha256').update(`${aspirationId}:${personId}`).digest('hex').slice(0, 32);
  return `follow-${aspirationId}-${pair}`;
}
