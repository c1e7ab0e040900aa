import { Inject } from '@nestjs/common';
import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, commandRequest, metadataOf } from '../../platform/commands/command-context';
import { handleCommand, readState } from '../../platform/commands/handle-command';
import { DomainError } from '../../platform/domain/domain-errors';
import { positionToString } from '../../platform/event-store/stored-event';
import { EventLog } from '../../platform/event-log/event-log';
import { seesGroup } from '../group-access';
import { accessFacts } from '../domain/group.guards';
import { GroupState, isMember } from '../domain/group.state';
import { GROUP_DRAFT_DECIDER, GroupDraftDecider } from '../group-decider.provider';
import { readGroup } from '../group-references';
import { DraftingGroupFacts, SignedDraftFacts, StartGroupDraft } from './domain/group-draft.commands';
import { draftSignatureDecider } from './domain/group-draft.decide';
import { GroupDraftState } from './domain/group-draft.state';
import { draftSignatureStream, groupDraftStream } from './domain/group-draft.streams';
import { DraftOutcome, DraftSubmission } from './draft-submission';

/** What a draft command answers: the draft, its signatures so far and the aspiration once submitted. */
export interface DraftCommandResponse {
  readonly id: string;
  readonly position: string | null;
  readonly signatures: number;
  readonly aspirationId: string | null;
}

type Content = Omit<StartGroupDraft['data'], 'draftId' | 'group'>;

export class StartDraft extends BusCommand<DraftCommandResponse> {
  constructor(
    readonly groupId: string,
    readonly draftId: string,
    readonly content: Content,
    readonly context: CommandContext,
    readonly body: unknown,
  ) {
    super();
  }
}

export class SignDraft extends BusCommand<DraftCommandResponse> {
  constructor(
    readonly groupId: string,
    readonly draftId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

const response = (
  draftId: string,
  started: bigint | undefined,
  outcome: DraftOutcome,
): DraftCommandResponse => {
  const position = outcome.position ?? started;
  return {
    id: draftId,
    position: position === undefined ? null : positionToString(position),
    signatures: outcome.signatures,
    aspirationId: outcome.aspirationId,
  };
};

/** A draft no longer collecting: what it was submitted with. */
const settled = (draft: GroupDraftState): DraftOutcome =>
  draft.status === 'submitted'
    ? { signatures: draft.signatures, aspirationId: draft.aspirationId, position: undefined }
    : { signatures: 0, aspirationId: null, position: undefined };

function draftingFacts(group: GroupState, context: CommandContext): DraftingGroupFacts | null {
  if (group.status === 'none' || !seesGroup(context.actor, accessFacts(group))) return null;
  const { groupId, name, regionCode, status, signatureThreshold } = group;
  return {
    groupId,
    name,
    regionCode,
    status,
    signatureThreshold,
    actorIsMember: isMember(group, context.actor.id),
  };
}

/** A member drafts for the group; with a threshold of one it is submitted at once. */
@CommandHandler(StartDraft)
export class StartDraftHandler implements ICommandHandler<StartDraft> {
  constructor(
    private readonly log: EventLog,
    @Inject(GROUP_DRAFT_DECIDER) private readonly drafts: GroupDraftDecider,
    private readonly submission: DraftSubmission,
  ) {}

  async execute({ groupId, draftId, content, context, body }: StartDraft): Promise<DraftCommandResponse> {
    const group = await readGroup(this.log, groupId);
    const data = { ...content, draftId, group: draftingFacts(group, context) };
    const command = { type: 'StartGroupDraft' as const, data, metadata: metadataOf(context) };
    const stream = groupDraftStream(draftId);
    const request = commandRequest(stream, command, context, { target: groupId, body });
    const started = await handleCommand(this.log, this.drafts, request);
    const draft = await readState(this.log, this.drafts, stream);
    if (draft.status !== 'collecting') return response(draftId, started.position, settled(draft));
    return response(draftId, started.position, await this.submission.submitIfReached(draft, group, context));
  }
}

function signingFacts(
  draft: GroupDraftState,
  group: GroupState,
  groupId: string,
  signerId: string,
): SignedDraftFacts | null {
  if (draft.status === 'none' || draft.groupId !== groupId || group.status === 'none') return null;
  return {
    status: draft.status,
    groupStatus: group.status,
    signerIsMember: isMember(group, signerId),
    signerIsDrafter: draft.draftedBy === signerId,
    drafterIsMember: draft.draftedBy !== null && isMember(group, draft.draftedBy),
  };
}

/** A member co-signs in their own stream; the signature that reaches the threshold submits the draft. */
@CommandHandler(SignDraft)
export class SignDraftHandler implements ICommandHandler<SignDraft> {
  constructor(
    private readonly log: EventLog,
    @Inject(GROUP_DRAFT_DECIDER) private readonly drafts: GroupDraftDecider,
    private readonly submission: DraftSubmission,
  ) {}

  async execute({ groupId, draftId, context }: SignDraft): Promise<DraftCommandResponse> {
    const [draft, group] = await Promise.all([
      readState(this.log, this.drafts, groupDraftStream(draftId)),
      readGroup(this.log, groupId),
    ]);
    const facts = signingFacts(draft, group, groupId, context.actor.id);
    const command = {
      type: 'SignGroupDraft' as const,
      data: { draftId, groupId, draft: facts },
      metadata: metadataOf(context),
    };
    const stream = draftSignatureStream(draftId, context.actor.id);
    const request = commandRequest(stream, command, context, { target: draftId, body: {} });
    const signed = await handleCommand(this.log, draftSignatureDecider, request).catch(async (error) => {
      // Signed before, and the threshold reached then but not acted on (a crash): finish it, then refuse as due.
      if (error instanceof DomainError && error.code === 'already_signed' && draft.status === 'collecting')
        await this.submission.submitIfReached(draft, group, context);
      throw error;
    });
    // A retried signature finds the draft submitted meanwhile: it answers what became of it.
    const now = await readState(this.log, this.drafts, groupDraftStream(draftId));
    if (now.status !== 'collecting') return response(draftId, signed.position, settled(now));
    return response(draftId, signed.position, await this.submission.submitIfReached(now, group, context));
  }
}
