import { audienceOf } from '../../aspirations/aspiration-access';
import { AspirationEvent } from '../../aspirations/domain/aspiration.events';
import { evolve, initialState } from '../../aspirations/domain/aspiration.state';
import { Actor } from '../../platform/domain/decider';
import { EventLog } from '../../platform/event-log/event-log';
import { OpenedEvent } from '../../platform/event-log/event-sealer';
import { positionToString, RecordedEvent } from '../../platform/event-store/stored-event';
import { ChainVerifier } from '../../platform/integrity/chain-verifier';
import { IntegrityFailureError, KeyMissingError } from '../../platform/integrity/integrity-errors';
import { aspirationEntries, LogEntry, sealedEntry } from './log-entry';
import { categoryOf } from './stream-category';

/**
 * Turns stored events into log entries for one caller, within one request: an auditor sees every stream (others'
 * sealed fields sealed), anyone else the aspirations published now, as the public. Every event shown is verified
 * first: an aspiration's whole stream through EventLog.read, any other event's hash and link through a ChainVerifier.
 */
export class LogReader {
  private readonly aspirations = new Map<string, Map<string, LogEntry>>();
  private readonly verifier: ChainVerifier;

  constructor(
    private readonly log: EventLog,
    private readonly viewer: Actor | undefined,
  ) {
    this.verifier = new ChainVerifier(log.store);
  }

  get auditor(): boolean {
    return this.viewer?.role === 'auditor';
  }

  /** The entries of these events (in log order) the caller may see, in the same order. */
  async entries(events: readonly RecordedEvent[]): Promise<LogEntry[]> {
    const shown = new Map<string, LogEntry>();
    for (const stream of new Set(events.map((e) => e.stream)))
      if (categoryOf(stream) === 'aspiration') await this.readAspiration(stream);
    const others = events.filter((e) => categoryOf(e.stream) !== 'aspiration');
    if (others.length > 0 && this.auditor)
      for (const opened of await this.verifiedAndOpened(others))
        shown.set(positionToString(opened.recorded.position), sealedEntry(opened));
    return events.flatMap((e) => {
      const position = positionToString(e.position);
      const entry = shown.get(position) ?? this.aspirations.get(e.stream)?.get(position);
      return entry ? [entry] : [];
    });
  }

  /** An aspiration's entries, as the caller's audience of it now sees them; none when they may not see it. */
  async readAspiration(stream: string): Promise<Map<string, LogEntry>> {
    const known = this.aspirations.get(stream);
    if (known) return known;
    const history = await this.log.read<AspirationEvent>(stream);
    const state = history.reduce((s, e) => evolve(s, e.event), initialState);
    const audience = audienceOf(this.auditor ? this.viewer : undefined, state);
    const entries = audience ? aspirationEntries(history, audience, this.auditor) : [];
    const byPosition = new Map(entries.map((entry) => [entry.position, entry]));
    this.aspirations.set(stream, byPosition);
    return byPosition;
  }

  /** Events met out of their streams, in log order: each checked (hash, link to its predecessor), then opened. */
  async verifiedAndOpened(events: readonly RecordedEvent[]): Promise<OpenedEvent[]> {
    try {
      const broken = await this.verifier.firstBreak(events);
      if (broken) throw broken.error;
      return await Promise.all(events.map((event) => this.log.sealer.open(event)));
    } catch (error) {
      if (error instanceof IntegrityFailureError || error instanceof KeyMissingError)
        this.log.integrity.streamFailed(error);
      throw error;
    }
  }
}
