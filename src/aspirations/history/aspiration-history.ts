import { OpenedEvent } from '../../platform/event-log/event-sealer';
import { positionToString } from '../../platform/event-store/stored-event';
import { Audience, seesHiddenContent, seesSubmitter, seesVillager } from '../aspiration-access';
import { AspirationEvent } from '../domain/aspiration.events';

export interface HistoryEntry {
  readonly position: string;
  readonly revision: number;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: { readonly id: string | null; readonly role: string };
  readonly data: Record<string, unknown>;
  /** Fields whose person was erased or whose content was withheld: they read as null. */
  readonly erased: readonly string[];
  readonly withheld: readonly string[];
  readonly hash: string;
  readonly previousHash: string | null;
}

const MESSAGE_CONTENT: Partial<Record<AspirationEvent['type'], string[]>> = {
  AspirationSubmitted: ['title', 'body'],
  OfficialResponded: ['body'],
  CitizenReplied: ['body'],
};

const hiddenReasons = (history: readonly OpenedEvent<AspirationEvent>[]) =>
  new Map(
    history.flatMap(({ event }) =>
      event.type === 'MessageHidden' ? [[event.data.messageId, event.data.reason]] : [],
    ),
  );

/** A thread's events as one audience may see them: the same redaction for everyone in that audience. */
export function aspirationHistory(
  history: readonly OpenedEvent<AspirationEvent>[],
  audience: Audience,
): HistoryEntry[] {
  const submitted = history.find((e) => e.event.type === 'AspirationSubmitted');
  const anonymous = submitted?.event.type === 'AspirationSubmitted' && submitted.event.data.anonymous;
  const hidden = hiddenReasons(history);
  return history.map(({ event, metadata, recorded, erased, withheld }) => {
    const data: Record<string, unknown> = { ...event.data };
    if (event.type === 'AspirationSubmitted') {
      if (!seesSubmitter(audience, anonymous)) data.submittedBy = null;
      if (!seesVillager(audience, anonymous)) delete data.onBehalfOf;
    }
    const messageId = typeof data.messageId === 'string' ? data.messageId : undefined;
    if (messageId && hidden.has(messageId)) {
      data.hidden = { reason: hidden.get(messageId) };
      if (!seesHiddenContent(audience))
        for (const field of MESSAGE_CONTENT[event.type] ?? []) data[field] = null;
    }
    // Only the submitter acts as a citizen in a thread; facilitators and officials act in office, named.
    const actorId =
      metadata.role === 'citizen' && !seesSubmitter(audience, anonymous) ? null : metadata.actor;
    return {
      position: positionToString(recorded.position),
      revision: recorded.revision,
      type: event.type,
      occurredAt: metadata.occurredAt,
      recordedAt: recorded.recordedAt,
      actor: { id: actorId, role: metadata.role },
      data,
      erased,
      withheld,
      hash: recorded.hash,
      previousHash: recorded.previousHash,
    };
  });
}
