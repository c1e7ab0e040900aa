import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeChangeBody } from './change-body-codec';
import { ChangeEntry } from './document-store.port';
import { compactPosition } from './positions';
import { SqliteDocumentStore } from './sqlite-document-store';

const dir = mkdtempSync(join(tmpdir(), 'suara-change-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const summary = (title: string) => ({ thread: { id: 't1', title, status: 'verified' } });
/** One thread change as the aspirations projection writes it: the public summary on many topics. */
const threadChange = (position: bigint, title: string, submitter = 'warga-1'): ChangeEntry[] => [
  {
    position,
    topic: 'aspiration:t1',
    eventType: 'AspirationVerified',
    payloads: {
      submitter: { ...summary(title), submittedBy: submitter },
      facilitator: summary(title),
      public: summary(title),
    },
  },
  { position, topic: 'feed', eventType: 'AspirationVerified', payloads: { public: summary(title) } },
  ...['62', '62.06', '62.06.02'].map((code) => ({
    position,
    topic: `region:${code}`,
    eventType: 'AspirationVerified',
    payloads: { public: summary(title) },
  })),
];

describe('the embedded change log', () => {
  let file: string;
  let store: SqliteDocumentStore;
  let n = 0;
  beforeEach(() => (store = new SqliteDocumentStore((file = join(dir, `docs-${++n}.sqlite`)))));
  afterEach(() => store.close());
  const commit = (changes: ChangeEntry[], position: bigint) =>
    store.commit({ writes: [], changes, checkpoint: { name: 'threads', position } });
  const rows = (sql: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare(sql).all();
    } finally {
      db.close();
    }
  };
  const sorted = (entries: ChangeEntry[]) => [...entries].sort((a, b) => a.topic.localeCompare(b.topic));

  it('stores each distinct payload of an event once, and reads every entry back whole', async () => {
    const entries = threadChange(5n, 'Jalan rusak');
    await commit(entries, 5n);
    expect(rows('SELECT n FROM change_bodies')).toHaveLength(2);
    expect(await store.readChanges({ limit: 10 })).toEqual(sorted(entries));
    expect(await store.readChanges({ topics: ['region:62.06'], limit: 10 })).toEqual([entries[3]]);
  });

  it('stores long bodies deflated and short ones as text, and reads both back whole', async () => {
    const long =
      'Jalan utama desa berlubang besar sejak bulan lalu dan membahayakan pengendara motor. '.repeat(4);
    const entries = threadChange(5n, long);
    await commit(entries, 5n);
    await commit(threadChange(6n, 'Jalan rusak'), 6n);
    expect(rows('SELECT position, typeof(body) AS kind FROM change_bodies ORDER BY position, n')).toEqual([
      { position: compactPosition(5n), kind: 'blob' },
      { position: compactPosition(5n), kind: 'blob' },
      { position: compactPosition(6n), kind: 'text' },
      { position: compactPosition(6n), kind: 'text' },
    ]);
    expect(await store.readChanges({ limit: 20 })).toEqual([
      ...sorted(entries),
      ...sorted(threadChange(6n, 'Jalan rusak')),
    ]);
  });

  it('finds an erased person in a deflated body and keeps no copy of it', async () => {
    const long = 'Saluran air tersumbat di RT 03 sejak musim hujan, warga mohon segera dibersihkan. '.repeat(
      4,
    );
    await commit(threadChange(5n, long, 'warga-7'), 5n);
    const redact = (payloads: Readonly<Record<string, unknown>>) =>
      JSON.parse(JSON.stringify(payloads).replaceAll('"warga-7"', 'null'));
    expect(await store.purgeChanges('warga-7', redact)).toBe(1);
    const stored = rows('SELECT body FROM change_bodies') as Array<{ body: string | Buffer }>;
    expect(
      stored.map(({ body }) => decodeChangeBody(body)).filter((body) => body.includes('warga-7')),
    ).toEqual([]);
    const [submitterEntry] = await store.readChanges({ topics: ['aspiration:t1'], limit: 1 });
    expect(submitterEntry.payloads.submitter).toEqual({ ...summary(long), submittedBy: null });
  });

  it('leaves a replayed batch as it was, and numbers the bodies of a later batch at the same position anew', async () => {
    await commit(threadChange(5n, 'Jalan rusak'), 5n);
    await commit(threadChange(5n, 'Jalan rusak'), 5n);
    const more = {
      position: 5n,
      topic: 'me:warga-1',
      eventType: 'AspirationVerified',
      payloads: { 'me:warga-1': { n: 1 } },
    };
    await commit([more], 5n);
    expect(rows('SELECT n FROM change_bodies ORDER BY n')).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
    expect(await store.readChanges({ topics: ['me:warga-1'], limit: 10 })).toEqual([more]);
  });

  it('reads the entries an older version stored inline', async () => {
    await commit(threadChange(5n, 'Jalan rusak'), 5n);
    const db = new Database(file);
    db.prepare(
      "INSERT INTO changes (position, topic, event_type, payloads) VALUES (?, 'feed', 'Old', ?)",
    ).run(compactPosition(3n), JSON.stringify({ public: { old: true } }));
    db.close();
    const [first] = await store.readChanges({ limit: 1 });
    expect(first).toEqual({
      position: 3n,
      topic: 'feed',
      eventType: 'Old',
      payloads: { public: { old: true } },
    });
  });

  it('trims the bodies with their entries', async () => {
    await commit(threadChange(5n, 'Jalan rusak'), 5n);
    await commit(threadChange(6n, 'Jalan diperbaiki'), 6n);
    await store.trimChanges(5n);
    expect(rows('SELECT position FROM change_bodies GROUP BY position')).toEqual([
      { position: compactPosition(6n) },
    ]);
    expect(await store.readChanges({ limit: 10 })).toEqual(sorted(threadChange(6n, 'Jalan diperbaiki')));
  });

  it('rewrites every entry sharing a body that names an erased person, and keeps no copy of the body', async () => {
    await commit(threadChange(5n, 'Jalan rusak', 'warga-7'), 5n);
    await commit(threadChange(6n, 'Jalan rusak', 'warga-8'), 6n);
    const redact = (payloads: Readonly<Record<string, unknown>>) =>
      JSON.parse(JSON.stringify(payloads).replaceAll('"warga-7"', 'null'));
    expect(await store.purgeChanges('warga-7', redact)).toBe(1);
    expect(rows("SELECT n FROM change_bodies WHERE instr(body, 'warga-7') > 0")).toEqual([]);
    const read = await store.readChanges({ limit: 20 });
    expect(read.filter((entry) => entry.position === 5n)).toEqual(
      sorted(threadChange(5n, 'Jalan rusak', 'warga-7')).map((entry) => ({
        ...entry,
        payloads: redact(entry.payloads),
      })),
    );
    expect(read.filter((entry) => entry.position === 6n)).toEqual(
      sorted(threadChange(6n, 'Jalan rusak', 'warga-8')),
    );
  });
});
