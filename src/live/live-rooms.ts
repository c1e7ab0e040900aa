import { Audience } from '../aspirations/aspiration-access';
import { regionPrefixes } from '../aspirations/read-models/thread.document';
import { Actor, agencyOfOfficial } from '../platform/domain/decider';

const THREAD_TOPIC = 'aspiration:';
const INBOX_TOPIC = 'agency:';

export const isThreadTopic = (topic: string): boolean => topic.startsWith(THREAD_TOPIC);
const isInboxTopic = (topic: string): boolean => topic.startsWith(INBOX_TOPIC);

// An official sees a thread as 'agency' only while it is assigned to their agency, so that room names the agency.
export const agencyRoom = (topic: string, agencyId: string): string => `${topic}#agency:${agencyId}`;

// An inbox holds threads of every region, and a facilitator bound to one may hear only its own: that room names it.
// A thread's own topic needs no such room: its region never changes, and TopicAccess checked it at the join.
const regionRoom = (topic: string, regionCode: string): string => `${topic}#facilitator:${regionCode}`;

const threadOfPayload = (payload: unknown) =>
  (payload as { thread?: { agencyId?: unknown; regionCode?: unknown } } | undefined)?.thread;

/** The agency a thread payload belongs to (thread payloads carry the thread's summary). */
export const agencyOfPayload = (payload: unknown): string | undefined => {
  const agencyId = threadOfPayload(payload)?.agencyId;
  return typeof agencyId === 'string' ? agencyId : undefined;
};

const regionOfPayload = (payload: unknown): string | undefined => {
  const regionCode = threadOfPayload(payload)?.regionCode;
  return typeof regionCode === 'string' ? regionCode : undefined;
};

/**
 * The room a subscriber joins: one per topic and audience; per agency for an agency on a thread, per region for
 * a facilitator bound to one on an inbox.
 */
export function subscriberRoom(
  topic: string,
  audience: Audience | string,
  viewer: Actor | undefined,
): string {
  const agencyId = viewer ? agencyOfOfficial(viewer.role) : undefined;
  if (isThreadTopic(topic) && audience === 'agency' && agencyId) return agencyRoom(topic, agencyId);
  const regionCode = viewer?.role === 'facilitator' ? viewer.regionCode : undefined;
  if (isInboxTopic(topic) && audience === 'facilitator' && regionCode !== undefined)
    return regionRoom(topic, regionCode);
  return `${topic}#${audience}`;
}

/** The rooms an entry's payload for one audience goes to; none when it belongs to nobody. */
export function changeRooms(topic: string, audience: string, payload: unknown): string[] {
  if (isThreadTopic(topic) && audience === 'agency') {
    const agencyId = agencyOfPayload(payload);
    return agencyId ? [agencyRoom(topic, agencyId)] : [];
  }
  const room = `${topic}#${audience}`;
  if (!isInboxTopic(topic) || audience !== 'facilitator') return [room];
  // Platform-wide facilitators, and those bound to the thread's region or to any region above it.
  const regionCode = regionOfPayload(payload);
  const regional = regionCode ? regionPrefixes(regionCode).map((code) => regionRoom(topic, code)) : [];
  return [room, ...regional];
}
