import { io, type Socket } from 'socket.io-client';
import { session } from '../session/session';

/** What the page tells the person: live, without a network, or trying to get back. */
export type LiveStatus = 'connecting' | 'live' | 'offline' | 'reconnecting';

/** One `change` from /live (docs/api.md, "Live updates"). */
export interface LiveChange<P = unknown> {
  readonly topic: string;
  readonly position: string;
  readonly eventType: string;
  readonly payload: P;
}

type Ack =
  { ok: true; topic: string; position: string; refetch?: true } | { ok: false; error: { code: string } };

export interface Follower {
  /** Each change once, in order, including those missed while the connection was down. */
  readonly onChange: (change: LiveChange) => void;
  /** Too much was missed to replay: read the thread again at this position. */
  readonly onRefetch: (position: string) => void;
  /** The topic may not be followed (e.g. the thread is no longer visible). */
  readonly onRefused?: (code: string) => void;
}

interface Followed extends Follower {
  /** The last position seen on this topic: a reconnect resumes after it, so nothing is missed or repeated. */
  last: bigint;
}

const later = (position: string, than: bigint) => BigInt(position) > than;

/** A pause before connecting again after the server refused the token, so a refusal can never loop fast. */
const RETRY_REFUSED_MS = 2_000;

/**
 * The page's one connection to /live. It follows topics from a position, resubscribes with `since` after every
 * reconnect, drops anything at or before the last position seen, and reports an honest status.
 */
export class LiveConnection {
  private readonly socket: Socket;
  private readonly topics = new Map<string, Followed>();
  private readonly statusListeners = new Set<(status: LiveStatus) => void>();
  private actorId: string | undefined;
  status: LiveStatus = 'connecting';

  constructor() {
    this.actorId = session.state.status === 'signed_in' ? session.state.actorId : undefined;
    this.socket = io('/live', {
      // Asked again on every (re)connection, so a renewed token is used.
      auth: (send) => void session.accessToken().then((token) => send(token ? { token } : {})),
      reconnectionDelayMax: 10_000,
    });
    this.socket.on('connect', () => this.resubscribe());
    this.socket.on('disconnect', (reason) => {
      this.setStatus(navigator.onLine ? 'reconnecting' : 'offline');
      // The server closed it (token expired, account changed): socket.io does not retry that by itself.
      if (reason === 'io server disconnect') void session.renewForLive().finally(() => this.socket.connect());
    });
    this.socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      this.setStatus(navigator.onLine ? 'reconnecting' : 'offline');
      // A refused token is not retried by socket.io: renew it (or go on anonymously) and connect again. A token from
      // before a change of the account (a password changed in another tab) is renewed the same way.
      if (error.data?.code === 'invalid_token' || error.data?.code === 'session_changed')
        setTimeout(() => void session.renew().finally(() => this.socket.connect()), RETRY_REFUSED_MS);
    });
    this.socket.on('change', (change: LiveChange) => this.deliver(change));
    this.socket.on('unsubscribed', ({ topic }: { topic: string }) =>
      this.topics.get(topic)?.onRefused?.('access_changed'),
    );
    window.addEventListener('offline', this.wentOffline);
    window.addEventListener('online', this.cameOnline);
    this.unsubscribeSession = session.subscribe((state) => {
      const actorId = state.status === 'signed_in' ? state.actorId : undefined;
      // Another person (or none) now: a fresh connection with their token, resuming every topic.
      if (actorId !== this.actorId && state.status !== 'restoring') {
        this.actorId = actorId;
        this.socket.disconnect().connect();
      }
    });
  }

  private readonly unsubscribeSession: () => void;

  onStatus(listener: (status: LiveStatus) => void): () => void {
    this.statusListeners.add(listener);
    listener(this.status);
    return () => void this.statusListeners.delete(listener);
  }

  /** Follows a topic from `since` (the position the page's data reflects). */
  follow(topic: string, since: string, follower: Follower): () => void {
    this.topics.set(topic, { ...follower, last: BigInt(since) });
    if (this.socket.connected) this.subscribe(topic);
    return () => {
      this.topics.delete(topic);
      if (this.socket.connected) this.socket.emit('unsubscribe', { topic }, () => undefined);
    };
  }

  close(): void {
    this.unsubscribeSession();
    window.removeEventListener('offline', this.wentOffline);
    window.removeEventListener('online', this.cameOnline);
    this.socket.disconnect();
    this.statusListeners.clear();
  }

  private readonly wentOffline = () => this.setStatus('offline');
  private readonly cameOnline = () => {
    this.setStatus('reconnecting');
    // At once rather than after the back-off the failed attempts built up: the network is back now.
    if (!this.socket.connected) this.socket.disconnect().connect();
  };

  private resubscribe(): void {
    const topics = [...this.topics.keys()];
    if (topics.length === 0) this.setStatus('live');
    topics.forEach((topic) => this.subscribe(topic));
  }

  private subscribe(topic: string): void {
    const followed = this.topics.get(topic);
    if (!followed) return;
    this.socket.emit('subscribe', { topic, since: followed.last.toString() }, (ack: Ack) => {
      const current = this.topics.get(topic);
      if (!current) return;
      if (!ack.ok) return current.onRefused?.(ack.error.code);
      if (ack.refetch) current.onRefetch(ack.position);
      if (later(ack.position, current.last)) current.last = BigInt(ack.position);
      this.setStatus('live');
    });
  }

  private deliver(change: LiveChange): void {
    const followed = this.topics.get(change.topic);
    // Replayed after a resume, or already covered by what the page read: seen once is enough.
    if (!followed || !later(change.position, followed.last)) return;
    followed.last = BigInt(change.position);
    followed.onChange(change);
  }

  private setStatus(status: LiveStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.statusListeners.forEach((listener) => listener(status));
  }
}
