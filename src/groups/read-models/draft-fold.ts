import { personKey } from '../../notifications/read-models/notification.document';
import { storedPosition } from '../../platform/document-store/positions';
import { ProjectedEvent } from '../../platform/read-models/projected-event';
import { GroupDraftEvent } from '../drafts/domain/group-draft.events';
import { DraftDocument } from './group.document';

/** A draft event's draft: the data names it (a signature) or the stream does (`group-draft-<draftId>`). */
export const draftIdOf = (event: ProjectedEvent): string =>
  typeof event.data.draftId === 'string' ? event.data.draftId : event.stream.slice('group-draft-'.length);

/** The draft's document after a draft or signature event; undefined when it changes nothing. */
export function nextDraft(
  event: ProjectedEvent,
  before: DraftDocument | undefined,
): DraftDocument | undefined {
  const lastPosition = storedPosition(event.position);
  if (event.type === 'GroupDraftSigned') {
    // Once submitted the count is the one it went with; a signer whose key is gone counts, named by nobody.
    if (!before || before.status !== 'collecting') return undefined;
    const signer = event.actor.id === null ? [] : [personKey(event.actor.id)];
    if (signer.some((key) => before.signerKeys.includes(key))) return undefined;
    return {
      ...before,
      signatures: before.signatures + 1,
      signerKeys: [...before.signerKeys, ...signer],
      lastPosition,
    };
  }
  const e = { type: event.type, data: event.data } as GroupDraftEvent;
  switch (e.type) {
    case 'GroupDraftStarted': {
      if (before) return undefined;
      const { data } = e;
      return {
        _id: data.draftId,
        groupId: data.groupId,
        title: data.title,
        body: data.body,
        category: data.category,
        regionCode: data.regionCode,
        anonymous: data.anonymous,
        draftedBy: typeof data.draftedBy === 'string' ? data.draftedBy : null,
        signatureThreshold: data.signatureThreshold,
        signatures: 1,
        signerKeys: [],
        status: 'collecting',
        aspirationId: null,
        monitoringReportId: data.monitoringReportId ?? null,
        startedAt: data.startedAt,
        submittedAt: null,
        lastPosition,
      };
    }
    case 'GroupDraftSubmitted':
      return before && before.status === 'collecting'
        ? {
            ...before,
            status: 'submitted',
            signatures: e.data.signatures,
            aspirationId: e.data.aspirationId,
            submittedAt: e.data.submittedAt,
            lastPosition,
          }
        : undefined;
    default:
      return undefined;
  }
}
