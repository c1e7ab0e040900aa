/**
 * A submission or reply kept on the phone until the server has it. Its key is the Idempotency-Key of every
 * attempt, so however often it is sent (a lost answer, a reload, two tabs) the server acts on it once.
 */
export interface OutboxEntry {
  readonly key: string;
  readonly kind: 'submission' | 'reply';
  /** Whose it is: it is sent only while the same person is signed in, never as someone else. */
  readonly actorId: string;
  readonly path: string;
  readonly body: Readonly<Record<string, unknown>>;
  /** The thread a reply belongs to. */
  readonly threadId?: string;
  /** Where it is about, for the time zone of its times. */
  readonly regionCode: string;
  readonly savedAt: string;
  readonly state: OutboxState;
  /** Why the server refused it (state refused) or what the last attempt met. */
  readonly problemCode?: string;
  readonly attempts: number;
}

/** waiting: sent when the connection allows; sign_in: waits for its author; refused: the server said no. */
export type OutboxState = 'waiting' | 'sign_in' | 'refused';

/** What one attempt to deliver means for the entry. */
export type Outcome = 'delivered' | 'retry' | 'sign_in' | 'refused';

/** Statuses after which the server may or may not have acted, or will act later: send again, same key. */
const RETRYABLE = new Set([0, 408, 425, 429]);

/** Classifies an answer: `ok` for 2xx, else the problem's status and code (status 0: no answer at all). */
export function outcomeOf(answer: 'ok' | { readonly status: number; readonly code: string }): Outcome {
  if (answer === 'ok') return 'delivered';
  const { status, code } = answer;
  if (RETRYABLE.has(status) || status >= 500 || code === 'concurrent_changes') return 'retry';
  if (status === 401) return 'sign_in';
  return 'refused';
}

/** The pause before the next attempt: doubling from 5 s up to a minute, so a patchy line is not hammered. */
export const retryDelayMs = (attempts: number): number =>
  Math.min(60_000, 5_000 * 2 ** Math.max(0, attempts - 1));

/** The entries one person sees and sends, oldest first. */
export const entriesOf = (entries: readonly OutboxEntry[], actorId: string | undefined): OutboxEntry[] =>
  entries
    .filter((entry) => actorId !== undefined && entry.actorId === actorId)
    .sort((a, b) => a.savedAt.localeCompare(b.savedAt) || a.key.localeCompare(b.key));
