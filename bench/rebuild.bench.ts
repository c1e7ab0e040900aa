// Projection rebuild throughput on the embedded stores: events per second of rebuild() for the aspirations read
// model over 100k and 1M realistic sealed events, next to the raw cost of reading and opening (decrypting) the same
// events without projecting them, measured in the same run.
// Run: npm run bench:rebuild   (BENCH_EVENTS=20000 for a quick look; BENCH_SKIP_1M=1 to leave out 1M)
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { aspirationsProjection } from '../projections/aspirations/aspirations.projection';
import { rebuild } from '../projections/runner/rebuild';
import { aspirationStream } from '../src/aspirations/domain/aspiration.streams';
import { THREADS } from '../src/aspirations/read-models/thread.document';
import { endorsementStream } from '../src/endorsements/domain/endorsement.streams';
import { personalDataPolicy } from '../src/personal-data-policy';
import { SqliteDocumentStore } from '../src/platform/document-store/sqlite-document-store';
import { Actor, DomainEvent } from '../src/platform/domain/decider';
import { EventLog } from '../src/platform/event-log/event-log';
import { EventSealer } from '../src/platform/event-log/event-sealer';
import { SqliteEventStore } from '../src/platform/event-store/sqlite-event-store';
import { ExpectedRevision } from '../src/platform/event-store/stored-event';
import { SqliteKeyStore } from '../src/platform/personal-data/sqlite-key-store';
import { physicalCollection } from '../src/platform/read-models/generations';

const SIZES = (process.env.BENCH_EVENTS ?? '100000,1000000')
  .split(',')
  .map(Number)
  .filter((size) => size > 0 && !(process.env.BENCH_SKIP_1M && size >= 1_000_000));
/** Aspirations in flight at once: their events interleave in the log, as many threads' events do in real life. */
const WRITERS = 512;
/** The catch-up subscription's batch size, so the baseline reads exactly as the rebuild does. */
const READ_BATCH = 500;
/** Citizens who submit and endorse; each has one data key, created (one durable insert) on first use. */
const CITIZENS = 5_000;
const AGENCIES = ['dinas-pupr', 'dinas-perhubungan', 'dinas-kesehatan', 'dinas-pendidikan', 'dinas-sosial'];
const REGIONS = ['62.06.02.1003', '62.06.01.2001', '62.01.05.1010', '51.03.01.1001', '32.04.10.2005'];
const CATEGORIES = ['infrastruktur', 'perhubungan', 'kesehatan', 'pendidikan', 'sosial'];
const FACILITATOR: Actor = { id: 'fasil-1', role: 'facilitator' };
const HOUR = 3_600_000;

/** A seeded generator (mulberry32), so runs write histories of the same shape. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One aspiration's events in order, with who did each: a realistic mix of how far threads get. */
function lifecycle(k: number, random: () => number): Array<[Actor, DomainEvent, string?]> {
  const id = `asp-${k}`;
  const citizen: Actor = { id: `citizen-${Math.floor(random() * CITIZENS)}`, role: 'citizen' };
  const agencyId = AGENCIES[k % AGENCIES.length];
  const official: Actor = { id: `official-${agencyId}`, role: `official:${agencyId}` };
  const t0 = Date.UTC(2026, 0, 5) + k * 60_000;
  const at = (hours: number) => new Date(t0 + hours * HOUR).toISOString();
  const steps: Array<[Actor, DomainEvent, string?]> = [];
  const step = (actor: Actor, type: string, data: Record<string, unknown>, stream?: string) =>
    steps.push([actor, { type, data }, stream]);
  step(citizen, 'AspirationSubmitted', {
    aspirationId: id,
    messageId: randomUUID(),
    title: `Jalan rusak di desa ${k % 997}`,
    body: 'Jalan utama menuju pasar berlubang besar dan tergenang saat hujan; motor sering tergelincir.',
    category: CATEGORIES[k % CATEGORIES.length],
    regionCode: REGIONS[k % REGIONS.length],
    visibility: random() < 0.9 ? 'public' : 'confidential',
    anonymous: random() < 0.2,
    submittedBy: citizen.id,
    submittedAt: at(0),
    verificationDueAt: at(72),
  });
  if (random() < 0.1) {
    step(FACILITATOR, 'AspirationRejected', { reason: 'Bukan kewenangan daerah', rejectedAt: at(20) });
    return steps;
  }
  step(FACILITATOR, 'AspirationVerified', { verifiedAt: at(20) });
  const endorsers = Math.floor(random() * 5);
  for (let j = 0; j < endorsers; j++) {
    const endorser = `citizen-${(k * 7919 + j * 104729) % CITIZENS}`;
    const data = { aspirationId: id, endorsedAt: at(21 + j) };
    step({ id: endorser, role: 'citizen' }, 'AspirationEndorsed', data, endorsementStream(id, endorser));
  }
  if (random() >= 0.85) return steps;
  step(FACILITATOR, 'AspirationAssigned', { agencyId, assignedAt: at(24), followUpDueAt: at(144) });
  if (random() >= 0.75) return steps;
  const answer = { messageId: randomUUID(), body: 'Tim kami akan meninjau lokasi minggu ini.', agencyId };
  step(official, 'OfficialResponded', { ...answer, respondedAt: at(48), autoCloseDueAt: at(400) });
  if (random() < 0.5)
    step(citizen, 'CitizenReplied', { messageId: randomUUID(), body: 'Terima kasih.', repliedAt: at(50) });
  if (random() >= 0.6) return steps;
  step(official, 'AspirationResolved', {
    summary: 'Lubang sudah ditambal.',
    resolvedAt: at(96),
    reopenUntil: at(300),
  });
  if (random() < 0.4)
    step(citizen, 'AspirationClosed', { reason: 'by_submitter', closedAt: at(100), reopenUntil: at(300) });
  return steps;
}

const metadataOf = (actor: Actor, occurredAt: string) => ({
  actor: actor.id,
  role: actor.role,
  commandId: randomUUID(),
  requestDigest: 'c0ffee'.repeat(10) + 'beef',
  correlationId: randomUUID(),
  causationId: randomUUID(),
  occurredAt,
});

const timeOf = (event: DomainEvent) =>
  Object.entries(event.data as Record<string, unknown>).find(([field]) => field.endsWith('At'))![1] as string;

/** Appends aspiration lifecycles through the EventLog (sealed, chained), WRITERS at a time, until `target` events. */
async function generate(log: EventLog, target: number): Promise<{ events: number; aspirations: number }> {
  const random = seeded(target);
  let appended = 0;
  let next = 0;
  let reported = 0;
  const started = performance.now();
  const writer = async () => {
    while (appended < target) {
      const k = next++;
      const revisions = new Map<string, ExpectedRevision>();
      for (const [actor, event, stream = aspirationStream(`asp-${k}`)] of lifecycle(k, random)) {
        const expected = revisions.get(stream) ?? 'no_stream';
        const result = await log.append(stream, [event], expected, metadataOf(actor, timeOf(event)));
        revisions.set(stream, result.revision);
        appended++;
      }
      if (appended - reported >= 50_000) {
        reported = appended;
        const rate = Math.round(appended / ((performance.now() - started) / 1000));
        console.log(`  generating: ${appended} / ${target} events (${rate}/s)`);
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
  return { events: appended, aspirations: next };
}

/** Reads the whole log in the subscription's batches; optionally opens (decrypts) every event as projectBatch does. */
async function readAllEvents(events: SqliteEventStore, sealer?: EventSealer): Promise<number> {
  let after: bigint | undefined;
  let count = 0;
  for (;;) {
    const batch = await events.readAll({ after, maxCount: READ_BATCH });
    if (batch.length === 0) return count;
    if (sealer) await Promise.all(batch.map((event) => sealer.open(event)));
    count += batch.length;
    after = batch[batch.length - 1].position;
  }
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = performance.now();
  const value = await run();
  return { value, seconds: (performance.now() - start) / 1000 };
}

interface Row {
  events: number;
  aspirations: number;
  threads: number;
  generateSeconds: number;
  readRate: number;
  openRate: number;
  rebuildSeconds: number;
  rebuildRate: number;
  readModelMb: number;
}

async function measure(size: number): Promise<Row> {
  const dir = mkdtempSync(join(os.tmpdir(), 'suara-rebuild-bench-'));
  try {
    const events = new SqliteEventStore(join(dir, 'events.sqlite'));
    const keys = new SqliteKeyStore(join(dir, 'keys.sqlite'));
    const sealer = new EventSealer(keys, personalDataPolicy);
    console.log(`${size} events:`);
    const generated = await timed(() => generate(new EventLog(events, sealer), size));
    const { events: total, aspirations } = generated.value;

    const read = await timed(() => readAllEvents(events));
    const opened = await timed(() => readAllEvents(events, sealer));
    const documents = new SqliteDocumentStore(join(dir, 'read-models.sqlite'));
    let reported = 0;
    const rebuilt = await timed(() =>
      rebuild(
        aspirationsProjection,
        { events, documents, sealer, logger: pino({ level: 'silent' }), holder: 'bench' },
        {
          onProgress: ({ events: done }) => {
            if (done - reported < total / 10) return;
            reported = done;
            console.log(`  rebuilding: ${done} / ${total} events`);
          },
        },
      ),
    );
    const threads = await documents.count(physicalCollection(THREADS, rebuilt.value));
    await Promise.all([documents.close(), events.close(), keys.close()]);
    if (read.value !== total || opened.value !== total)
      throw new Error('the baseline did not read every event');
    return {
      events: total,
      aspirations,
      threads,
      generateSeconds: generated.seconds,
      readRate: total / read.seconds,
      openRate: total / opened.seconds,
      rebuildSeconds: rebuilt.seconds,
      rebuildRate: total / rebuilt.seconds,
      readModelMb: statSync(join(dir, 'read-models.sqlite')).size / 2 ** 20,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const cpus = os.cpus();
  console.log(
    `machine: ${cpus[0].model}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
      `${os.type()} ${os.release()}, node ${process.version}`,
  );
  console.log(`${WRITERS} aspirations in flight while generating; reads in batches of ${READ_BATCH}\n`);
  const rows: Row[] = [];
  for (const size of SIZES) rows.push(await measure(size));
  const header = [
    'events',
    'aspirations',
    'generate s',
    'read ev/s',
    'read+open ev/s',
    'rebuild s',
    'rebuild ev/s',
    'rebuild / read+open',
    'read model MB',
  ];
  const cells = rows.map((r) => [
    String(r.events),
    `${r.aspirations} (${r.threads} docs)`,
    r.generateSeconds.toFixed(0),
    r.readRate.toFixed(0),
    r.openRate.toFixed(0),
    r.rebuildSeconds.toFixed(1),
    r.rebuildRate.toFixed(0),
    `x ${(r.rebuildRate / r.openRate).toFixed(2)}`,
    r.readModelMb.toFixed(0),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c].length)));
  const line = (row: string[]) => row.map((x, c) => x.padStart(widths[c])).join('  ');
  console.log([header, widths.map((w) => '-'.repeat(w)), ...cells].map(line).join('\n'));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
