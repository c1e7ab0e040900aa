import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Actor } from '../../platform/domain/decider';
import { ReadModels } from '../../platform/read-models/read-models';
import { isOverdue, threadDetail, ThreadDetail } from '../read-models/thread-views';
import { readPosition } from './read-position';
import { visibleThread } from './visible-thread';

export class GetThread extends Query<{ aspiration: ThreadDetail & { overdue: boolean }; position: string }> {
  constructor(
    readonly aspirationId: string,
    readonly viewer: Actor | undefined,
    readonly now: Date,
    readonly minPosition: string | undefined,
  ) {
    super();
  }
}

/** One thread in full, as the viewer's audience may see it; "overdue" is computed now, never stored. */
@QueryHandler(GetThread)
export class GetThreadHandler implements IQueryHandler<GetThread> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ aspirationId, viewer, now, minPosition }: GetThread) {
    const position = await readPosition(this.readModels, minPosition);
    const { thread, audience } = await visibleThread(this.readModels, aspirationId, viewer);
    return { aspiration: { ...threadDetail(thread, audience), overdue: isOverdue(thread, now) }, position };
  }
}
