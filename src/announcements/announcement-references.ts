import { readState } from '../platform/commands/handle-command';
import { Actor } from '../platform/domain/decider';
import { EventLog } from '../platform/event-log/event-log';
import { isMember } from '../groups/domain/group.state';
import { readGroup } from '../groups/group-references';
import { seesAnnouncement } from './announcement-access';
import { TargetGroupFacts } from './domain/announcement.commands';
import { announcementFold } from './domain/announcement.decide';
import { AnnouncementEvent } from './domain/announcement.events';
import { AnnouncementState } from './domain/announcement.state';
import { announcementStream } from './domain/announcement.streams';

/** An announcement's state, folded from its stream (never a read model). */
export const readAnnouncement = (log: EventLog, announcementId: string): Promise<AnnouncementState> =>
  readState<never, AnnouncementEvent, AnnouncementState>(
    log,
    { ...announcementFold, decide: () => [] },
    announcementStream(announcementId),
  );

/** The groups an announcement names, folded from their streams, in order; null where there is none. */
export function targetGroups(
  log: EventLog,
  groupIds: readonly string[],
): Promise<(TargetGroupFacts | null)[]> {
  return Promise.all(
    groupIds.map(async (groupId) => {
      const group = await readGroup(log, groupId);
      return group.status === 'none' ? null : { groupId, regionCode: group.regionCode, status: group.status };
    }),
  );
}

/** Whether the actor may see the announcement, asking the targeted groups' streams about membership. */
export async function actorSees(log: EventLog, state: AnnouncementState, actor: Actor): Promise<boolean> {
  if (state.status === 'none') return false;
  const groupIds = state.target.kind === 'groups' ? state.target.groups.map((g) => g.groupId) : [];
  const members = new Set<string>();
  if (actor.role === 'citizen')
    for (const groupId of groupIds)
      if (isMember(await readGroup(log, groupId), actor.id)) members.add(groupId);
  return seesAnnouncement(actor, state, (groupId) => members.has(groupId));
}
