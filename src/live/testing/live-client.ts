import { io, Socket } from 'socket.io-client';
import { ChangeMessage, LiveAck, UnsubscribedMessage } from '../live-protocol';

export interface LiveClientOptions {
  readonly token?: string;
  readonly transports?: Array<'websocket' | 'polling'>;
}

/** A real socket.io-client on `/live` that records every change and notice it receives, in order. */
export class LiveClient {
  readonly changes: ChangeMessage[] = [];
  readonly unsubscribed: UnsubscribedMessage[] = [];
  /** How many changes had arrived when the last acknowledgement did (awaiting it runs later). */
  changesAtLastAck = 0;
  private readonly waiters = new Set<() => void>();

  private constructor(readonly socket: Socket) {
    socket.on('change', (change: ChangeMessage) => this.record(() => this.changes.push(change)));
    socket.on('unsubscribed', (notice: UnsubscribedMessage) =>
      this.record(() => this.unsubscribed.push(notice)),
    );
    socket.on('disconnect', () => this.record(() => undefined));
  }

  /** Connects, or rejects with the server's reason (e.g. an invalid token). */
  static connect(url: string, options: LiveClientOptions = {}): Promise<LiveClient> {
    const socket = io(`${url}/live`, {
      transports: options.transports ?? ['websocket'],
      auth: options.token ? { token: options.token } : {},
      reconnection: false,
      forceNew: true,
      // A client the test stopped from reading never finishes closing; its timers must not hold the process.
      autoUnref: true,
    });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(new LiveClient(socket)));
      socket.once('connect_error', (error) => (socket.close(), reject(error)));
    });
  }

  subscribe(topic: string, since?: string): Promise<LiveAck> {
    return this.send('subscribe', since === undefined ? { topic } : { topic, since });
  }

  unsubscribe(topic: string): Promise<LiveAck> {
    return this.send('unsubscribe', { topic });
  }

  /** Emits any event with an ack, as a hostile or buggy client might. */
  send(event: string, ...args: unknown[]): Promise<LiveAck> {
    return new Promise((resolve, reject) => {
      this.socket.timeout(5_000).emit(event, ...args, (error: Error | null, ack: LiveAck) => {
        this.changesAtLastAck = this.changes.length;
        return error ? reject(error) : resolve(ack);
      });
    });
  }

  /** The changes of one topic received so far. */
  of(topic: string): ChangeMessage[] {
    return this.changes.filter((change) => change.topic === topic);
  }

  /** Resolves once `condition` holds (checked on every message), or rejects after a deadline. */
  until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!condition()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  close(): void {
    this.socket.close();
  }

  private record(action: () => void): void {
    action();
    this.waiters.forEach((check) => check());
  }
}
