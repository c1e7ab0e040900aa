// Time travel's cost: a 10,000-event aspiration stream, seen as of its middle (GetThreadAsOf's work without HTTP and
// without the endorsement index lookup), against reading the same stream alone. Run by bench/audit.bench.ts.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { aspirationStream } from '../src/aspirations/domain/aspiration.streams';
import { eventsAsOf, storedWithin, threadAsOf, withheldAsNow } from '../src/aspirations/history/thread-as-of';
import { RecordedThreadEvent } from '../src/aspirations/history/thread-events';
import { threadDetail } from '../src/aspirations/read-models/thread-views';
import { personalDataPolicy } from '../src/personal-data-policy';
import { EventLog } from '../src/platform/event-log/event-log';
import { EventSealer } from '../src/platform/event-log/event-sealer';
import { SqliteEventStore } from '../src/platform/event-store/sqlite-event-store';
import { RecordedEvent } from '../src/platform/event-store/stored-event';
import { SqliteKeyStore } from '../src/platform/personal-data/sqlite-key-store';
import { projectedEvent } from '../src/platform/read-models/projected-event';
import { fillStream } from './support/dialogue';

export const AS_OF_EVENTS = 10_000;
const ROUNDS = 9;

const MOMENT = { at: '2026-03-02T03:00:00.000Z', due: '2026-03-09T16:59:59.999Z' };
const aspirationId = randomUUID();

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
  const stream = aspirationStream(aspirationId);
  try {
    await fillStream(log, aspirationId, AS_OF_EVENTS, MOMENT);
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
