import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { systemClock } from '../../platform/clock';
import { Actor } from '../../platform/domain/decider';
import { invalid, notFound } from '../../platform/domain/domain-errors';
import { EVENT_STORE, EventStore } from '../../platform/event-store/event-store.port';
import { positionToString } from '../../platform/event-store/stored-event';
import { ReadModels } from '../../platform/read-models/read-models';
import { positionFromStored } from '../../platform/document-store/positions';
import { readPosition } from '../queries/read-position';
import { visibleThread } from '../queries/visible-thread';
import { isOverdue, threadDetail, ThreadDetail } from '../read-models/thread-views';
import { AsOf, eventsAsOf, storedWithin, threadAsOf, withheldAsNow } from './thread-as-of';
import { ThreadEvents } from './thread-events';

export class GetThreadAsOf extends Query<{
  aspiration: ThreadDetail & { overdue: boolean };
  position: string;
}> {
  constructor(
    readonly aspirationId: string,
    readonly viewer: Actor | undefined,
    readonly asOf: AsOf,
    readonly minPosition: string | undefined,
  ) {
    super();
  }
}

const fieldOf = (asOf: AsOf) => ('position' in asOf ? 'asOfPosition' : 'asOfTime');

/**
 * A thread as it was at a past moment, in the live detail's shape: folded from the event store with the read model's
 * own fold. Who may see it, and as which audience, is decided on the thread as it is now, as the live detail does.
 */
@QueryHandler(GetThreadAsOf)
export class GetThreadAsOfHandler implements IQueryHandler<GetThreadAsOf> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly threadEvents: ThreadEvents,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async execute({ aspirationId, viewer, asOf, minPosition }: GetThreadAsOf) {
    await readPosition(this.readModels, minPosition);
    const { thread: now, audience } = await visibleThread(this.readModels, aspirationId, viewer);
    await this.refuseTheFuture(asOf);
    const events = eventsAsOf(await this.threadEvents.of(aspirationId, storedWithin(asOf)), asOf);
    const past = threadAsOf(events);
    if (!past)
      throw notFound(
        'aspiration_not_yet_submitted',
        `Aspiration ${aspirationId} did not exist yet`,
        fieldOf(asOf),
      );
    const shown = withheldAsNow(past, now, audience);
    // Overdue as it was then: at the instant asked for, or when the last event shown was recorded.
    const then = 'time' in asOf ? new Date(asOf.time) : new Date(events[events.length - 1].recordedAt);
    const position = 'position' in asOf ? asOf.position : positionFromStored(past.lastPosition);
    return {
      aspiration: { ...threadDetail(shown, audience), overdue: isOverdue(shown, then) },
      position: positionToString(position),
    };
  }

  /** A moment the log has not reached is no moment of its history: its answer could still change. */
  private async refuseTheFuture(asOf: AsOf): Promise<void> {
    if ('position' in asOf) {
      const head = (await this.events.headPosition()) ?? 0n;
      if (asOf.position > head)
        throw invalid(
          'as_of_beyond_head',
          `asOfPosition is after the log's last position, ${head}`,
          'asOfPosition',
        );
    } else if (asOf.time > systemClock.now().getTime())
      // The store stamps recordedAt with the wall clock, so the wall clock (not the domain clock) tells the future.
      throw invalid('as_of_in_future', 'asOfTime is later than now', 'asOfTime');
  }
}
