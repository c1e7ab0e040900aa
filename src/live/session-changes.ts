import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { decodeJwt } from 'jose';
import type { Namespace } from 'socket.io';
import { AccountEvent } from '../accounts/domain/account.events';
import { accountStream } from '../accounts/domain/account.streams';
import { Actor } from '../platform/domain/decider';
import { EVENT_STORE, EventStore, Subscription } from '../platform/event-store/event-store.port';
import { RecordedEvent } from '../platform/event-store/stored-event';
import { LiveSocket } from './live-socket';

/** Sent to a connection whose account changed, just before the server closes it. */
export const SESSION_CHANGED = 'session_changed';

export type SessionChangeReason = 'role_changed' | 'sessions_ended' | 'account_erased';

export interface SessionChangedNotice {
  readonly reason: SessionChangeReason;
  readonly reconnectWith: 'a fresh token';
}

/** The account events after which a token issued before them no longer says who the person is. */
const REASONS: Partial<Record<AccountEvent['type'], SessionChangeReason>> = {
  RoleGranted: 'role_changed',
  RoleRevoked: 'role_changed',
  SessionsEnded: 'sessions_ended',
  PasswordChanged: 'sessions_ended',
  PasswordReset: 'sessions_ended',
  AccountErased: 'account_erased',
};

/** What changed, and when: the role and region after a role change. */
export interface AccountChange {
  readonly second: number;
  readonly reason: SessionChangeReason;
  readonly role?: string;
  readonly regionCode?: string;
}

/**
 * Whether a token issued at `issuedAtS` for `actor` predates the change. Tokens carry whole seconds, so within
 * the change's second a role change looks at the token's role (the fresh token carries the new one), and ended
 * sessions close a connection but let a new one in (the password change answers a fresh token that second).
 */
export function predates(
  change: AccountChange,
  actor: Actor,
  issuedAtS: number,
  connected: boolean,
): boolean {
  if (issuedAtS > change.second) return false;
  switch (change.reason) {
    case 'role_changed':
      return (
        issuedAtS < change.second || actor.role !== change.role || actor.regionCode !== change.regionCode
      );
    case 'sessions_ended':
      return connected || issuedAtS < change.second;
    case 'account_erased':
      return true;
  }
}

export function changeOf(event: RecordedEvent): AccountChange | undefined {
  const reason = REASONS[event.type as AccountEvent['type']];
  if (reason === undefined) return undefined;
  const second = Math.floor(Date.parse(changeTimeOf(event)) / 1000);
  if (event.type === 'RoleRevoked') return { second, reason, role: 'citizen' };
  if (event.type !== 'RoleGranted') return { second, reason };
  // The role and region are the office's, stored readable (account.personal-data.ts).
  const { role, regionCode } = event.data as { role?: unknown; regionCode?: unknown };
  return {
    second,
    reason,
    role: typeof role === 'string' ? role : undefined,
    ...(typeof regionCode === 'string' ? { regionCode } : {}),
  };
}

/** Changes remembered for refusing old tokens at the handshake: as long as a token may live (24 h). */
const REMEMBER_MS = 24 * 3600_000;
const MAX_REMEMBERED = 100_000;

/** The token's `iat` in seconds (verified before this is read); undefined when it has none. */
export function issuedAtOf(token: string): number | undefined {
  try {
    const { iat } = decodeJwt(token);
    return typeof iat === 'number' ? iat : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Follows the event log from its head at start, on every instance (no lease: each closes its own sockets), and
 * when an account's role changes, its sessions end or it is erased, tells that account's live connections
 * `session_changed` and closes them. Accounts are matched by stream name (a digest of the account id), so an
 * erasure is seen even after the person's key, which seals the id inside the event, is gone.
 */
@Injectable()
export class SessionChanges implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SessionChanges');
  private namespace: Namespace | undefined;
  private subscription: Subscription | undefined;
  /** Per account stream, its last change: tokens issued before it are refused. */
  private readonly changes = new Map<string, AccountChange & { readonly seenMs: number }>();

  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  async onApplicationBootstrap(): Promise<void> {
    const head = await this.events.headPosition();
    this.subscription = this.events.subscribeToAll((batch) => this.follow(batch), {
      after: head,
      onDrop: (error) => this.logger.warn(`following account changes dropped, resuming: ${String(error)}`),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscription?.stop();
  }

  /** The change a new connection's token predates (refused at the handshake), if this instance saw one. */
  outdating(actor: Actor, issuedAtS: number | undefined): SessionChangeReason | undefined {
    const change = this.changes.get(accountStream(actor.id));
    return change && predates(change, actor, issuedAtS ?? 0, false) ? change.reason : undefined;
  }

  private async follow(batch: readonly RecordedEvent[]): Promise<void> {
    for (const event of batch) {
      const change = changeOf(event);
      if (change === undefined) continue;
      this.remember(event.stream, change);
      this.endSessions(event.stream, change);
    }
  }

  private endSessions(stream: string, change: AccountChange): void {
    const notice: SessionChangedNotice = { reason: change.reason, reconnectWith: 'a fresh token' };
    for (const socket of (this.namespace?.sockets.values() ?? []) as Iterable<LiveSocket>) {
      const { actor, issuedAt } = socket.data;
      if (!actor) continue;
      socket.data.accountStream ??= accountStream(actor.id);
      if (socket.data.accountStream !== stream || !predates(change, actor, issuedAt ?? 0, true)) continue;
      socket.emit(SESSION_CHANGED, notice);
      // engine.io sends what is buffered (the notice) before it closes the transport.
      socket.disconnect(true);
    }
  }

  private remember(stream: string, change: AccountChange): void {
    const now = Date.now();
    this.changes.delete(stream);
    this.changes.set(stream, { ...change, seenMs: now });
    // Oldest first (re-inserted on change): drop what no live token can predate, and beyond the cap.
    for (const [key, { seenMs }] of this.changes) {
      if (now - seenMs < REMEMBER_MS && this.changes.size <= MAX_REMEMBERED) break;
      this.changes.delete(key);
    }
  }
}

/** When the command that changed the account ran; metadata stays readable (only a citizen's actor is sealed). */
const changeTimeOf = (event: RecordedEvent): string => {
  const occurredAt = event.metadata.occurredAt;
  return typeof occurredAt === 'string' && !Number.isNaN(Date.parse(occurredAt))
    ? occurredAt
    : event.recordedAt;
};
