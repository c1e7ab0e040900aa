import { Actor } from '../../platform/domain/decider';
import { notFound } from '../../platform/domain/domain-errors';
import { ReadModels } from '../../platform/read-models/read-models';
import { Audience, audienceOf } from '../aspiration-access';
import { ASPIRATIONS_PROJECTION, THREADS, ThreadDocument } from '../read-models/thread.document';

/**
 * A thread as the read model has it now, with the viewer's audience: the one access rule of the detail, live or as
 * of a past moment. Not visible and not existing answer alike, so ids cannot be probed.
 */
export async function visibleThread(
  readModels: ReadModels,
  aspirationId: string,
  viewer: Actor | undefined,
): Promise<{ thread: ThreadDocument; audience: Audience }> {
  const collection = await readModels.collection(ASPIRATIONS_PROJECTION, THREADS);
  const thread = await readModels.documents.findOne<ThreadDocument>(collection, { _id: aspirationId });
  const audience = thread && audienceOf(viewer, { ...thread, agencyId: thread.agencyId ?? undefined });
  if (!thread || !audience) throw notFound('aspiration_not_found', `No aspiration ${aspirationId}`);
  return { thread, audience };
}
