import { Inject, Injectable } from '@nestjs/common';
import { EventLog } from '../../platform/event-log/event-log';
import { EVENT_STORE, EventStore } from '../../platform/event-store/event-store.port';
import { RecordedEvent } from '../../platform/event-store/stored-event';
import { ProjectedEvent, projectedEvent } from '../../platform/read-models/projected-event';
import { ReadModels } from '../../platform/read-models/read-models';
import { aspirationStream } from '../domain/aspiration.streams';
import {
  ENDORSEMENT_STREAMS,
  ENDORSEMENTS_PROJECTION,
  endorsementStreamPrefix,
  EndorsementStreamsDocument,
} from '../read-models/endorsement-streams.document';

/** An event the thread read model folds, with the store's time of recording. */
export interface RecordedThreadEvent {
  readonly event: ProjectedEvent;
  readonly recordedAt: string;
}

const PAGE = 1_000;

/**
 * Every event the thread read model folds for one aspiration, in log order: its own stream and its endorsement
 * streams, each read whole from the event store and verified (hashes and chain) as every read is.
 */
@Injectable()
export class ThreadEvents {
  constructor(
    private readonly log: EventLog,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly readModels: ReadModels,
  ) {}

  /** `within` picks each stream's first events (the rest is neither verified nor opened); all of them by default. */
  async of(aspirationId: string, within?: (event: RecordedEvent) => boolean): Promise<RecordedThreadEvent[]> {
    const streams = [aspirationStream(aspirationId), ...(await this.endorsementStreams(aspirationId))];
    const read = await Promise.all(streams.map((stream) => this.log.read(stream, within)));
    return read
      .flat()
      .sort((a, b) => (a.recorded.position < b.recorded.position ? -1 : 1))
      .map((opened) => ({ event: projectedEvent(opened), recordedAt: opened.recorded.recordedAt }));
  }

  /** The index's streams, and those the log holds after the index's position (a lagging index misses nothing). */
  private async endorsementStreams(aspirationId: string): Promise<string[]> {
    const collection = await this.readModels.collection(ENDORSEMENTS_PROJECTION, ENDORSEMENT_STREAMS);
    const [indexed, position] = await Promise.all([
      this.readModels.documents.findOne<EndorsementStreamsDocument>(collection, { _id: aspirationId }),
      this.readModels.position(ENDORSEMENTS_PROJECTION),
    ]);
    const streams = new Set(indexed?.streams ?? []);
    const prefix = endorsementStreamPrefix(aspirationId);
    for (let after = position; ;) {
      const page = await this.events.readAll({ after, maxCount: PAGE });
      for (const { stream } of page) if (stream.startsWith(prefix)) streams.add(stream);
      if (page.length < PAGE) return [...streams];
      after = page[page.length - 1].position;
    }
  }
}
