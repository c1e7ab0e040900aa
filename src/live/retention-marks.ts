import { Doc, DocumentStore, DocumentWrite } from '../platform/document-store/document-store.port';
import { positionFromStored, storedPosition } from '../platform/document-store/positions';

/** Where retention keeps its marks (which position the log had reached when) and how far it trimmed. */
export const RETENTION = 'live_retention';
const TRIMMED = 'trimmed';

interface MarkDocument extends Doc {
  readonly kind: 'mark';
  readonly at: number;
  readonly upTo: string;
}

/** Change-log entries at or before this position are gone: a client resuming from before it must refetch. */
export async function readTrimmedUpTo(documents: DocumentStore): Promise<bigint> {
  const trimmed = await documents.findOne<Doc & { upTo: string }>(RETENTION, { _id: TRIMMED });
  return trimmed ? positionFromStored(trimmed.upTo) : 0n;
}

/**
 * One retention step: mark the position reached now; the marks older than the window say how far the log may
 * go, and are dropped. Marks are documents, so the window survives restarts and moves between instances.
 */
export async function retentionStep(
  documents: DocumentStore,
  now: number,
  reached: bigint,
  windowMs: number,
): Promise<{ writes: DocumentWrite[]; cut: bigint | undefined }> {
  const expired = await documents.find<MarkDocument>(RETENTION, {
    kind: 'mark',
    at: { $lte: now - windowMs },
  });
  const mark: MarkDocument = { _id: `mark-${now}`, kind: 'mark', at: now, upTo: storedPosition(reached) };
  const writes: DocumentWrite[] = [{ collection: RETENTION, position: reached, document: mark }];
  if (expired.length === 0) return { writes, cut: undefined };
  const cut = expired.map((m) => positionFromStored(m.upTo)).reduce((a, b) => (a > b ? a : b));
  // Writes are guarded by position: expired marks go with one after every position they hold.
  for (const old of expired) writes.push({ collection: RETENTION, position: cut + 1n, delete: old._id });
  if (cut <= (await readTrimmedUpTo(documents))) return { writes, cut: undefined };
  writes.push({
    collection: RETENTION,
    position: cut,
    document: { _id: TRIMMED, upTo: storedPosition(cut) },
  });
  return { writes, cut };
}
