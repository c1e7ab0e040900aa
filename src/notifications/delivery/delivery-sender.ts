import { deriveId } from '../../platform/ids';
import { MessageDeliveryError, OutgoingMessages } from '../../platform/messages/outgoing-messages.port';
import { retryAfterMs } from './backoff';
import { DeliveryRecord, updated } from './delivery-record';
import { DeliveryStore } from './delivery-store';
import { DeliveryTargets } from './delivery-targets';
import { ErasedMeanwhile } from './erased-meanwhile';
import { digestMessage } from './notification-message';

const PAGE = 200;

export interface SenderSettings {
  readonly digestThreshold: number;
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
}

type Outcome = { status: 'sent' } | { status: 'retry' | 'failed'; error: string };

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Sends what is due. Every message was recorded, with its stable id, before this runs; a crash between sending and
 * recording the outcome sends it again with the same id (at least once: receivers drop the copy by that id). Several
 * due at once for one person on one channel become one digest, itself recorded before it is sent.
 */
export class DeliverySender {
  constructor(
    private readonly store: DeliveryStore,
    private readonly targets: DeliveryTargets,
    private readonly messages: OutgoingMessages,
    private readonly settings: SenderSettings,
    private readonly logger: { warn(message: string): void },
    private readonly erasedMeanwhile: ErasedMeanwhile,
  ) {}

  /** One page of due messages; true when there may be more. Stops where `holding` says the lease was lost. */
  async sendDue(now: Date, holding: () => Promise<boolean> = async () => true): Promise<boolean> {
    const due = await this.store.due(now, PAGE);
    const groups = new Map<string, DeliveryRecord[]>();
    for (const record of due) {
      const key = record.kind === 'digest' ? record._id : `${record.personKey}\u0000${record.channel}`;
      groups.set(key, [...(groups.get(key) ?? []), record]);
    }
    for (const group of groups.values()) {
      // A slow server must not outlast the lease: another instance would send the same messages meanwhile.
      if (!(await holding())) return false;
      if (group.length > this.settings.digestThreshold)
        await this.deliver(await this.digest(group, now), now);
      else for (const record of group) await this.deliver(record, now);
    }
    return due.length === PAGE;
  }

  /** The digest's id derives from its members, and it is recorded with them marked as folded into it, at once. */
  private async digest(members: readonly DeliveryRecord[], now: Date): Promise<DeliveryRecord> {
    const ids = members.map((member) => member._id).sort();
    const id = deriveId('notification-digest', ...ids);
    const [first] = members;
    const digest: DeliveryRecord = {
      ...first,
      _id: id,
      kind: 'digest',
      notificationIds: members.flatMap((member) => member.notificationIds),
      ...digestMessage(members),
      status: 'pending',
      createdAt: now.toISOString(),
      dueAt: now.toISOString(),
      attempts: 0,
      digestId: null,
      sentAt: null,
      lastError: null,
      version: 1,
    };
    const folded = members.map((member) => updated(member, { status: 'digested', digestId: id }));
    await this.saveKeepingErasures([digest, ...folded]);
    return digest;
  }

  private async deliver(record: DeliveryRecord, now: Date): Promise<void> {
    const targets = await this.targets.of(record.notificationIds[0], record.channel);
    if (targets.length === 0) {
      const lastError = `nowhere to send it by ${record.channel}`;
      return this.saveKeepingErasures([updated(record, { status: 'skipped', lastError })]);
    }
    const outcomes: Outcome[] = [];
    for (const to of targets) {
      const { _id: id, subject, text, link } = record;
      const message = {
        id,
        kind: 'notification' as const,
        to,
        subject,
        text,
        ...(link !== null && { link }),
      };
      outcomes.push(
        await this.messages.send(message).then(
          (): Outcome => ({ status: 'sent' }),
          (error: unknown): Outcome => ({
            status: error instanceof MessageDeliveryError && error.permanent ? 'failed' : 'retry',
            error: reasonOf(error),
          }),
        ),
      );
    }
    await this.saveKeepingErasures([this.after(record, outcomes, now)]);
  }

  /** An erasure may have removed the records while they were being sent: they must not come back. */
  private async saveKeepingErasures(records: readonly DeliveryRecord[]): Promise<void> {
    await this.store.save(records, undefined);
    await this.erasedMeanwhile.forgetAfterSaving(records);
  }

  /** Sent when every target took it (or refused it for good while another took it); otherwise retried, then failed. */
  private after(record: DeliveryRecord, outcomes: readonly Outcome[], now: Date): DeliveryRecord {
    const attempts = record.attempts + 1;
    const retry = outcomes.find((o) => o.status === 'retry');
    const failed = outcomes.filter((o) => o.status === 'failed');
    if (!retry && failed.length < outcomes.length)
      return updated(record, { status: 'sent', attempts, sentAt: now.toISOString(), lastError: null });
    const lastError = ((retry ?? failed[0]) as { error: string }).error;
    this.logger.warn(
      `notification message ${record._id} (${record.channel}) attempt ${attempts}: ${lastError}`,
    );
    if (!retry || attempts >= this.settings.maxAttempts)
      return updated(record, { status: 'failed', attempts, lastError });
    const wait = retryAfterMs(attempts, {
      baseMs: this.settings.retryBaseMs,
      maxMs: this.settings.retryMaxMs,
    });
    return updated(record, { attempts, lastError, dueAt: new Date(now.getTime() + wait).toISOString() });
  }
}
