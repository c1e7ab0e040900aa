import { AnswerQuestion, AskQuestion } from './announcement.commands';
import { announcementErrors as errors } from './announcement.errors';
import { AnnouncementEvent } from './announcement.events';
import { existing, questionText, requireManager, requirePublished } from './announcement.guards';
import { AnnouncementState } from './announcement.state';

/** A citizen who may see the announcement asks; a withdrawn one takes no more questions. */
export function ask(command: AskQuestion, state: AnnouncementState): AnnouncementEvent[] {
  const { actor, now } = command.metadata;
  const announcement = existing(state);
  // Not seen and not existing answer alike.
  if (!command.data.sees) throw errors.notFound();
  if (actor.role !== 'citizen') throw errors.citizenOnly('ask a question');
  requirePublished(announcement);
  const { questionId, displayName } = command.data;
  if (Object.hasOwn(announcement.questions, questionId)) throw errors.questionExists();
  const text = questionText(command.data.text);
  const named = displayName === undefined ? {} : { askerName: displayName };
  return [
    {
      type: 'AnnouncementQuestionAsked',
      data: { questionId, text, askedBy: actor.id, ...named, askedAt: now.toISOString() },
    },
  ];
}

/** The publishing agency or a facilitator of the region answers, once; answering stays open after a withdrawal. */
export function answer(command: AnswerQuestion, state: AnnouncementState): AnnouncementEvent[] {
  const { actor, now } = command.metadata;
  const announcement = existing(state);
  const { questionId } = command.data;
  if (!Object.hasOwn(announcement.questions, questionId)) throw errors.questionNotFound();
  requireManager(announcement, actor, 'answer its questions');
  if (announcement.questions[questionId]) throw errors.alreadyAnswered();
  const text = questionText(command.data.text);
  return [
    { type: 'AnnouncementQuestionAnswered', data: { questionId, text, answeredAt: now.toISOString() } },
  ];
}
