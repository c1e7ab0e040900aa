import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface OutboxLine {
  readonly id: string;
  readonly kind: string;
  readonly to: { kind: string; address: string };
  readonly subject: string;
  readonly text: string;
}

/** Every message the development outbox of this data folder holds, oldest first. */
export function outboxOf(dataDir: string): OutboxLine[] {
  const file = join(dataDir, 'outbox.ndjson');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as OutboxLine);
}

/** The six-digit codes sent to an address, oldest first: what a person reads from their SMS or e-mail. */
export function codesSentTo(dataDir: string, address: string): string[] {
  return outboxOf(dataDir)
    .filter((line) => line.to.address === address && line.kind === 'one_time_code')
    .map((line) => /\b(\d{6})\b/.exec(line.text)![1]);
}
