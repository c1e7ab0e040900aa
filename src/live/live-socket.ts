import type { Socket } from 'socket.io';
import { Audience } from '../aspirations/aspiration-access';
import { Actor } from '../platform/domain/decider';
import { TokenBucket } from './token-bucket';

/** One topic a socket follows; `room` is set once authorized, `active` once the tailer has joined it. */
export interface Subscription {
  readonly topic: string;
  /** A thread audience, or on `me` the person's own key. */
  audience?: Audience | string;
  room?: string;
  active: boolean;
}

/** What the server keeps per socket. */
export interface LiveSocketData {
  actor?: Actor;
  subscriptions: Map<string, Subscription>;
  bucket: TokenBucket;
  /** Ends the session when the token expires (token-expiry.ts); none for anonymous sockets. */
  expiry?: NodeJS.Timeout;
  /** The token's expiry, read by the handshake and renewed by `reauthenticate`. */
  expiresAt?: Date;
  /** The token's `iat` (seconds): an account change after it ends the connection (session-changes.ts). */
  issuedAt?: number;
  /** The actor's account stream, computed once when an account change is matched against this socket. */
  accountStream?: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- event maps stay untyped: payloads are validated
export type LiveSocket = Socket<any, any, any, LiveSocketData>;
