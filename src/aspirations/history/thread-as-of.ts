import { Audience, seesHiddenContent } from '../aspiration-access';
import { foldThread } from '../read-models/thread-fold';
import { ThreadDocument } from '../read-models/thread.document';
import { RecordedThreadEvent } from './thread-events';

/** A moment of the log: a position, or an instant of the store's recorded time (epoch milliseconds). */
export type AsOf = { readonly position: bigint } | { readonly time: number };

/**
 * The events a thread had as of a moment: those at or before the position, or the longest run of them recorded at
 * or before the instant (a prefix, so the fold never sees an event without the ones before it).
 */
export function eventsAsOf(events: readonly RecordedThreadEvent[], asOf: AsOf): RecordedThreadEvent[] {
  const within = storedWithin(asOf);
  const end = events.findIndex((e) => !within({ position: e.event.position, recordedAt: e.recordedAt }));
  return end === -1 ? [...events] : events.slice(0, end);
}

/**
 * Whether a stored event lies within the moment. Cutting each stream with it first, then the merged events with
 * eventsAsOf, gives what eventsAsOf alone gives: within one stream, that run is a prefix of the stream's own run.
 */
export const storedWithin =
  (asOf: AsOf) =>
  (event: { readonly position: bigint; readonly recordedAt: string }): boolean =>
    'position' in asOf ? event.position <= asOf.position : Date.parse(event.recordedAt) <= asOf.time;

/** The thread as the projection's own fold left it after those events; undefined before its submission. */
export const threadAsOf = (events: readonly RecordedThreadEvent[]): ThreadDocument | undefined =>
  foldThread(events.map((e) => e.event));

/**
 * The thread as it was, with what is withheld now withheld then too: a person erased since shows as erased to
 * everyone, and a message hidden since is hidden from the audiences that may not read hidden messages (with the
 * note of when and why, which tells it was hidden later). Moderators and auditors see the message as it was.
 */
export function withheldAsNow(past: ThreadDocument, now: ThreadDocument, audience: Audience): ThreadDocument {
  const current = new Map(now.messages.map((m) => [m.messageId, m]));
  const messages = past.messages.map((message) => {
    const later = current.get(message.messageId);
    if (!later) return message;
    const actor = later.actor.erased ? later.actor : message.actor;
    const hidden =
      !seesHiddenContent(audience) && later.hidden && !message.hidden ? later.hidden : message.hidden;
    return { ...message, actor, ...(hidden && { hidden }) };
  });
  const erased = now.submitterErased === true;
  return {
    ...past,
    messages,
    ...(erased && { submittedBy: null, submitterErased: true }),
  };
}
