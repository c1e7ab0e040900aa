import { createHash } from 'node:crypto';

/** One stream per (aspiration, citizen): hashed so that the stream name never reveals who endorsed. */
export function endorsementStream(aspirationId: string, citizenId: string): string {
  const pair = createHash('sha256').update(`${aspirationId}:${citizenId}`).digest('hex').slice(0, 32);
  return `endorsement-${aspirationId}-${pair}`;
}
