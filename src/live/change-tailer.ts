import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { ASPIRATIONS_PROJECTION } from '../aspirations/read-models/thread.document';
import { GROUPS_PROJECTION } from '../groups/read-models/group.document';
import { ANNOUNCEMENTS_PROJECTION } from '../announcements/read-models/announcement.document';
import { NOTIFICATIONS_PROJECTION } from '../notifications/read-models/notification.document';
import { ChangeEntry, DOCUMENT_STORE, DocumentStore } from '../platform/document-store/document-store.port';
import { ReadModels } from '../platform/read-models/read-models';
import { endLeaversAccess, isGroupTopic } from './group-topic';
import { readTrimmedUpTo } from './retention-marks';
import { LIVE_CONFIG, LiveConfig } from './live.config';
import { AckFn, ChangeMessage, errorAck, LiveRefusal, UnsubscribedMessage } from './live-protocol';
import { changeRooms, isThreadTopic, subscriberRoom } from './live-rooms';
import { LiveSocket, Subscription } from './live-socket';

/** A subscription to start: its backlog sent and its room joined between two reads of the log. */
export interface JoinRequest {
  readonly socket: LiveSocket;
  readonly subscription: Subscription;
  readonly since: bigint | undefined;
  readonly respond: AckFn;
}

const message = (entry: ChangeEntry, payload: unknown): ChangeMessage => ({
  topic: entry.topic,
  position: entry.position.toString(),
  eventType: entry.eventType,
  payload,
});

// engine.io keeps the packets a transport could not take yet in writeBuffer (typed private, read-only here).
const unsentPackets = (socket: LiveSocket): number =>
  (socket.conn as unknown as { writeBuffer: readonly unknown[] }).writeBuffer.length;

/** The read models that write the change log: each may commit a position's entries after the others. */
const LIVE_PROJECTIONS = [
  ASPIRATIONS_PROJECTION,
  NOTIFICATIONS_PROJECTION,
  GROUPS_PROJECTION,
  ANNOUNCEMENTS_PROJECTION,
];

const cancelled = () =>
  new LiveRefusal('cancelled', 'Unsubscribed or resubscribed before this subscribe completed');

/**
 * Follows the change log for this instance's sockets: one serial loop reads it in position order and emits each
 * entry once per audience room; subscriptions start inside the same loop, so a backlog and the live changes
 * after it never overlap or leave a gap. It follows the read models' checkpoints, so every push is committed.
 */
@Injectable()
export class ChangeTailer implements OnModuleDestroy {
  private current: bigint | undefined;
  private namespace: Namespace | undefined;
  private requests: Array<JoinRequest & { readonly deadline: number }> = [];
  private readonly emittedRooms = new Set<string>();
  private readonly emittedSockets = new Set<LiveSocket>();
  /** Per thread topic, the agency rooms joined: they lose the agency view when the thread moves away. */
  private readonly agencyRooms = new Map<string, Set<string>>();
  private loop: Promise<void> | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;
  private stopListening: (() => void) | undefined;
  private nudged = false;
  private readonly logger = new Logger('Live');

  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly readModels: ReadModels,
    @Inject(LIVE_CONFIG) private readonly config: LiveConfig,
  ) {}

  /** Every change up to this position has been pushed; undefined until the log was first read. */
  get position(): bigint | undefined {
    return this.current;
  }

  attach(namespace: Namespace): void {
    this.namespace = namespace;
    // A batch committed in this process is pushed at once; polling finds those of other processes.
    this.stopListening = this.documents.onCommit(() => this.nudge());
    namespace.adapter.on('delete-room', (room: string) =>
      this.agencyRooms.forEach((rooms) => rooms.delete(room)),
    );
    this.loop = this.run();
  }

  join(request: JoinRequest): void {
    this.requests.push({ ...request, deadline: Date.now() + this.config.catchUpTimeoutMs });
    this.nudge();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.stopListening?.();
    this.nudge();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let more = false;
      try {
        more = await this.round();
      } catch (error) {
        this.logger.error(`live tailer round failed: ${error instanceof Error ? error.stack : error}`);
      }
      // Even while catching up, let sockets write and requests arrive between rounds.
      await (more ? new Promise((resolve) => setImmediate(resolve)) : this.sleep());
    }
  }

  private sleep(): Promise<void> {
    if (this.nudged) return new Promise((resolve) => setImmediate(resolve));
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.nudge(), this.config.pollMs);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }

  /** Ends the sleep now, or the next one at once when a round is under way (what it reads may miss this). */
  private nudge(): void {
    if (this.wake) this.wake();
    else this.nudged = true;
  }

  private async round(): Promise<boolean> {
    this.nudged = false;
    this.dropSlowConsumers();
    this.current ??= await this.committed();
    await this.serveJoins();
    return this.pushNewChanges();
  }

  /** Reads what the projections committed since the last round; true when a full page suggests more. */
  private async pushNewChanges(): Promise<boolean> {
    const from = this.current!;
    // The checkpoints first: every entry at or before them is committed (MongoDB inserts a batch's entries unordered).
    const committed = await this.committed();
    const limit = this.config.pageSize;
    const page = await this.documents.readChanges({ after: from, limit });
    const beyond = page.findIndex((entry) => entry.position > committed);
    let entries: ChangeEntry[];
    let reached: bigint;
    if (beyond >= 0 || page.length < limit) {
      entries = beyond >= 0 ? page.slice(0, beyond) : page;
      reached = committed;
    } else {
      // A full page may end inside one position's entries: leave that position to the next page.
      const last = page[page.length - 1].position;
      entries = page.filter((entry) => entry.position < last);
      if (entries.length === 0) throw new Error(`One position has more than ${limit} change entries`);
      reached = entries[entries.length - 1].position;
    }
    entries.forEach((entry) => this.broadcast(entry));
    if (reached > from) this.current = reached;
    return beyond < 0 && page.length === limit;
  }

  /** Where every projection writing the change log has committed: no entry at or before it can still appear. */
  private async committed(): Promise<bigint> {
    const positions = await Promise.all(LIVE_PROJECTIONS.map((name) => this.readModels.position(name)));
    return positions.reduce((low, position) => (position < low ? position : low));
  }

  private broadcast(entry: ChangeEntry): void {
    const namespace = this.namespace!;
    for (const [audience, payload] of Object.entries(entry.payloads)) {
      const rooms = changeRooms(entry.topic, audience, payload).filter((room) =>
        namespace.adapter.rooms.has(room),
      );
      if (rooms.length === 0) continue;
      // Encoded once for all its rooms.
      namespace.to(rooms).emit('change', message(entry, payload));
      rooms.forEach((room) => this.emittedRooms.add(room));
    }
    if (isThreadTopic(entry.topic)) this.demoteFormerAgency(entry);
    if (isGroupTopic(entry.topic)) endLeaversAccess(entry, (room) => this.membersOf(room));
  }

  /** Officials of an agency a thread left see it from now on as the public does, or no longer. */
  private demoteFormerAgency(entry: ChangeEntry): void {
    const rooms = this.agencyRooms.get(entry.topic);
    if (!rooms) return;
    const assigned = changeRooms(entry.topic, 'agency', entry.payloads.agency);
    for (const room of [...rooms].filter((r) => !assigned.includes(r))) {
      rooms.delete(room);
      for (const socket of this.membersOf(room)) this.demote(socket, entry, room);
    }
    if (rooms.size === 0) this.agencyRooms.delete(entry.topic);
  }

  private demote(socket: LiveSocket, entry: ChangeEntry, room: string): void {
    void socket.leave(room);
    const subscription = socket.data.subscriptions.get(entry.topic);
    if (!subscription || subscription.room !== room) return;
    const publicPayload = entry.payloads.public;
    if (publicPayload !== undefined) {
      subscription.audience = 'public';
      subscription.room = subscriberRoom(entry.topic, 'public', undefined);
      void socket.join(subscription.room);
      socket.emit('change', message(entry, publicPayload));
      return;
    }
    socket.data.subscriptions.delete(entry.topic);
    const notice: UnsubscribedMessage = {
      topic: entry.topic,
      position: entry.position.toString(),
      reason: 'access_changed',
    };
    socket.emit('unsubscribed', notice);
  }

  private async serveJoins(): Promise<void> {
    const waiting = this.requests;
    this.requests = [];
    for (const request of waiting) if (!(await this.serve(request))) this.requests.push(request);
  }

  /** Sends the backlog after `since`, joins the room, acknowledges; false to retry in a later round. */
  private async serve(request: JoinRequest & { deadline: number }): Promise<boolean> {
    const { socket, subscription, since, respond } = request;
    const current = this.current!;
    if (!this.wanted(request)) return (respond(errorAck(cancelled())), true);
    if (since !== undefined && since > current) {
      if (Date.now() < request.deadline) return false;
      socket.data.subscriptions.delete(subscription.topic);
      respond(
        errorAck(new LiveRefusal('unknown_position', `since ${since} is ahead of this server`, 'since')),
      );
      return true;
    }
    let backlog: ChangeEntry[] | undefined = [];
    if (since !== undefined && since < current) {
      backlog = await this.backlog(subscription.topic, since, current);
      // Read after the backlog: retention records its cut before trimming, so a cut we missed shows here.
      if (since < (await readTrimmedUpTo(this.documents))) backlog = undefined;
      if (!this.wanted(request)) return (respond(errorAck(cancelled())), true);
    }
    for (const entry of backlog ?? []) {
      const payload = entry.payloads[subscription.audience!];
      if (
        payload !== undefined &&
        changeRooms(entry.topic, subscription.audience!, payload).includes(subscription.room!)
      )
        socket.emit('change', message(entry, payload));
    }
    if (backlog?.length) this.emittedSockets.add(socket);
    this.enter(socket, subscription);
    respond({
      ok: true,
      topic: subscription.topic,
      position: current.toString(),
      ...(!backlog && { refetch: true }),
    });
    return true;
  }

  private wanted({ socket, subscription }: JoinRequest): boolean {
    return socket.connected && socket.data.subscriptions.get(subscription.topic) === subscription;
  }

  /** The entries of one topic in (since, upTo], or undefined when there are too many: refetch instead. */
  private async backlog(topic: string, since: bigint, upTo: bigint): Promise<ChangeEntry[] | undefined> {
    const limit = this.config.maxBacklog + 1;
    const entries = await this.documents.readChanges({ after: since, topics: [topic], limit });
    const missed = entries.filter((entry) => entry.position <= upTo);
    return missed.length === limit ? undefined : missed;
  }

  private enter(socket: LiveSocket, subscription: Subscription): void {
    const room = subscription.room!;
    void socket.join(room);
    subscription.active = true;
    if (isThreadTopic(subscription.topic) && subscription.audience === 'agency') {
      const rooms = this.agencyRooms.get(subscription.topic) ?? new Set<string>();
      this.agencyRooms.set(subscription.topic, rooms.add(room));
    }
  }

  private membersOf(room: string): LiveSocket[] {
    const ids = this.namespace!.adapter.rooms.get(room) ?? new Set<string>();
    return [...ids].flatMap((id) => this.namespace!.sockets.get(id) ?? []) as LiveSocket[];
  }

  /** A socket that cannot keep up is cut off rather than buffered without bound; it may resume with `since`. */
  private dropSlowConsumers(): void {
    const sockets = new Set(this.emittedSockets);
    this.emittedRooms.forEach((room) => this.membersOf(room).forEach((socket) => sockets.add(socket)));
    this.emittedRooms.clear();
    this.emittedSockets.clear();
    for (const socket of sockets) {
      const buffered = unsentPackets(socket);
      if (buffered <= this.config.maxBufferedPackets) continue;
      this.logger.warn(`live: disconnecting slow consumer ${socket.id} (${buffered} packets unsent)`);
      socket.conn.close(true);
      // A websocket's close frame would queue behind the unread data: drop the connection itself.
      if (socket.conn.transport.name === 'websocket') socket.conn.request.socket.destroy();
    }
  }
}
