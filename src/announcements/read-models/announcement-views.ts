import { Actor } from '../../platform/domain/decider';
import { seesAskerNames } from '../announcement-access';
import { AnnouncementDocument } from './announcement.document';

// What the API and the live topics show of an announcement: never an account id.

/** How an asker appears to those who are not staff. */
export const ANONYMOUS_ASKER = 'warga';

export function announcementSummary(doc: AnnouncementDocument) {
  const current = doc.versions[doc.versions.length - 1];
  return {
    id: doc._id,
    title: current.title,
    body: current.body,
    link: current.link,
    status: doc.status,
    version: current.version,
    corrected: doc.versions.length > 1,
    target: { kind: doc.targetKind, regionCode: doc.regionCode, groupIds: [...doc.groupIds] },
    publisher: {
      agencyId: doc.publisherAgency,
      role: doc.publisherAgency === null ? 'facilitator' : 'official',
    },
    publishedAt: doc.publishedAt,
    updatedAt: doc.updatedAt,
    withdrawnAt: doc.withdrawnAt,
    withdrawnReason: doc.withdrawnReason,
    acknowledgements: doc.acknowledgements,
    questionCount: doc.questions.length,
    answeredCount: doc.questions.filter((q) => q.answer !== null).length,
  };
}

export type AnnouncementSummary = ReturnType<typeof announcementSummary>;

export function announcementDetail(
  doc: AnnouncementDocument,
  viewer: Actor | undefined,
  acknowledged: boolean,
) {
  const names = seesAskerNames(viewer);
  const latest = doc.versions.length;
  return {
    ...announcementSummary(doc),
    versions: doc.versions.map((v) => ({ ...v, corrected: v.version !== latest })),
    acknowledged,
    questions: doc.questions.map((q) => ({
      questionId: q.questionId,
      text: q.text,
      askedAt: q.askedAt,
      asker: names ? (q.askerName ?? ANONYMOUS_ASKER) : ANONYMOUS_ASKER,
      answer: q.answer?.text ?? null,
      answeredAt: q.answer?.answeredAt ?? null,
    })),
  };
}
