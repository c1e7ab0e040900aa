import { api, ApiError, newIdempotencyKey } from '../api/http';
import { CommandResult } from '../api/types';
import { session } from '../session/session';
import { entriesOf, OutboxEntry, Outcome, outcomeOf, retryDelayMs } from './outbox-entry';
import { outboxStore } from './outbox-store';

/** What a page asks to send: the outbox adds the key, the author and the bookkeeping. */
export type Outgoing = Pick<OutboxEntry, 'kind' | 'path' | 'body' | 'threadId' | 'regionCode'>;

export interface Delivered {
  readonly entry: OutboxEntry;
  readonly result: CommandResult;
}

/** Whose entries this device shows while the session is still being restored (e.g. reloaded offline). */
const OWNER_KEY = 'suara.outboxOwner';
const CHANNEL = 'suara-outbox';

const remembered = {
  get: () => {
    try {
      return localStorage.getItem(OWNER_KEY) ?? undefined;
    } catch {
      return undefined;
    }
  },
  set: (actorId: string | undefined) => {
    try {
      if (actorId === undefined) localStorage.removeItem(OWNER_KEY);
      else localStorage.setItem(OWNER_KEY, actorId);
    } catch {
      // Storage refused: while offline after a reload the entries wait unseen, and are still sent later.
    }
  },
};

/** Tabs take turns sending (Web Locks where present); the Idempotency-Key makes an overlap harmless anyway. */
function exclusively<T>(work: () => Promise<T>): Promise<T> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  return locks ? locks.request('suara-outbox', work) : work();
}

/**
 * Submissions and replies on their way to the server. Each is written to IndexedDB before its first attempt and
 * removed only once the server answered it, so a reload, a lost answer or a dead battery loses nothing; every
 * attempt carries the entry's own Idempotency-Key, so the server acts on it exactly once.
 */
class Outbox {
  private all: OutboxEntry[] = [];
  private recent: Delivered[] = [];
  private owner: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> | undefined;
  private channel: BroadcastChannel | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly deliveredListeners = new Set<(delivered: Delivered) => void>();

  /** Once, at start-up: load what an earlier visit left and send it when the author and the network allow. */
  start(): void {
    this.owner = session.state.status === 'signed_in' ? session.state.actorId : remembered.get();
    session.subscribe((state) => {
      if (state.status === 'restoring') return;
      this.owner = state.status === 'signed_in' ? state.actorId : undefined;
      remembered.set(this.owner);
      this.publish();
      if (this.owner) void this.flush();
    });
    window.addEventListener('online', () => void this.flush());
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(CHANNEL);
      this.channel.onmessage = () => void this.reload();
    }
    void this.reload().then(() => this.flush());
  }

  /** The signed-in person's entries (or those of whoever was, while the session is restored), oldest first. */
  entries(): OutboxEntry[] {
    return entriesOf(this.all, this.owner);
  }

  /** What this visit delivered from the outbox, newest last. */
  delivered(): Delivered[] {
    return this.recent.filter((d) => d.entry.actorId === this.owner);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  onDelivered(listener: (delivered: Delivered) => void): () => void {
    this.deliveredListeners.add(listener);
    return () => void this.deliveredListeners.delete(listener);
  }

  /**
   * Keeps it on the phone, then tries to send it now: answers the result, or 'queued' when it waits for the
   * network (or for its author to sign in again). A refusal removes it and throws, so the form shows why.
   */
  async send(outgoing: Outgoing): Promise<CommandResult | 'queued'> {
    if (session.state.status !== 'signed_in') throw new ApiError({ status: 401, code: 'http_401' });
    const entry: OutboxEntry = {
      ...outgoing,
      key: newIdempotencyKey(),
      actorId: session.state.actorId,
      savedAt: new Date().toISOString(),
      state: 'waiting',
      attempts: 0,
    };
    await this.save(entry);
    const { outcome, result, problem } = await exclusively(() => this.attempt(entry));
    if (outcome === 'delivered') return result!;
    if (outcome === 'refused') {
      await this.remove(entry.key);
      throw new ApiError(problem!);
    }
    await this.settle(entry, outcome, problem?.code);
    if (outcome === 'retry' && navigator.onLine) this.retryIn(1);
    return 'queued';
  }

  /** Sends every waiting entry of the signed-in person, oldest first; one run at a time. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    // A failure here (storage refused, say) leaves the entries where they are, for the next trigger.
    this.flushing ??= exclusively(() => this.sendWaiting())
      .catch(() => undefined)
      .finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  /** The author gave up on an entry (e.g. one the server refused). */
  discard(key: string): Promise<void> {
    return this.remove(key);
  }

  /** After erasure: nothing of the person stays on the phone. */
  async forget(actorId: string): Promise<void> {
    for (const entry of this.all.filter((e) => e.actorId === actorId)) await this.remove(entry.key);
    this.recent = this.recent.filter((d) => d.entry.actorId !== actorId);
    this.publish();
  }

  private async sendWaiting(): Promise<void> {
    await this.reload();
    if (!navigator.onLine) return;
    // The session may still be restoring (reloaded offline): renewing it names the person first.
    if (session.state.status !== 'anonymous') await session.accessToken();
    const actorId = session.state.status === 'signed_in' ? session.state.actorId : undefined;
    let attempts = 0;
    for (const entry of entriesOf(this.all, actorId).filter((e) => e.state !== 'refused')) {
      const { outcome, result, problem } = await this.attempt(entry);
      if (outcome === 'delivered') {
        this.announce({ entry, result: result! });
        continue;
      }
      await this.settle(entry, outcome, problem?.code);
      if (outcome === 'retry') {
        attempts = Math.max(attempts, entry.attempts + 1);
        // No answer at all: the network is down again, the rest would fail the same way.
        if (problem?.status === 0) break;
      }
    }
    if (attempts > 0) this.retryIn(attempts);
  }

  private retryIn(attempts: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), retryDelayMs(attempts));
  }

  /** Sent from the outbox while the page was open: pages waiting for it (the thread, the submit page) update. */
  private announce(delivered: Delivered): void {
    this.recent = [...this.recent, delivered];
    this.deliveredListeners.forEach((listener) => listener(delivered));
    this.publish();
  }

  /** One attempt with the entry's own key; delivered entries leave the outbox here. */
  private async attempt(
    entry: OutboxEntry,
  ): Promise<{ outcome: Outcome; result?: CommandResult; problem?: ApiError['problem'] }> {
    if (!navigator.onLine) return { outcome: 'retry', problem: { status: 0, code: 'network_error' } };
    try {
      const result = await api<CommandResult>(entry.path, {
        method: 'POST',
        body: entry.body,
        idempotencyKey: entry.key,
      });
      await this.remove(entry.key);
      return { outcome: 'delivered', result };
    } catch (error) {
      // An answer that is no problem document (a proxy's error page): whether the server acted is unknown.
      const problem = error instanceof ApiError ? error.problem : { status: 0, code: 'network_error' };
      return { outcome: outcomeOf(problem), problem };
    }
  }

  private settle(entry: OutboxEntry, outcome: Outcome, problemCode: string | undefined): Promise<void> {
    const state = outcome === 'sign_in' ? 'sign_in' : outcome === 'refused' ? 'refused' : 'waiting';
    return this.save({ ...entry, state, problemCode, attempts: entry.attempts + 1 });
  }

  private async save(entry: OutboxEntry): Promise<void> {
    await (await outboxStore()).put(entry);
    this.all = [...this.all.filter((e) => e.key !== entry.key), entry];
    this.changed();
  }

  private async remove(key: string): Promise<void> {
    await (await outboxStore()).delete(key);
    this.all = this.all.filter((e) => e.key !== key);
    this.changed();
  }

  private async reload(): Promise<void> {
    this.all = await (await outboxStore()).all();
    this.publish();
  }

  /** This tab's change, told to the others so every open page shows the same queue. */
  private changed(): void {
    this.channel?.postMessage('changed');
    this.publish();
  }

  private publish(): void {
    this.listeners.forEach((listener) => listener());
  }
}

export const outbox = new Outbox();
