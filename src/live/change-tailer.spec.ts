import { EventEmitter } from 'node:events';
import type { Namespace } from 'socket.io';
import { ChangeEntry } from '../platform/document-store/document-store.port';
import { SqliteDocumentStore } from '../platform/document-store/sqlite-document-store';
import { ReadModels } from '../platform/read-models/read-models';
import { ChangeTailer } from './change-tailer';
import { LIVE_DEFAULTS } from './live.config';
import { LiveSocket } from './live-socket';

/** The little of a Socket.IO namespace the tailer uses: rooms, and what was emitted to each. */
function fakeNamespace() {
  const adapter = Object.assign(new EventEmitter(), { rooms: new Map<string, Set<string>>() });
  const emitted: Array<[string, unknown]> = [];
  const namespace = {
    adapter,
    sockets: new Map(),
    to: (room: string) => ({ emit: (_event: string, message: unknown) => emitted.push([room, message]) }),
  };
  return { namespace: namespace as unknown as Namespace, adapter, emitted };
}

const entry = (position: bigint, topic: string): ChangeEntry => ({
  position,
  topic,
  eventType: 'AspirationEndorsed',
  payloads: { public: { n: Number(position) } },
});

describe('ChangeTailer', () => {
  let documents: SqliteDocumentStore;
  let committed: bigint;
  let tailer: ChangeTailer;
  const fake = fakeNamespace();
  const write = (...changes: ChangeEntry[]) =>
    documents.commit({ writes: [], changes, checkpoint: { name: 'test', position: 0n } });
  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 2));
    expect(condition()).toBe(true);
  };

  beforeEach(() => {
    documents = new SqliteDocumentStore(':memory:');
    committed = 0n;
    const readModels = { position: async () => committed } as unknown as ReadModels;
    tailer = new ChangeTailer(documents, readModels, { ...LIVE_DEFAULTS, pollMs: 1, pageSize: 3 });
    fake.emitted.length = 0;
    fake.adapter.rooms.set('feed#public', new Set(['s1']));
    fake.adapter.rooms.set('region:62#public', new Set(['s1']));
    tailer.attach(fake.namespace);
  });
  afterEach(async () => {
    await tailer.onModuleDestroy();
    await documents.close();
  });

  it('pushes only what the read model has committed, in position order, each entry once', async () => {
    await write(entry(1n, 'feed'), entry(2n, 'feed'), entry(3n, 'feed'));
    committed = 2n;
    await until(() => tailer.position === 2n);
    expect(fake.emitted.map(([, m]) => (m as { position: string }).position)).toEqual(['1', '2']);
    committed = 3n;
    await until(() => tailer.position === 3n);
    expect(fake.emitted.map(([, m]) => (m as { position: string }).position)).toEqual(['1', '2', '3']);
  });

  it('pushes a batch committed in this process without waiting for its next poll', async () => {
    await tailer.onModuleDestroy();
    tailer = new ChangeTailer(documents, { position: async () => committed } as unknown as ReadModels, {
      ...LIVE_DEFAULTS,
      pollMs: 60_000,
    });
    tailer.attach(fake.namespace);
    await until(() => tailer.position === 0n);
    committed = 1n;
    await write(entry(1n, 'feed'));
    await until(() => tailer.position === 1n);
    expect(fake.emitted).toEqual([[['feed#public'], expect.objectContaining({ position: '1' })]]);
  });

  it('does not skip the rest of a position that a full page cut in two', async () => {
    await write(entry(1n, 'feed'), entry(2n, 'feed'), entry(3n, 'feed'), entry(3n, 'region:62'));
    committed = 3n;
    await until(() => fake.emitted.length === 4);
    expect(fake.emitted.map(([room, m]) => `${(m as { position: string }).position} ${room}`)).toEqual([
      '1 feed#public',
      '2 feed#public',
      '3 feed#public',
      '3 region:62#public',
    ]);
  });

  it('serves a subscribe with `since` from the log, then joins the room, then acknowledges', async () => {
    await write(entry(1n, 'feed'), entry(2n, 'feed'));
    committed = 2n;
    await until(() => tailer.position === 2n);
    const order: string[] = [];
    const socket = {
      connected: true,
      emit: (_event: string, message: { position: string }) => order.push(`change ${message.position}`),
      join: (room: string) => order.push(`join ${room}`),
      data: { subscriptions: new Map() },
    } as unknown as LiveSocket;
    const subscription = { topic: 'feed', audience: 'public' as const, room: 'feed#public', active: false };
    socket.data.subscriptions.set('feed', subscription);
    tailer.join({ socket, subscription, since: 1n, respond: (ack) => order.push(JSON.stringify(ack)) });
    await until(() => order.length === 3);
    expect(order).toEqual(['change 2', 'join feed#public', '{"ok":true,"topic":"feed","position":"2"}']);
  });
});
