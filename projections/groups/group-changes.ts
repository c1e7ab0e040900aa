import { personKey } from '../../src/notifications/read-models/notification.document';
import { DraftDocument, GroupDocument, ReportDocument } from '../../src/groups/read-models/group.document';
import { draftChange, groupChange, reportChange } from '../../src/groups/read-models/group-views';
import { ChangeDraft, ProjectedEvent } from '../runner/projection';

/** The live topic of a group: its members and the facilitators of its region follow it. */
export const groupTopic = (groupId: string): string => `group:${groupId}`;

/**
 * Who may follow a group's topic hear the same thing: members and facilitators alike. `revoked` is no audience
 * anyone joins: it names (by personKey) the people whose access ends with this event, so the live tailer can
 * end their subscriptions (src/live/change-tailer.ts).
 */
const insiders = (payload: unknown) => ({ member: payload, facilitator: payload });

export function groupChanges(event: ProjectedEvent, group: GroupDocument): ChangeDraft[] {
  const payloads: Record<string, unknown> = insiders({ group: groupChange(group) });
  const leaving = event.type === 'MemberLeft' && typeof event.data.memberId === 'string';
  if (leaving) payloads.revoked = { people: [personKey(event.data.memberId as string)] };
  return [{ topic: groupTopic(group._id), payloads }];
}

export const draftChanges = (draft: DraftDocument): ChangeDraft[] => [
  { topic: groupTopic(draft.groupId), payloads: insiders({ draft: draftChange(draft) }) },
];

export const reportChanges = (report: ReportDocument): ChangeDraft[] => [
  { topic: groupTopic(report.groupId), payloads: insiders({ report: reportChange(report) }) },
];
