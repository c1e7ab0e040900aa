// Time travel's cost: a 10,000-event aspiration stream, seen as of its middle (GetThreadAsOf's work without HTTP and
// without the endorsement index lookup), against reading the same stream alone. Run by bench/audit.bench.ts.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { AspirationEvent } from '../src/aspirations/domain/aspiration.events';
import { eventsAsOf, storedWithin, threadAsOf, withheldAsNow } from '../src/aspirations/history/thread-as-of';
import { RecordedThreadEvent } from '../src/aspirations/history/thread-events';
import { threadDetail } from '../src/aspirations/read-models/thread-views';
import { personalDataPolicy } from '../src/personal-data-policy';
import { Role } from '../src/platform/domain/decider';
import { EventLog } from '../src/platform/event-log/event-log';
import { EventMetadata } from '../src/platform/event-log/event-metadata';
import { EventSealer } from '../src/platform/event-log/event-sealer';
import { SqliteEventStore } from '../src/platform/event-store/sqlite-event-store';
import { RecordedEvent } from '../src/platform/event-store/stored-event';
import { SqliteKeyStore } from '../src/platform/personal-data/sqlite-key-store';
import { projectedEvent } from '../src/platform/read-models/projected-event';

export const AS_OF_EVENTS = 10_000;
const BATCH = 500;
const ROUNDS = 9;

const at = '2026-03-02T03:00:00.000Z';
const due = '2026-03-09T16:59:59.999Z';
const aspirationId = randomUUID();

const metadataOf = (actor: string, role: Role): EventMetadata => ({
  actor,
  role,
  commandId: randomUUID(),
  requestDigest: 'd'.repeat(64),
  correlationId: randomUUID(),
  causationId: randomUUID(),
  occurredAt: at,
});

/** Submitted, verified, assigned, then an official and the citizen in turn: a long dialogue. */
function dialogue(i: number): [AspirationEvent, EventMetadata] {
  if (i % 2 === 0)
    return [
      {
        type: 'CitizenReplied',
        data: { messageId: randomUUID(), body: 'Baik, kami tunggu kabarnya.', repliedAt: at },
      },
      metadataOf('warga-1', 'citizen'),
    ];
  const body = 'Terima kasih. Petugas DPU akan memeriksa saluran air di RT 03 pada hari Kamis.';
  const data = {
    messageId: randomUUID(),
    body,
    agencyId: 'dinas-pupr',
    respondedAt: at,
    autoCloseDueAt: due,
  };
  return [{ type: 'OfficialResponded', data }, metadataOf('pupr-1', 'official:dinas-pupr')];
}

async function fillStream(log: EventLog, stream: string): Promise<void> {
  const opening: [AspirationEvent, EventMetadata][] = [
    [
      {
        type: 'AspirationSubmitted',
        data: {
          aspirationId,
          messageId: randomUUID(),
          title: 'Saluran air tersumbat di RT 03',
          body: 'Air menggenang setiap hujan karena saluran tersumbat sampah.',
          category: 'infrastruktur',
          regionCode: '62.06.02.1003',
          visibility: 'public',
          anonymous: false,
          submittedBy: 'warga-1',
          submittedAt: at,
          verificationDueAt: due,
        },
      },
      metadataOf('warga-1', 'citizen'),
    ],
    [{ type: 'AspirationVerified', data: { verifiedAt: at } }, metadataOf('fasil-1', 'facilitator')],
    [
      { type: 'AspirationAssigned', data: { agencyId: 'dinas-pupr', assignedAt: at, followUpDueAt: due } },
      metadataOf('fasil-1', 'facilitator'),
    ],
  ];
  const all = [...opening, ...Array.from({ length: AS_OF_EVENTS - opening.length }, (_, i) => dialogue(i))];
  // Each event sealed with its own metadata (a citizen's actor encrypted), appended 500 at a time.
  for (let i = 0; i < all.length; i += BATCH) {
    const sealed = await Promise.all(
      all.slice(i, i + BATCH).map(([event, metadata]) => log.sealer.seal(randomUUID(), event, metadata)),
    );
    await log.store.append(stream, sealed, i === 0 ? 'no_stream' : i - 1);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The median of several runs, in milliseconds, after one run to warm up. */
async function timed(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
}

export interface AsOfFigures {
  readonly readStream: number;
  readonly readVerified: number;
  readonly foldOnly: number;
  readonly asOfMiddle: number;
}

/** Medians (ms) of: the stream read alone, read and verified, the fold alone, and the whole as-of view. */
export async function measureAsOfFold(dir: string): Promise<AsOfFigures> {
  const store = new SqliteEventStore(join(dir, 'as-of-events.sqlite'));
  const keys = new SqliteKeyStore(join(dir, 'as-of-keys.sqlite'));
  const log = new EventLog(store, new EventSealer(keys, personalDataPolicy));
  const stream = `aspiration-${aspirationId}`;
  try {
    await fillStream(log, stream);
    const toThreadEvents = async (within?: (e: RecordedEvent) => boolean): Promise<RecordedThreadEvent[]> =>
      (await log.read(stream, within)).map((o) => ({
        event: projectedEvent(o),
        recordedAt: o.recorded.recordedAt,
      }));
    const all = await toThreadEvents();
    const middle = { position: all[AS_OF_EVENTS / 2 - 1].event.position };
    const now = threadAsOf(all)!;
    // As GetThreadAsOf does: the stream read up to the moment, verified and opened, folded, redacted.
    const asOf = async () => {
      const past = threadAsOf(eventsAsOf(await toThreadEvents(storedWithin(middle)), middle))!;
      return threadDetail(withheldAsNow(past, now, 'public'), 'public');
    };
    if ((await asOf()).messages.length !== AS_OF_EVENTS / 2 - 2) throw new Error('the as-of view is wrong');
    return {
      readStream: await timed(() => store.readStream(stream)),
      readVerified: await timed(() => log.read(stream)),
      foldOnly: await timed(async () => threadAsOf(eventsAsOf(all, middle))),
      asOfMiddle: await timed(asOf),
    };
  } finally {
    await store.close();
    await keys.close();
  }
}
