import { isInsider } from '../groups/group-access';
import { groupErrors } from '../groups/domain/group.errors';
import { visibleGroup } from '../groups/queries/group-read';
import { GROUPS_PROJECTION } from '../groups/read-models/group.document';
import { personKey } from '../notifications/read-models/notification.document';
import { Actor } from '../platform/domain/decider';
import { DomainError, notFound } from '../platform/domain/domain-errors';
import { ReadModels } from '../platform/read-models/read-models';
import { ChangeEntry } from '../platform/document-store/document-store.port';
import { UnsubscribedMessage } from './live-protocol';
import { LiveSocket } from './live-socket';

export const GROUP_TOPIC = 'group:';
export const isGroupTopic = (topic: string): boolean => topic.startsWith(GROUP_TOPIC);

/** Members and facilitators of a group hear the same: one payload each, rooms `group:<id>#member|facilitator`. */
export type GroupAudience = 'member' | 'facilitator';

/**
 * GET /api/groups/:id/members's rule: the group's members (coordinators among them) and the facilitators of its
 * region; a group just founded or joined is waited for like read-your-writes.
 */
export async function groupAudience(
  readModels: ReadModels,
  viewer: Actor | undefined,
  groupId: string,
  since: bigint | undefined,
): Promise<GroupAudience> {
  await readModels.reached(GROUPS_PROJECTION, since);
  const { standing } = await visibleGroup(readModels, groupId, viewer).catch((error: unknown) => {
    // Not visible and not existing answer alike, naming the topic, so ids cannot be probed.
    if (error instanceof DomainError && error.kind === 'not_found')
      throw notFound('group_not_found', `No group ${groupId}`, 'topic');
    throw error;
  });
  if (!isInsider(standing)) throw groupErrors.membersOnly('follow it');
  return standing === 'facilitator' ? 'facilitator' : 'member';
}

/** The people (by personKey) whose access a group change ends: those who left the group. */
function revokedBy(payloads: Readonly<Record<string, unknown>>): readonly string[] {
  const people = (payloads.revoked as { people?: unknown } | undefined)?.people;
  return Array.isArray(people) ? people.filter((key): key is string => typeof key === 'string') : [];
}

/** Whether a socket in the topic's member room belongs to one of these people. */
const belongsTo = (socket: LiveSocket, people: readonly string[]): boolean =>
  socket.data.actor !== undefined && people.includes(personKey(socket.data.actor.id));

/** A member who left a group stops hearing it: their sockets leave its member room and are told why. */
export function endLeaversAccess(entry: ChangeEntry, membersOf: (room: string) => LiveSocket[]): void {
  const people = revokedBy(entry.payloads);
  if (people.length === 0) return;
  const room = `${entry.topic}#member`;
  for (const socket of membersOf(room).filter((member) => belongsTo(member, people))) {
    void socket.leave(room);
    if (socket.data.subscriptions.get(entry.topic)?.room === room)
      socket.data.subscriptions.delete(entry.topic);
    const notice: UnsubscribedMessage = {
      topic: entry.topic,
      position: entry.position.toString(),
      reason: 'access_changed',
    };
    socket.emit('unsubscribed', notice);
  }
}
