import { Inject, Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Namespace } from 'socket.io';
import { bearerTokenOf } from '../platform/auth/bearer';
import { TOKENS, Tokens, VerifiedToken } from '../platform/auth/tokens.port';
import { ChangeTailer } from './change-tailer';
import { LIVE_CONFIG, LiveConfig } from './live.config';
import {
  AckFn,
  errorAck,
  LiveAck,
  LiveRefusal,
  ReauthenticatedAck,
  UnsubscribedMessage,
} from './live-protocol';
import { parseRequest, SubscribeRequest, UnsubscribeRequest } from './live-requests';
import { LiveSocket } from './live-socket';
import { issuedAtOf, SessionChanges } from './session-changes';
import { TokenBucket } from './token-bucket';
import { endSessionAtExpiry, ReauthenticateRequest } from './token-expiry';
import { TopicAccess } from './topic-access';

const logger = new Logger('LiveGateway');

type MessageHandler = (body: unknown, respond: AckFn) => Promise<void> | void;

/** Client messages are small: a topic and a position. */
const MAX_MESSAGE_BYTES = 16 * 1024;

/** The bearer token of a handshake: `auth.token` (browsers) or an Authorization header (servers). */
function bearerOf(socket: LiveSocket): string | undefined {
  const token: unknown = socket.handshake.auth?.token;
  if (typeof token === 'string' && token.length > 0) return token.replace(/^Bearer\s+/i, '').trim();
  return bearerTokenOf(socket.handshake.headers.authorization);
}

/** A client message's arguments: the payload, and the acknowledgement callback if the client asked for one. */
function bodyAndAck(args: unknown[]): [unknown, AckFn | undefined] {
  const last = args[args.length - 1];
  return typeof last === 'function'
    ? [args[0] === last ? undefined : args[0], last as AckFn]
    : [args[0], undefined];
}

/**
 * The `/live` namespace: clients subscribe to topics and receive each change of them once, in position order.
 * Translates only: validation, authorization (TopicAccess) and the change tailer do the work.
 */
@WebSocketGateway({ namespace: 'live', maxHttpBufferSize: MAX_MESSAGE_BYTES, serveClient: false })
export class LiveGateway implements OnGatewayInit<Namespace>, OnGatewayConnection<LiveSocket> {
  @WebSocketServer() namespace!: Namespace;

  constructor(
    @Inject(TOKENS) private readonly tokens: Tokens,
    private readonly access: TopicAccess,
    private readonly tailer: ChangeTailer,
    @Inject(LIVE_CONFIG) private readonly config: LiveConfig,
    private readonly sessionChanges: SessionChanges,
  ) {}

  afterInit(namespace: Namespace): void {
    namespace.use((socket, next) => {
      this.authenticate(socket as LiveSocket).then(
        () => next(),
        (error: Error) => next(error),
      );
    });
    this.tailer.attach(namespace);
    this.sessionChanges.attach(namespace);
  }

  /** No token: anonymous, public topics only. A bad token is refused, not downgraded to anonymous. */
  private async authenticate(socket: LiveSocket): Promise<void> {
    const bearer = bearerOf(socket);
    let verified: VerifiedToken | undefined;
    let issuedAt: number | undefined;
    if (bearer) {
      verified = await this.tokens.verifyWithExpiry(bearer);
      if (!verified)
        throw Object.assign(new Error('The bearer token is invalid or expired'), {
          data: { code: 'invalid_token' },
        });
      issuedAt = issuedAtOf(bearer);
      if (this.sessionChanges.outdating(verified.actor, issuedAt))
        throw Object.assign(new Error('The account changed since this token was issued: use a fresh one'), {
          data: { code: 'session_changed' },
        });
    }
    const { messagesPerSecond, messageBurst } = this.config;
    socket.data = {
      actor: verified?.actor,
      expiresAt: verified?.expiresAt,
      issuedAt,
      subscriptions: new Map(),
      bucket: new TokenBucket(messagesPerSecond, messageBurst, Date.now()),
    };
    socket.use((packet, next) => this.limitRate(socket, packet, next));
  }

  private limitRate(socket: LiveSocket, packet: unknown[], next: (error?: Error) => void): void {
    const verdict = socket.data.bucket.take(Date.now());
    if (verdict === 'ok') return next();
    const ack = packet[packet.length - 1];
    const refusal = new LiveRefusal(
      'rate_limited',
      `At most ${this.config.messagesPerSecond} messages a second`,
    );
    // Like every other refusal: the ack, or a `problem` event for a client that sent none.
    this.responder(socket, typeof ack === 'function' ? (ack as AckFn) : undefined)(errorAck(refusal));
    // Socket.IO dispatches accepted messages on the next tick: their acks go out before the disconnect.
    if (verdict === 'exhausted') setImmediate(() => socket.disconnect(true));
  }

  // Bound here rather than with @SubscribeMessage, which would run the app-wide HTTP guard: a socket
  // authenticates once, at the handshake.
  handleConnection(socket: LiveSocket): void {
    const { actor, expiresAt } = socket.data;
    if (actor && expiresAt) endSessionAtExpiry(socket, { actor, expiresAt }, Date.now());
    socket.on('disconnect', () => clearTimeout(socket.data.expiry));
    this.handle(socket, 'subscribe', (body, respond) => this.subscribe(socket, body, respond));
    this.handle(socket, 'unsubscribe', (body, respond) => this.unsubscribe(socket, body, respond));
    this.handle(socket, 'reauthenticate', (body, respond) => this.reauthenticate(socket, body, respond));
  }

  /**
   * The one way a client message reaches a handler: whatever it throws, synchronously or not, becomes an
   * error ack (logged once by errorAck when it is the server's fault), so no message can end the process.
   */
  private handle(socket: LiveSocket, event: string, handler: MessageHandler): void {
    socket.on(event, (...args: unknown[]) => {
      const [body, ack] = bodyAndAck(args);
      const respond = this.responder(socket, ack);
      new Promise<void>((resolve) => resolve(handler(body, respond))).catch((error: unknown) => {
        try {
          respond(errorAck(error));
        } catch (failure) {
          logger.error(failure instanceof Error ? failure.stack : String(failure));
        }
      });
    });
  }

  async subscribe(socket: LiveSocket, body: unknown, respond: AckFn): Promise<void> {
    const subscriptions = socket.data.subscriptions;
    const request = parseRequest(SubscribeRequest, body);
    if (!subscriptions.has(request.topic) && subscriptions.size >= this.config.maxSubscriptionsPerSocket)
      throw new LiveRefusal(
        'too_many_subscriptions',
        `At most ${this.config.maxSubscriptionsPerSocket} subscriptions per connection`,
      );
    const { topic } = request;
    const since = request.since === undefined ? undefined : BigInt(request.since);
    // Subscribing again replaces the subscription (and sends the backlog after the new `since`).
    const previous = subscriptions.get(topic);
    if (previous?.room) void socket.leave(previous.room);
    const subscription = { topic, active: false };
    subscriptions.set(topic, subscription);
    try {
      Object.assign(subscription, await this.access.grant(socket.data.actor, topic, since));
    } catch (error) {
      if (subscriptions.get(topic) === subscription) subscriptions.delete(topic);
      throw error;
    }
    this.tailer.join({ socket, subscription, since, respond });
  }

  unsubscribe(socket: LiveSocket, body: unknown, respond: AckFn): void {
    const { topic } = parseRequest(UnsubscribeRequest, body);
    const subscription = socket.data.subscriptions.get(topic);
    socket.data.subscriptions.delete(topic);
    if (subscription?.room) void socket.leave(subscription.room);
    respond({ ok: true, topic, position: (this.tailer.position ?? 0n).toString() });
  }

  /**
   * A fresh token before the current one expires: same actor only (another actor reconnects). A new role (or a
   * facilitator's new region) ends every subscription with `unsubscribed` (role_changed): the client resubscribes
   * and access is checked anew.
   */
  async reauthenticate(socket: LiveSocket, body: unknown, respond: AckFn): Promise<void> {
    const { token } = parseRequest(ReauthenticateRequest, body, {
      field: 'token',
      message: 'send an object like {"token": "<a fresh bearer token>"}',
    });
    const current = socket.data.actor;
    if (!current)
      throw new LiveRefusal(
        'not_authenticated',
        'This connection has no token to renew: reconnect with one',
        'token',
      );
    const bearer = token.replace(/^Bearer\s+/i, '').trim();
    const verified = await this.tokens.verifyWithExpiry(bearer);
    if (!verified) throw new LiveRefusal('invalid_token', 'The token is invalid or expired', 'token');
    if (verified.actor.id !== current.id)
      throw new LiveRefusal(
        'actor_mismatch',
        'The token is for another actor: reconnect with it instead',
        'token',
      );
    const issuedAt = issuedAtOf(bearer);
    if (this.sessionChanges.outdating(verified.actor, issuedAt))
      throw new LiveRefusal('session_changed', 'The account changed since this token was issued', 'token');
    socket.data.actor = verified.actor;
    socket.data.expiresAt = verified.expiresAt;
    socket.data.issuedAt = issuedAt;
    const sameAccess =
      verified.actor.role === current.role && verified.actor.regionCode === current.regionCode;
    const ended = sameAccess ? 0 : this.endSubscriptions(socket);
    endSessionAtExpiry(socket, verified, Date.now());
    respond({ ok: true, expiresAt: verified.expiresAt.toISOString(), subscriptionsEnded: ended });
  }

  private endSubscriptions(socket: LiveSocket): number {
    const position = (this.tailer.position ?? 0n).toString();
    const subscriptions = [...socket.data.subscriptions.values()];
    socket.data.subscriptions.clear();
    for (const { topic, room } of subscriptions) {
      if (room) void socket.leave(room);
      const notice: UnsubscribedMessage = { topic, position, reason: 'role_changed' };
      socket.emit('unsubscribed', notice);
    }
    return subscriptions.length;
  }

  /** The ack, or for a client that sent none, a `problem` event when something went wrong. */
  private responder(socket: LiveSocket, ack: AckFn | undefined): AckFn {
    if (typeof ack === 'function') return ack;
    return (response: LiveAck | ReauthenticatedAck) => {
      if (!response.ok) socket.emit('problem', response.error);
    };
  }
}
