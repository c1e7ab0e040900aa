import { regionPrefixes } from '../../aspirations/read-models/thread.document';
import { storedPosition } from '../../platform/document-store/positions';
import { ProjectedEvent } from '../../platform/read-models/projected-event';
import { AnnouncementEvent } from '../domain/announcement.events';
import { AnnouncementDocument, QuestionDocument } from './announcement.document';

// The announcements read model's fold, pure: projections/announcements applies it event by event.

/** An announcement event's announcement: the stream is `announcement-<id>`, an acknowledgement names it. */
export const announcementIdOf = (event: ProjectedEvent): string =>
  typeof event.data.announcementId === 'string'
    ? event.data.announcementId
    : event.stream.slice('announcement-'.length);

const stamped = (event: ProjectedEvent) => ({
  lastPosition: storedPosition(event.position),
  updatedAt: event.occurredAt,
});

const withQuestion = (
  before: AnnouncementDocument,
  questionId: string,
  change: (question: QuestionDocument) => QuestionDocument,
) => before.questions.map((q) => (q.questionId === questionId ? change(q) : q));

/** The announcement's document after one of its own events; undefined when it changes nothing. */
export function nextAnnouncement(
  event: ProjectedEvent,
  before: AnnouncementDocument | undefined,
): AnnouncementDocument | undefined {
  const e = { type: event.type, data: event.data } as AnnouncementEvent;
  if (e.type === 'AnnouncementPublished') {
    if (before) return undefined;
    const { data } = e;
    const groups = data.target.kind === 'groups' ? data.target.groups : [];
    return {
      _id: data.announcementId,
      status: 'published',
      versions: [{ version: 1, title: data.title, body: data.body, link: data.link, at: data.publishedAt }],
      targetKind: data.target.kind,
      regionCode: data.target.kind === 'region' ? data.target.regionCode : null,
      groupIds: groups.map((g) => g.groupId),
      groupRegions: [...new Set(groups.flatMap((g) => regionPrefixes(g.regionCode)))],
      publisherAgency: data.publisher.agencyId,
      publishedAt: data.publishedAt,
      withdrawnAt: null,
      withdrawnReason: null,
      acknowledgements: 0,
      questions: [],
      ...stamped(event),
    };
  }
  if (!before) return undefined;
  switch (e.type) {
    case 'AnnouncementCorrected': {
      const { version, title, body, link, correctedAt } = e.data;
      const versions = [...before.versions, { version, title, body, link, at: correctedAt }];
      return { ...before, versions, ...stamped(event) };
    }
    case 'AnnouncementWithdrawn':
      return {
        ...before,
        status: 'withdrawn',
        withdrawnAt: e.data.withdrawnAt,
        withdrawnReason: e.data.reason,
        ...stamped(event),
      };
    case 'AnnouncementQuestionAsked': {
      const { questionId, text, askedAt } = e.data;
      const askedBy = typeof e.data.askedBy === 'string' ? e.data.askedBy : null;
      const askerName = typeof e.data.askerName === 'string' ? e.data.askerName : null;
      const question = { questionId, text, askedAt, askedBy, askerName, answer: null };
      return { ...before, questions: [...before.questions, question], ...stamped(event) };
    }
    case 'AnnouncementQuestionAnswered': {
      const answer = { text: e.data.text, answeredAt: e.data.answeredAt };
      const questions = withQuestion(before, e.data.questionId, (q) => ({ ...q, answer }));
      return { ...before, questions, ...stamped(event) };
    }
    default:
      return undefined;
  }
}
