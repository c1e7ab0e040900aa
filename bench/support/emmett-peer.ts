// The peer in the append benchmark: @event-driven-io/emmett-sqlite 0.38.5 (Emmett's SQLite event store, on
// node-sqlite3, WAL, synchronous=FULL like ours), one writer appending one event at a time to its own stream with
// the expected version, each append awaited. Two ways: the event store as an app gets it (getSQLiteEventStore, which
// opens and closes a connection per call on a file), and the package's appendToStream on one open connection.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import {
  appendToStream,
  createEventStoreSchema,
  getSQLiteEventStore,
  sqliteConnection,
} from '@event-driven-io/emmett-sqlite';

export const EMMETT_SQLITE = 'emmett-sqlite 0.38.5';

interface Payload {
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}
export interface PeerResult {
  readonly events: number;
  readonly seconds: number;
  /** Appends that failed (0.38.5 sometimes answers SQLITE_BUSY on a fresh connection) and were tried again. */
  readonly retries: number;
}
type Append = (version: bigint) => Promise<bigint>;

/** Appends for `budget` seconds; a failed append is tried again with the same expected version. */
async function appendFor(append: Append, budget: number, from: bigint) {
  let events = 0;
  let retries = 0;
  let version = from;
  const start = performance.now();
  while ((performance.now() - start) / 1000 < budget) {
    try {
      version = await append(version);
      events++;
    } catch {
      retries++;
    }
  }
  return { events, retries, version, seconds: (performance.now() - start) / 1000 };
}

/** The package logs each failed transaction's error with console.log: counted, kept out of the report. */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const log = console.log;
  console.log = (...args: unknown[]) => (args[0] instanceof Error ? undefined : log(...args));
  try {
    return await run();
  } finally {
    console.log = log;
  }
}

type Open = (file: string) => { append: Append; close: () => void };

async function measure(seconds: number, warmUp: number, open: Open): Promise<PeerResult> {
  const dir = mkdtempSync(join(os.tmpdir(), 'suara-bench-emmett-'));
  const { append, close } = open(join(dir, 'emmett.db'));
  try {
    const warm = await appendFor(append, warmUp, 0n);
    const { events, retries, seconds: took } = await appendFor(append, seconds, warm.version);
    return { events, seconds: took, retries: retries + warm.retries };
  } finally {
    close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const event = (payload: Payload) => ({
  type: 'OfficialResponded',
  data: payload.data,
  metadata: payload.metadata,
});

/** getSQLiteEventStore({fileName}).appendToStream: what an Emmett app calls. */
export const emmettStoreRun = (payload: Payload, seconds: number, warmUp: number): Promise<PeerResult> =>
  quietly(() =>
    measure(seconds, warmUp, (file) => {
      const store = getSQLiteEventStore({ fileName: file });
      const stream = `aspiration-${randomUUID()}`;
      const append: Append = async (version) =>
        (await store.appendToStream(stream, [event(payload)], { expectedStreamVersion: version }))
          .nextExpectedStreamVersion;
      // Each call opens and closes its own connection: nothing stays open.
      return { append, close: () => undefined };
    }),
  );

/** The package's appendToStream on one connection kept open: its per-append work without opening files. */
export const emmettConnectionRun = (payload: Payload, seconds: number, warmUp: number): Promise<PeerResult> =>
  quietly(() =>
    measure(seconds, warmUp, (file) => {
      const connection = sqliteConnection({ fileName: file });
      const schema = createEventStoreSchema(connection);
      const stream = `aspiration-${randomUUID()}`;
      const append: Append = async (version) => {
        await schema;
        const result = await appendToStream(connection, stream, 'aspiration', [event(payload)], {
          expectedStreamVersion: version,
        });
        if (!result.success) throw new Error('emmett-sqlite refused the append');
        return result.nextStreamPosition;
      };
      return { append, close: () => connection.close() };
    }),
  );
