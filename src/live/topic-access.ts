import { Injectable } from '@nestjs/common';
import { Audience, audienceOf } from '../aspirations/aspiration-access';
import { ASPIRATIONS_PROJECTION, THREADS, ThreadDocument } from '../aspirations/read-models/thread.document';
import { Actor, agencyOfOfficial } from '../platform/domain/decider';
import { forbidden, notFound, unauthenticated } from '../platform/domain/domain-errors';
import { ME_TOPIC, personKey } from '../notifications/read-models/notification.document';
import { ReadModels } from '../platform/read-models/read-models';
import { groupAudience } from './group-topic';
import { subscriberRoom } from './live-rooms';

export interface TopicGrant {
  /** A thread audience, or on `me` the person's own key: they are its only audience. */
  readonly audience: Audience | string;
  readonly room: string;
}

/** Who may join a topic, and as which audience: the same policy as the queries behind each topic. */
@Injectable()
export class TopicAccess {
  constructor(private readonly readModels: ReadModels) {}

  async grant(viewer: Actor | undefined, topic: string, since: bigint | undefined): Promise<TopicGrant> {
    if (topic === ME_TOPIC) return ownNotifications(viewer);
    const audience = await this.audienceFor(viewer, topic, since);
    return { audience, room: subscriberRoom(topic, audience, viewer) };
  }

  private async audienceFor(viewer: Actor | undefined, topic: string, since: bigint | undefined) {
    const [kind, id] = splitTopic(topic);
    switch (kind) {
      case 'feed':
      case 'region':
        return 'public';
      case 'agency':
        return inboxAudience(viewer, id);
      case 'aspiration':
        return this.threadAudience(viewer, id, since);
      case 'group':
        return groupAudience(this.readModels, viewer, id, since);
      default:
        throw notFound('topic_not_found', `No topic ${topic}`, 'topic');
    }
  }

  /** GET /api/aspirations/:id's rule; a thread the client just created is waited for like read-your-writes. */
  private async threadAudience(viewer: Actor | undefined, id: string, since: bigint | undefined) {
    await this.readModels.reached(ASPIRATIONS_PROJECTION, since);
    const collection = await this.readModels.collection(ASPIRATIONS_PROJECTION, THREADS);
    const thread = await this.readModels.documents.findOne<ThreadDocument>(collection, { _id: id });
    const audience = thread && audienceOf(viewer, { ...thread, agencyId: thread.agencyId ?? undefined });
    // Not visible and not existing answer alike, so ids cannot be probed.
    if (!audience) throw notFound('aspiration_not_found', `No aspiration ${id}`, 'topic');
    return audience;
  }
}

/**
 * GET /api/me/notifications's rule: one's own, and only with a token. The audience is the person's key, taken from
 * the token, so a socket joins its own person's room and no request can name another's.
 */
function ownNotifications(viewer: Actor | undefined): TopicGrant {
  if (!viewer)
    throw unauthenticated('not_authenticated', 'Only a signed-in person has notifications to hear');
  const audience = personKey(viewer.id);
  return { audience, room: `${ME_TOPIC}#${audience}` };
}

const splitTopic = (topic: string): [string, string] => {
  const colon = topic.indexOf(':');
  return colon < 0 ? [topic, ''] : [topic.slice(0, colon), topic.slice(colon + 1)];
};

/**
 * GET /api/agencies/:id/inbox's rule: its officials, facilitators and auditors. A facilitator bound to a region
 * joins that region's room of the inbox (live-rooms.ts), as the inbox lists only that region's items to them.
 */
function inboxAudience(viewer: Actor | undefined, agencyId: string): Audience {
  if (viewer?.role === 'facilitator') return 'facilitator';
  if (viewer?.role === 'auditor') return 'auditor';
  if (viewer && agencyOfOfficial(viewer.role) === agencyId) return 'agency';
  throw forbidden(
    'inbox_not_yours',
    `Only officials of ${agencyId}, facilitators and auditors follow its inbox`,
  );
}
