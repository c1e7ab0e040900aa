import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ExecuteAspirationCommand } from '../../aspirations/aspiration-command.handler';
import { AspirationInput } from '../../aspirations/aspiration-references';
import { CommandContext, commandRequest } from '../../platform/commands/command-context';
import { handleCommand, readState } from '../../platform/commands/handle-command';
import { createdIdFor } from '../../platform/ids';
import { EventLog } from '../../platform/event-log/event-log';
import { GroupState, isMember } from '../domain/group.state';
import { GROUP_DRAFT_DECIDER, GroupDraftDecider } from '../group-decider.provider';
import { draftSignatureDecider } from './domain/group-draft.decide';
import { GroupDraftState } from './domain/group-draft.state';
import { draftSignatureStream, groupDraftStream } from './domain/group-draft.streams';

type CollectingDraft = Extract<GroupDraftState, { status: 'collecting' }>;

/** Signature streams read at once while counting: enough to be quick, few enough not to swamp the store. */
const READS_AT_ONCE = 20;

/** What a draft command answers: the draft, and the aspiration once the threshold was reached. */
export interface DraftOutcome {
  readonly signatures: number;
  readonly aspirationId: string | null;
  readonly position: bigint | undefined;
}

/**
 * Counts a draft's signatures and submits it once they reach the group's threshold. Signatures live one stream per
 * (draft, member), so they are counted over the group's current members: the drafter (drafting is signing) and
 * each member whose stream holds a signature. A member who left no longer counts.
 */
@Injectable()
export class DraftSubmission {
  constructor(
    private readonly log: EventLog,
    private readonly commands: CommandBus,
    @Inject(GROUP_DRAFT_DECIDER) private readonly drafts: GroupDraftDecider,
  ) {}

  async count(draft: CollectingDraft, group: GroupState): Promise<number> {
    const { draftedBy } = draft;
    if (draftedBy === null || group.status === 'none' || !isMember(group, draftedBy)) return 0;
    const others = Object.keys(group.members).filter((memberId) => memberId !== draftedBy);
    let signed = 1;
    for (let i = 0; i < others.length; i += READS_AT_ONCE) {
      const states = await Promise.all(
        others
          .slice(i, i + READS_AT_ONCE)
          .map((memberId) =>
            readState(this.log, draftSignatureDecider, draftSignatureStream(draft.draftId, memberId)),
          ),
      );
      signed += states.filter((state) => state.status === 'signed').length;
    }
    return signed;
  }

  /** Submits when the count reaches the threshold; else answers the count as it stands. */
  async submitIfReached(
    draft: CollectingDraft,
    group: GroupState,
    context: CommandContext,
  ): Promise<DraftOutcome> {
    const signatures = await this.count(draft, group);
    if (signatures < draft.signatureThreshold || draft.draftedBy === null)
      return { signatures, aspirationId: null, position: undefined };
    const submitted = await this.submit(draft, draft.draftedBy, signatures, context);
    const record = {
      type: 'RecordDraftSubmission' as const,
      data: { aspirationId: submitted.id, signatures },
      metadata: { actor: context.actor, now: context.now },
    };
    const request = commandRequest(groupDraftStream(draft.draftId), record, context, {
      target: draft.draftId,
      body: { aspirationId: submitted.id },
    });
    const recorded = await handleCommand(this.log, this.drafts, request);
    return { signatures, aspirationId: submitted.id, position: recorded.position };
  }

  /**
   * Through the aspirations' own submit path, as the drafter's act (they wrote it and asked for it to go once
   * signed), under a key of the draft: two signatures that reach the threshold together submit it once.
   */
  private submit(draft: CollectingDraft, drafterId: string, signatures: number, context: CommandContext) {
    const key = `group-draft:${draft.draftId}`;
    const drafter: CommandContext = {
      ...context,
      actor: { id: drafterId, role: 'citizen' },
      idempotencyKey: key,
    };
    const aspirationId = createdIdFor('aspiration', drafterId, key);
    const report =
      draft.monitoringReportId === undefined ? {} : { monitoringReportId: draft.monitoringReportId };
    const input: AspirationInput = {
      type: 'SubmitAspiration',
      data: {
        aspirationId,
        messageId: createdIdFor('message', drafterId, key),
        title: draft.title,
        body: draft.body,
        category: draft.category,
        regionCode: draft.regionCode,
        visibility: 'public',
        anonymous: draft.anonymous,
        groupId: draft.groupId,
        groupSignatures: signatures,
        groupDraftId: draft.draftId,
        ...report,
      },
      metadata: { actor: drafter.actor, now: context.now },
    };
    const body = { groupDraftId: draft.draftId };
    return this.commands.execute(new ExecuteAspirationCommand(aspirationId, input, drafter, body));
  }
}
