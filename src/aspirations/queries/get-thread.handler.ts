import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Actor } from '../../platform/domain/decider';
import { notFound } from '../../platform/domain/domain-errors';
import { ReadModels } from '../../platform/read-models/read-models';
import { audienceOf } from '../aspiration-access';
import { ASPIRATIONS_PROJECTION, THREADS, ThreadDocument } from '../read-models/thread.document';
import { isOverdue, threadDetail, ThreadDetail } from '../read-models/thread-views';
import { readPosition } from './read-position';

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
    const collection = await this.readModels.collection(ASPIRATIONS_PROJECTION, THREADS);
    const thread = await this.readModels.documents.findOne<ThreadDocument>(collection, { _id: aspirationId });
    const audience = thread && audienceOf(viewer, { ...thread, agencyId: thread.agencyId ?? undefined });
    // Not visible and not existing answer alike, so ids cannot be probed.
    if (!thread || !audience) throw notFound('aspiration_not_found', `No aspiration ${aspirationId}`);
    return { aspiration: { ...threadDetail(thread, audience), overdue: isOverdue(thread, now) }, position };
  }
}
