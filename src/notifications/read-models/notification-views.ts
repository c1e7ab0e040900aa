import { positionFromStored } from '../../platform/document-store/positions';
import { NotificationDocument, personKey } from './notification.document';

/** A notification as its person sees it: no other person's id is ever in it. */
export function notificationView(doc: NotificationDocument) {
  return {
    id: doc._id,
    kind: doc.kind,
    aspirationId: doc.aspirationId,
    groupId: doc.groupId ?? null,
    draftId: doc.draftId ?? null,
    title: doc.title,
    change: doc.change,
    stage: doc.stage,
    dueAt: doc.dueAt,
    agencyId: doc.agencyId,
    at: doc.at,
    read: doc.read,
    position: positionFromStored(doc.position).toString(),
  };
}

export type NotificationView = ReturnType<typeof notificationView>;

/** What the `me` topic carries to a person: a new notification, or what was marked read and how many stay unread. */
export type PersonChange =
  | { readonly person: string; readonly notification: NotificationView }
  | {
      readonly person: string;
      readonly read: { readonly notificationId: string } | { readonly upTo: string };
      readonly unread: number;
    };

export const newNotificationChange = (doc: NotificationDocument): PersonChange => ({
  person: personKey(doc.personId),
  notification: notificationView(doc),
});
