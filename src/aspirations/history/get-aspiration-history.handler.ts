import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Actor } from '../../platform/domain/decider';
import { notFound } from '../../platform/domain/domain-errors';
import { EventLog } from '../../platform/event-log/event-log';
import { audienceOf } from '../aspiration-access';
import { ASPIRATION_DECIDER, AspirationDecider } from '../aspiration-decider.provider';
import { AspirationEvent } from '../domain/aspiration.events';
import { aspirationStream } from '../domain/aspiration.streams';
import { aspirationHistory, HistoryEntry } from './aspiration-history';

export class GetAspirationHistory extends Query<{ aspirationId: string; events: HistoryEntry[] }> {
  constructor(
    readonly aspirationId: string,
    readonly viewer: Actor | undefined,
  ) {
    super();
  }
}

/** A thread's history straight from its event stream, redacted to what the viewer's audience may see. */
@QueryHandler(GetAspirationHistory)
export class GetAspirationHistoryHandler implements IQueryHandler<GetAspirationHistory> {
  constructor(
    private readonly log: EventLog,
    @Inject(ASPIRATION_DECIDER) private readonly decider: AspirationDecider,
  ) {}

  async execute({ aspirationId, viewer }: GetAspirationHistory) {
    const history = await this.log.read<AspirationEvent>(aspirationStream(aspirationId));
    const state = history.reduce((s, e) => this.decider.evolve(s, e.event), this.decider.initialState);
    const audience = audienceOf(viewer, state);
    // Not visible and not existing answer alike, so ids cannot be probed.
    if (!audience) throw notFound('aspiration_not_found', `No aspiration ${aspirationId}`);
    return { aspirationId, events: aspirationHistory(history, audience) };
  }
}
