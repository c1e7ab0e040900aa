import { Injectable } from '@nestjs/common';
import { Actor } from '../../platform/domain/decider';
import { forbidden, notFound } from '../../platform/domain/domain-errors';
import { EventLog } from '../../platform/event-log/event-log';
import { positionToString, RecordedEvent } from '../../platform/event-store/stored-event';
import { LogEntry, sealedEntry } from './log-entry';
import { LogReader } from './log-reader';
import { categoryOf } from './stream-category';

/** What a page of the global log is filtered by; times are epoch milliseconds of the store's recorded time. */
export interface LogQuery {
  readonly after?: bigint;
  readonly limit: number;
  readonly actor?: string;
  readonly type?: string;
  readonly category?: string;
  /** Inclusive. */
  readonly from?: number;
  /** Exclusive. */
  readonly to?: number;
}

/** At most this many events of the log are read per page: a rare filter answers a short page and a `next`. */
export const SCAN_PER_PAGE = 1_000;
const CHUNK = 100;

/** Whether an event may match, from what is stored in the clear (category, type, recorded time). */
const mayMatch = (query: LogQuery, auditor: boolean) => (event: RecordedEvent) => {
  const category = categoryOf(event.stream);
  const recorded = Date.parse(event.recordedAt);
  return (
    (auditor || category === 'aspiration') &&
    (query.category === undefined || category === query.category) &&
    (query.type === undefined || event.type === query.type) &&
    (query.from === undefined || recorded >= query.from) &&
    (query.to === undefined || recorded < query.to)
  );
};

/**
 * An actor matches by the id the caller is shown, so a redacted actor is never found. Only auditors find a private
 * person (a citizen): anyone else finds acts in office (officials, facilitators, admins, the platform).
 */
const actedBy = (actor: string | undefined, auditor: boolean) => (entry: LogEntry) =>
  actor === undefined || (entry.actor.id === actor && (auditor || entry.actor.role !== 'citizen'));

/** The log for auditors and the public: the global log by position, and one stream's events. */
@Injectable()
export class AuditLog {
  constructor(private readonly log: EventLog) {}

  async page(
    query: LogQuery,
    viewer: Actor | undefined,
  ): Promise<{ events: LogEntry[]; next: string | null }> {
    const reader = new LogReader(this.log, viewer);
    // Past the head there is nothing to read (and a position beyond any store's range is never sent to it).
    const head = await this.log.store.headPosition();
    if (head === undefined || (query.after !== undefined && query.after >= head))
      return { events: [], next: null };
    const scanned = await this.log.store.readAll({ after: query.after, maxCount: SCAN_PER_PAGE });
    const candidates = scanned.filter(mayMatch(query, reader.auditor));
    const events: LogEntry[] = [];
    for (let i = 0; i < candidates.length && events.length < query.limit; i += CHUNK) {
      const entries = await reader.entries(candidates.slice(i, i + CHUNK));
      events.push(...entries.filter(actedBy(query.actor, reader.auditor)));
    }
    const page = events.slice(0, query.limit);
    const next =
      page.length === query.limit
        ? page[page.length - 1].position
        : scanned.length === SCAN_PER_PAGE
          ? positionToString(scanned[scanned.length - 1].position)
          : null;
    return { events: page, next };
  }

  /** One stream's events from a revision on, for auditors. */
  async stream(
    stream: string,
    fromRevision: number,
    limit: number,
    viewer: Actor | undefined,
  ): Promise<{ stream: string; category: string; events: LogEntry[]; next: number | null }> {
    const reader = new LogReader(this.log, viewer);
    if (!reader.auditor) throw forbidden('auditors_only', 'Only auditors read any stream of the log');
    const events =
      categoryOf(stream) === 'aspiration'
        ? [...(await reader.readAspiration(stream)).values()].slice(fromRevision, fromRevision + limit + 1)
        : (await reader.verifiedAndOpened(await this.readWindow(stream, fromRevision, limit + 1))).map(
            sealedEntry,
          );
    if (fromRevision === 0 && events.length === 0) throw notFound('stream_not_found', `No stream ${stream}`);
    const more = events.length > limit;
    return {
      stream,
      category: categoryOf(stream),
      events: events.slice(0, limit),
      next: more ? fromRevision + limit : null,
    };
  }

  private readWindow(stream: string, fromRevision: number, count: number): Promise<RecordedEvent[]> {
    return this.log.store.readStream(stream, { fromRevision, maxCount: count });
  }
}
