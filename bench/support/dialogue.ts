// A thread's events for benchmarks that need long streams: submitted by warga-1, verified, assigned to dinas-pupr,
// then an official of dinas-pupr and the citizen in turn, each citizen's actor sealed. Written straight to the store
// (sealed and chained as the EventLog would), BATCH events per append.
import { randomUUID } from 'node:crypto';
import { AspirationEvent } from '../../src/aspirations/domain/aspiration.events';
import { aspirationStream } from '../../src/aspirations/domain/aspiration.streams';
import { Role } from '../../src/platform/domain/decider';
import { EventLog } from '../../src/platform/event-log/event-log';
import { EventMetadata } from '../../src/platform/event-log/event-metadata';

const BATCH = 500;

/** When the events happened and the deadline they carry (ISO strings). */
export interface Moment {
  readonly at: string;
  readonly due: string;
}

const metadataOf = (actor: string, role: Role, at: string): EventMetadata => ({
  actor,
  role,
  commandId: randomUUID(),
  requestDigest: 'd'.repeat(64),
  correlationId: randomUUID(),
  causationId: randomUUID(),
  occurredAt: at,
});

/** Submitted, verified, assigned, then an official and the citizen in turn: a long dialogue. */
function dialogue(i: number, { at, due }: Moment): [AspirationEvent, EventMetadata] {
  if (i % 2 === 0)
    return [
      {
        type: 'CitizenReplied',
        data: { messageId: randomUUID(), body: 'Baik, kami tunggu kabarnya.', repliedAt: at },
      },
      metadataOf('warga-1', 'citizen', at),
    ];
  const body = 'Terima kasih. Petugas DPU akan memeriksa saluran air di RT 03 pada hari Kamis.';
  const data = {
    messageId: randomUUID(),
    body,
    agencyId: 'dinas-pupr',
    respondedAt: at,
    autoCloseDueAt: due,
  };
  return [{ type: 'OfficialResponded', data }, metadataOf('pupr-1', 'official:dinas-pupr', at)];
}

/** Submitted by warga-1, verified, assigned to dinas-pupr: a thread in progress, as 3 events. */
export function opening(aspirationId: string, { at, due }: Moment): [AspirationEvent, EventMetadata][] {
  return [
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
      metadataOf('warga-1', 'citizen', at),
    ],
    [{ type: 'AspirationVerified', data: { verifiedAt: at } }, metadataOf('fasil-1', 'facilitator', at)],
    [
      { type: 'AspirationAssigned', data: { agencyId: 'dinas-pupr', assignedAt: at, followUpDueAt: due } },
      metadataOf('fasil-1', 'facilitator', at),
    ],
  ];
}

/** Writes a thread of `length` events (the opening, then the dialogue) as one stream, sealed and chained. */
export async function fillStream(
  log: EventLog,
  aspirationId: string,
  length: number,
  moment: Moment,
): Promise<void> {
  const start = opening(aspirationId, moment);
  const all = [...start, ...Array.from({ length: length - start.length }, (_, i) => dialogue(i, moment))];
  const stream = aspirationStream(aspirationId);
  // Each event sealed with its own metadata (a citizen's actor encrypted), appended 500 at a time.
  for (let i = 0; i < all.length; i += BATCH) {
    const sealed = await Promise.all(
      all.slice(i, i + BATCH).map(([event, metadata]) => log.sealer.seal(randomUUID(), event, metadata)),
    );
    await log.store.append(stream, sealed, i === 0 ? 'no_stream' : i - 1);
  }
}
