// A realistic history for benchmarks: aspiration lifecycles (submitted, verified or rejected, endorsed, assigned,
// answered, replied to, resolved, closed) written through the real EventLog (sealed, chained, group commit), many
// aspirations in flight at once so their events interleave in the log. Used by the rebuild and history benchmarks.
import { randomUUID } from 'node:crypto';
import { aspirationStream } from '../../src/aspirations/domain/aspiration.streams';
import { endorsementStream } from '../../src/endorsements/domain/endorsement.streams';
import { Actor, DomainEvent } from '../../src/platform/domain/decider';
import { EventLog } from '../../src/platform/event-log/event-log';
import { ExpectedRevision } from '../../src/platform/event-store/stored-event';

/** Aspirations in flight at once: their events interleave in the log, as many threads' events do in real life. */
export const WRITERS = 512;
/** Citizens who submit and endorse; each has one data key, created (one durable insert) on first use. */
export const CITIZENS = 5_000;
export const AGENCIES = [
  'dinas-pupr',
  'dinas-perhubungan',
  'dinas-kesehatan',
  'dinas-pendidikan',
  'dinas-sosial',
];
export const REGIONS = ['62.06.02.1003', '62.06.01.2001', '62.01.05.1010', '51.03.01.1001', '32.04.10.2005'];
export const CATEGORIES = ['infrastruktur', 'perhubungan', 'kesehatan', 'pendidikan', 'sosial'];
const FACILITATOR: Actor = { id: 'fasil-1', role: 'facilitator' };
const HOUR = 3_600_000;

/** A seeded generator (mulberry32), so runs write histories of the same shape. */
export function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One aspiration's events in order, with who did each: a realistic mix of how far threads get. */
export function lifecycle(k: number, random: () => number): Array<[Actor, DomainEvent, string?]> {
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

export const metadataOf = (actor: Actor, occurredAt: string) => ({
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
export async function generate(
  log: EventLog,
  target: number,
  print: (line: string) => void = console.log,
): Promise<{ events: number; aspirations: number }> {
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
        print(`  generating: ${appended} / ${target} events (${rate}/s)`);
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
  return { events: appended, aspirations: next };
}
