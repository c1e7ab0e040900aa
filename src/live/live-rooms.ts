import { Audience } from '../aspirations/aspiration-access';

const THREAD_TOPIC = 'aspiration:';

export const isThreadTopic = (topic: string): boolean => topic.startsWith(THREAD_TOPIC);

// An official sees a thread as 'agency' only while it is assigned to their agency, so that room names the agency.
export const agencyRoom = (topic: string, agencyId: string): string => `${topic}#agency:${agencyId}`;

/** The agency a thread payload belongs to (thread payloads carry the thread's summary). */
export const agencyOfPayload = (payload: unknown): string | undefined => {
  const agencyId = (payload as { thread?: { agencyId?: unknown } } | undefined)?.thread?.agencyId;
  return typeof agencyId === 'string' ? agencyId : undefined;
};

/** The room a subscriber joins: one per topic and audience (per agency for an agency on a thread). */
export function subscriberRoom(topic: string, audience: Audience, agencyId: string | undefined): string {
  return isThreadTopic(topic) && audience === 'agency' && agencyId
    ? agencyRoom(topic, agencyId)
    : `${topic}#${audience}`;
}

/** The room an entry's payload for one audience goes to; undefined when it belongs to nobody. */
export function changeRoom(topic: string, audience: string, payload: unknown): string | undefined {
  if (!isThreadTopic(topic) || audience !== 'agency') return `${topic}#${audience}`;
  const agencyId = agencyOfPayload(payload);
  return agencyId ? agencyRoom(topic, agencyId) : undefined;
}
