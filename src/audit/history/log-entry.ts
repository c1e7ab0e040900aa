import { Audience } from '../../aspirations/aspiration-access';
import { AspirationEvent } from '../../aspirations/domain/aspiration.events';
import { aspirationHistory } from '../../aspirations/history/aspiration-history';
import { OpenedEvent } from '../../platform/event-log/event-sealer';
import { positionToString, RecordedEvent } from '../../platform/event-store/stored-event';
import { isEncrypted } from '../../platform/personal-data/field-cipher';
import { categoryOf } from './stream-category';

/** One event of the log as a caller may see it: who acted in which role, when, what, and its hash links. */
export interface LogEntry {
  readonly position: string;
  readonly stream: string;
  readonly category: string;
  readonly revision: number;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: { readonly id: string | null; readonly role: string };
  readonly data: Record<string, unknown>;
  /** Fields sealed with a person's key that this caller may not read: they read as null (or are absent). */
  readonly sealed: readonly string[];
  readonly erased: readonly string[];
  readonly withheld: readonly string[];
  readonly hash: string;
  readonly previousHash: string | null;
  /** For auditors: what ties the events of one request or command together across streams. */
  readonly trace?: {
    readonly commandId: string;
    readonly correlationId: string;
    readonly causationId: string;
  };
}

/** Paths stored encrypted with a person's key, read as null for this caller although the person was not erased. */
function sealedPaths(
  recorded: RecordedEvent,
  erased: readonly string[],
  shown: { data: Record<string, unknown>; actorId: string | null },
): string[] {
  const encrypted = [
    ...Object.keys(recorded.data)
      .filter((field) => isEncrypted(recorded.data[field]))
      .map((field) => `data.${field}`),
    ...(isEncrypted(recorded.metadata.actor) ? ['metadata.actor'] : []),
  ];
  const unread = (path: string) =>
    path === 'metadata.actor' ? shown.actorId === null : shown.data[path.slice('data.'.length)] == null;
  return encrypted.filter((path) => !erased.includes(path) && unread(path));
}

const traceOf = ({ metadata }: OpenedEvent) => ({
  commandId: metadata.commandId,
  correlationId: metadata.correlationId,
  causationId: metadata.causationId,
});

/**
 * An event of any stream but an aspiration's, as auditors see it: every field sealed with a person's key (account
 * ids, logins, names, password and code hashes, a citizen actor) reads as null. No personal data, and nothing that
 * ties an act to a private person: the office, the role, the time, the type and the links stay.
 */
export function sealedEntry(opened: OpenedEvent): LogEntry {
  const { event, metadata, recorded, erased, withheld } = opened;
  const data: Record<string, unknown> = { ...(event.data as object) };
  for (const field of Object.keys(recorded.data)) if (isEncrypted(recorded.data[field])) data[field] = null;
  const actorId = isEncrypted(recorded.metadata.actor) ? null : metadata.actor;
  return {
    ...envelopeOf(recorded),
    type: event.type,
    occurredAt: metadata.occurredAt,
    actor: { id: actorId, role: metadata.role },
    data,
    sealed: sealedPaths(recorded, erased, { data, actorId }),
    erased,
    withheld,
    trace: traceOf(opened),
  };
}

/** An aspiration's events as one audience sees its history (aspiration-history.ts), in the log's shape. */
export function aspirationEntries(
  history: readonly OpenedEvent<AspirationEvent>[],
  audience: Audience,
  withTrace: boolean,
): LogEntry[] {
  return aspirationHistory(history, audience).map((entry, i) => {
    const opened = history[i];
    return {
      ...entry,
      ...envelopeOf(opened.recorded),
      sealed: sealedPaths(opened.recorded, entry.erased, { data: entry.data, actorId: entry.actor.id }),
      ...(withTrace && { trace: traceOf(opened) }),
    };
  });
}

const envelopeOf = (recorded: RecordedEvent) => ({
  position: positionToString(recorded.position),
  stream: recorded.stream,
  category: categoryOf(recorded.stream),
  revision: recorded.revision,
  recordedAt: recorded.recordedAt,
  hash: recorded.hash,
  previousHash: recorded.previousHash,
});
