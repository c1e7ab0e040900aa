import { personKey } from '../../src/notifications/read-models/notification.document';
import {
  DraftDocument,
  GROUP_DRAFTS,
  GROUP_MEMBERSHIPS,
  GroupDocument,
  GROUPS,
  MONITORING_REPORTS,
  ReportDocument,
} from '../../src/groups/read-models/group.document';
import { DocumentQuery, DocumentSearch, ProjectedEvent, ProjectionOperation } from '../runner/projection';

/** The account an AccountErased names while its key exists; null once it is gone (then it names no one). */
const erasedOf = (event: ProjectedEvent): string | null =>
  typeof event.data.accountId === 'string' ? event.data.accountId : null;

export const erasureFinds = (event: ProjectedEvent): DocumentQuery[] => {
  const personId = erasedOf(event);
  if (personId === null) return [];
  return [
    { collection: GROUP_MEMBERSHIPS, filter: { personId } },
    { collection: GROUPS, filter: { proposedBy: personId } },
    {
      collection: GROUP_DRAFTS,
      filter: { $or: [{ draftedBy: personId }, { signerKeys: personKey(personId) }] },
    },
    {
      collection: MONITORING_REPORTS,
      filter: { $or: [{ recordedBy: personId }, { 'comments.authorId': personId }] },
    },
  ];
};

/**
 * The person leaves every group as a rebuild after their key is gone would leave them: their memberships go (their
 * member events then name nobody), a proposal forgets its proposer, drafts forget their drafter and signer, reports
 * who recorded or discussed them. A draft's count keeps their signature, as the rebuild counts every signature event.
 */
export function projectErasure(event: ProjectedEvent, search: DocumentSearch): ProjectionOperation[] {
  const personId = erasedOf(event);
  if (personId === null) return [];
  const key = personKey(personId);
  const memberships = search({ collection: GROUP_MEMBERSHIPS, filter: { personId } });
  const proposals = search({ collection: GROUPS, filter: { proposedBy: personId } }) as GroupDocument[];
  const [, , draftQuery, reportQuery] = erasureFinds(event);
  const drafts = search(draftQuery) as DraftDocument[];
  const reports = search(reportQuery) as ReportDocument[];
  return [
    ...memberships.map(({ _id }) => ({ collection: GROUP_MEMBERSHIPS, delete: _id })),
    ...proposals.map((group) => ({ collection: GROUPS, put: { ...group, proposedBy: null } })),
    ...drafts.map((draft) => ({
      collection: GROUP_DRAFTS,
      put: {
        ...draft,
        draftedBy: draft.draftedBy === personId ? null : draft.draftedBy,
        signerKeys: draft.signerKeys.filter((signer) => signer !== key),
      },
    })),
    ...reports.map((report) => ({ collection: MONITORING_REPORTS, put: reportWithout(report, personId) })),
  ];
}

/** The report as a rebuild after the key is gone makes it: the person recorded or commented, unnamed. */
function reportWithout(report: ReportDocument, personId: string): ReportDocument {
  const recorder = report.recordedBy === personId;
  return {
    ...report,
    recordedBy: recorder ? null : report.recordedBy,
    recordedByName: recorder ? null : report.recordedByName,
    comments: report.comments.map((c) =>
      c.authorId === personId ? { ...c, authorId: null, authorName: null } : c,
    ),
  };
}
