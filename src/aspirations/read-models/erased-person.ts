import { ThreadActor, ThreadDocument } from './thread.document';

/** How an erased person shows wherever they acted: no id, the role they acted in, and that they were erased. */
export const erasedActor = (role: string): ThreadActor => ({ id: null, role, erased: true });

/** The filter that finds every thread naming a person: as its submitter, or as the citizen of a message. */
export const threadsNaming = (personId: string) => ({
  $or: [{ submittedBy: personId }, { 'messages.actor.id': personId }],
});

/**
 * The thread once a person is erased: their id leaves it and they show as erased, exactly as a rebuild after the
 * key is gone makes it (sealed fields read as null there). Officials act in office: their messages keep their ids.
 */
export function threadWithoutPerson(thread: ThreadDocument, personId: string): ThreadDocument {
  const submitter = thread.submittedBy === personId;
  return {
    ...thread,
    submittedBy: submitter ? null : thread.submittedBy,
    submitterErased: submitter || thread.submitterErased === true,
    messages: thread.messages.map((message) =>
      message.actor.id === personId && message.actor.role === 'citizen'
        ? { ...message, actor: erasedActor(message.actor.role) }
        : message,
    ),
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A copy of any view payload (a change-log entry's) without the person, as threadWithoutPerson leaves the thread:
 * their citizen actor objects become the erased actor, in-office ones stay, any other place with their id holds null.
 */
export function payloadWithoutPerson(value: unknown, personId: string): unknown {
  if (value === personId) return null;
  if (Array.isArray(value)) return value.map((item) => payloadWithoutPerson(item, personId));
  if (!isObject(value)) return value;
  if (value.id === personId && typeof value.role === 'string')
    return value.role === 'citizen' ? erasedActor(value.role) : value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, payloadWithoutPerson(item, personId)]),
  );
}
