// Many threads, fast: each thread's events (submitted; 90% verified; 70% assigned; 30% answered) sealed and
// appended as one stream in one append, 256 threads at a time, then the aspirations read model built by rebuild()
// (the projection's own code). Written in the files the app opens: DATA_DIR/events.sqlite, keys.sqlite,
// read-models.sqlite.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pino from 'pino';
import { aspirationsProjection } from '../../projections/aspirations/aspirations.projection';
import { rebuild } from '../../projections/runner/rebuild';
import { AspirationEvent } from '../../src/aspirations/domain/aspiration.events';
import { aspirationStream } from '../../src/aspirations/domain/aspiration.streams';
import { personalDataPolicy } from '../../src/personal-data-policy';
import { SqliteDocumentStore } from '../../src/platform/document-store/sqlite-document-store';
import { Actor } from '../../src/platform/domain/decider';
import { EventLog } from '../../src/platform/event-log/event-log';
import { EventSealer } from '../../src/platform/event-log/event-sealer';
import { SqliteEventStore } from '../../src/platform/event-store/sqlite-event-store';
import { SqliteKeyStore } from '../../src/platform/personal-data/sqlite-key-store';
import { AGENCIES, CATEGORIES, metadataOf, REGIONS, seeded } from './history';

const IN_FLIGHT = 256;
const CITIZENS = 1_000;
/** Ten kinds of title: a search for one word of them matches about a tenth of the threads. */
const TITLES = [
  'Jalan rusak di desa',
  'Saluran air tersumbat',
  'Lampu jalan padam',
  'Jembatan kayu lapuk',
  'Sampah menumpuk di pasar',
  'Sekolah kekurangan guru',
  'Puskesmas kekurangan obat',
  'Air bersih sulit didapat',
  'Banjir di permukiman',
  'Sinyal telepon lemah',
];
export const SEARCHED_WORD = 'jembatan';
const FACILITATOR: Actor = { id: 'fasil-1', role: 'facilitator' };
const MINUTE = 60_000;
const DAY = 1_440 * MINUTE;

/** A thread's events, each with who did it and when. */
function threadEvents(k: number, random: () => number, now: number): Array<[Actor, AspirationEvent, string]> {
  const citizen: Actor = { id: `citizen-${Math.floor(random() * CITIZENS)}`, role: 'citizen' };
  const agencyId = AGENCIES[k % AGENCIES.length];
  const official: Actor = { id: `official-${agencyId}`, role: `official:${agencyId}` };
  // Submitted over the last days, one a minute apart going back; deadlines a few days after submission.
  const t0 = now - k * MINUTE;
  const at = (offset: number) => new Date(t0 + offset).toISOString();
  const events: Array<[Actor, AspirationEvent, string]> = [];
  events.push([
    citizen,
    {
      type: 'AspirationSubmitted',
      data: {
        aspirationId: `scale-${k}`,
        messageId: randomUUID(),
        title: `${TITLES[k % TITLES.length]} ${k}`,
        body: 'Sudah sebulan tidak diperbaiki dan membahayakan warga yang lewat setiap hari.',
        category: CATEGORIES[k % CATEGORIES.length],
        regionCode: REGIONS[k % REGIONS.length],
        visibility: random() < 0.9 ? 'public' : 'confidential',
        anonymous: random() < 0.2,
        submittedBy: citizen.id,
        submittedAt: at(0),
        verificationDueAt: at(3 * DAY),
      },
    },
    at(0),
  ]);
  const draw = random();
  if (draw >= 0.9) return events;
  events.push([FACILITATOR, { type: 'AspirationVerified', data: { verifiedAt: at(MINUTE) } }, at(MINUTE)]);
  if (draw >= 0.7) return events;
  const assigned = { agencyId, assignedAt: at(2 * MINUTE), followUpDueAt: at(5 * DAY) };
  events.push([FACILITATOR, { type: 'AspirationAssigned', data: assigned }, assigned.assignedAt]);
  if (draw >= 0.3) return events;
  const answer = { messageId: randomUUID(), body: 'Tim kami akan meninjau lokasi minggu ini.', agencyId };
  const responded = { ...answer, respondedAt: at(3 * MINUTE), autoCloseDueAt: at(15 * DAY) };
  events.push([official, { type: 'OfficialResponded', data: responded }, responded.respondedAt]);
  return events;
}

export interface Seeded {
  readonly events: number;
  readonly writeSeconds: number;
  readonly rebuildSeconds: number;
}

export async function seedThreads(dir: string, threads: number): Promise<Seeded> {
  const events = new SqliteEventStore(join(dir, 'events.sqlite'));
  const keys = new SqliteKeyStore(join(dir, 'keys.sqlite'));
  const documents = new SqliteDocumentStore(join(dir, 'read-models.sqlite'));
  const log = new EventLog(events, new EventSealer(keys, personalDataPolicy));
  const random = seeded(threads);
  const now = Date.now();
  let written = 0;
  try {
    const started = performance.now();
    for (let from = 0; from < threads; from += IN_FLIGHT) {
      const batch = Array.from({ length: Math.min(IN_FLIGHT, threads - from) }, (_, i) => from + i);
      await Promise.all(
        batch.map(async (k) => {
          const thread = threadEvents(k, random, now);
          const sealed = await Promise.all(
            thread.map(([actor, event, at]) => log.sealer.seal(randomUUID(), event, metadataOf(actor, at))),
          );
          await events.append(aspirationStream(`scale-${k}`), sealed, 'no_stream');
          written += sealed.length;
        }),
      );
    }
    const writeSeconds = (performance.now() - started) / 1000;
    const rebuilt = performance.now();
    const deps = {
      events,
      documents,
      sealer: log.sealer,
      logger: pino({ level: 'silent' }),
      holder: 'bench',
    };
    await rebuild(aspirationsProjection, deps);
    return { events: written, writeSeconds, rebuildSeconds: (performance.now() - rebuilt) / 1000 };
  } finally {
    await Promise.all([events.close(), keys.close(), documents.close()]);
  }
}
