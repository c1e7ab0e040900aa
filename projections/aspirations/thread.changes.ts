import { Audience } from '../../src/aspirations/aspiration-access';
import { ThreadDocument } from '../../src/aspirations/read-models/thread.document';
import { threadDetail, threadSummary } from '../../src/aspirations/read-models/thread-views';
import { ChangeDraft } from '../runner/projection';

const payloadsFor = (thread: ThreadDocument, audiences: readonly Audience[], newMessage: boolean) =>
  Object.fromEntries(
    audiences.map((audience) => {
      const message = newMessage ? threadDetail(thread, audience).messages.at(-1) : undefined;
      return [audience, { thread: threadSummary(thread, audience), ...(message && { message }) }];
    }),
  );

/**
 * The change-log entries of one thread change, with a payload per audience that may see the topic, computed
 * once here rather than per subscriber.
 */
export function threadChanges(before: ThreadDocument | undefined, after: ThreadDocument): ChangeDraft[] {
  const newMessage = after.messages.length > (before?.messages.length ?? 0);
  const participants: Audience[] = ['submitter', 'facilitator', 'auditor'];
  const threadAudiences: Audience[] = [
    ...participants,
    ...(after.agencyId ? (['agency'] as const) : []),
    ...(after.published ? (['public'] as const) : []),
  ];
  const changes: ChangeDraft[] = [
    { topic: `aspiration:${after._id}`, payloads: payloadsFor(after, threadAudiences, newMessage) },
  ];
  // An inbox also hears when an item leaves it for another agency.
  const inboxes = new Set([before?.agencyId, after.agencyId].filter((id): id is string => !!id));
  for (const agencyId of inboxes) {
    changes.push({
      topic: `agency:${agencyId}`,
      payloads: payloadsFor(after, ['agency', 'facilitator', 'auditor'], false),
    });
  }
  if (after.published) {
    const publicPayload = payloadsFor(after, ['public'], newMessage);
    changes.push({ topic: 'feed', payloads: publicPayload });
    for (const code of after.regions) changes.push({ topic: `region:${code}`, payloads: publicPayload });
    // The group's topic hears its published aspirations as the public sees them, whoever of it follows.
    if (after.groupId)
      changes.push({
        topic: `group:${after.groupId}`,
        payloads: { member: publicPayload.public, facilitator: publicPayload.public },
      });
  }
  return changes;
}
