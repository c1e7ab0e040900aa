import { assertNever, Decider } from '../../../platform/domain/decider';
import { RegionCatalogue } from '../../../regions/region-catalogue';
import { groupErrors } from '../../domain/group.errors';
import { validDraftContent } from './draft-content';
import {
  GroupDraftCommand,
  RecordDraftSubmission,
  SignGroupDraft,
  StartGroupDraft,
} from './group-draft.commands';
import { draftErrors as errors } from './group-draft.errors';
import { DraftSignatureEvent, GroupDraftEvent } from './group-draft.events';
import {
  DraftSignatureState,
  evolveDraft,
  evolveSignature,
  GroupDraftState,
  initialDraftState,
  initialSignatureState,
} from './group-draft.state';

/** A member drafts for an active group; the drafting is their own signature. */
function start(
  command: StartGroupDraft,
  state: GroupDraftState,
  regions: RegionCatalogue,
): GroupDraftEvent[] {
  const { actor, now } = command.metadata;
  const { group, draftId, monitoringReportId } = command.data;
  if (group === null) throw errors.groupNotFound();
  if (actor.role !== 'citizen' || !group.actorIsMember) throw errors.membersOnly('draft for the group');
  if (group.status !== 'active') throw groupErrors.notActive(group.status);
  if (state.status !== 'none') throw errors.alreadyStarted();
  const content = validDraftContent(command.data, group.regionCode, regions);
  const report = monitoringReportId === undefined ? {} : { monitoringReportId };
  const data = {
    draftId,
    groupId: group.groupId,
    groupName: group.name,
    ...content,
    draftedBy: actor.id,
    signatureThreshold: group.signatureThreshold,
    ...report,
    startedAt: now.toISOString(),
  };
  return [{ type: 'GroupDraftStarted', data }];
}

/** Recorded once; a second attempt (two signatures reaching the threshold together) changes nothing. */
function recordSubmission(command: RecordDraftSubmission, state: GroupDraftState): GroupDraftEvent[] {
  if (state.status === 'none') throw errors.draftNotFound();
  if (state.status === 'submitted') return [];
  const { aspirationId, signatures } = command.data;
  if (!Number.isInteger(signatures) || signatures < 1) throw errors.invalidSignatures();
  return [
    {
      type: 'GroupDraftSubmitted',
      data: { aspirationId, signatures, submittedAt: command.metadata.now.toISOString() },
    },
  ];
}

export function decideDraft(
  command: GroupDraftCommand,
  state: GroupDraftState,
  regions: RegionCatalogue,
): GroupDraftEvent[] {
  switch (command.type) {
    case 'StartGroupDraft':
      return start(command, state, regions);
    case 'RecordDraftSubmission':
      return recordSubmission(command, state);
    default:
      return assertNever(command);
  }
}

export const createGroupDraftDecider = (
  regions: RegionCatalogue,
): Decider<GroupDraftCommand, GroupDraftEvent, GroupDraftState> => ({
  initialState: initialDraftState,
  evolve: evolveDraft,
  decide: (command, state) => decideDraft(command, state, regions),
});

/** Another member co-signs, once, while the draft collects and its drafter is still a member. */
export function sign(command: SignGroupDraft, state: DraftSignatureState): DraftSignatureEvent[] {
  const { actor, now } = command.metadata;
  const { draft, draftId, groupId } = command.data;
  if (draft === null) throw errors.draftNotFound();
  if (actor.role !== 'citizen' || !draft.signerIsMember) throw errors.membersOnly('sign its drafts');
  if (draft.groupStatus !== 'active') throw groupErrors.notActive(draft.groupStatus);
  if (draft.status === 'submitted') throw errors.alreadySubmitted();
  if (draft.signerIsDrafter) throw errors.ownDraft();
  if (!draft.drafterIsMember) throw errors.drafterLeft();
  if (state.status === 'signed') throw errors.alreadySigned();
  return [{ type: 'GroupDraftSigned', data: { draftId, groupId, signedAt: now.toISOString() } }];
}

export const draftSignatureDecider: Decider<SignGroupDraft, DraftSignatureEvent, DraftSignatureState> = {
  initialState: initialSignatureState,
  evolve: evolveSignature,
  decide: sign,
};
