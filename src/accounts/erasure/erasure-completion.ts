import { Inject, Injectable, Logger } from '@nestjs/common';
import { payloadWithoutPerson } from '../../aspirations/read-models/erased-person';
import { forgetNotifiedPerson } from '../../notifications/erasure/forget-person';
import { commandRequest, metadataOf } from '../../platform/commands/command-context';
import { handleCommand } from '../../platform/commands/handle-command';
import { DomainError } from '../../platform/domain/domain-errors';
import { DOCUMENT_STORE, DocumentStore } from '../../platform/document-store/document-store.port';
import { OUTGOING_MESSAGES, OutgoingMessages } from '../../platform/messages/outgoing-messages.port';
import { KEY_STORE, KeyStore, SubjectErasedError } from '../../platform/personal-data/key-store.port';
import { AccountRecords, askedAbout } from '../account-records';
import { AccountEvent, AccountRegistered } from '../domain/account.events';
import { accountStream } from '../domain/account.streams';
import { loginReservationDecider } from '../domain/login-reservation.decide';
import { Login } from '../domain/login';
import { recipientOf } from '../one-time-codes';
import { dropFrozenCopies, readModelsReached } from './read-models-reached';

/** How long a DELETE /api/me waits for the read models to project the erasure before it leaves the rest to the sweep. */
export const ERASURE_WAIT_MS = 5_000;

/**
 * The steps after AccountErased, in an order that never leaves plaintext behind: everything that needs the person's
 * id or key first, the key itself last. The key still being there is what marks an erasure unfinished, so a crash
 * at any step leaves it for the sweep (erasure-sweep.ts), and every step may run twice.
 */
@Injectable()
export class ErasureCompletion {
  private readonly logger = new Logger('Erasure');

  constructor(
    private readonly records: AccountRecords,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    @Inject(OUTGOING_MESSAGES) private readonly messages: OutgoingMessages,
  ) {}

  /** False when the read models have not projected the erasure (at `position`) within `waitMs`: try again later. */
  async complete(accountId: string, position: bigint, waitMs = ERASURE_WAIT_MS): Promise<boolean> {
    try {
      const login = await this.loginOf(accountId);
      // Someone else may register this phone or e-mail now; the erased account can no longer sign in.
      if (login) await this.releaseLogin(login, accountId);
      // The projection reads which account it was from the event, which needs the key.
      if (!(await readModelsReached(this.documents, position, waitMs))) return false;
      await dropFrozenCopies(this.documents, accountId);
      await this.documents.purgeChanges(
        accountId,
        (payloads) => payloadWithoutPerson(payloads, accountId) as Record<string, unknown>,
      );
      // Their notifications on `me` and the messages kept to deliver them (which hold their subjects and texts).
      await forgetNotifiedPerson(this.documents, accountId);
      if (login) await this.messages.forget(recipientOf(login));
      await this.keys.erase(accountId);
    } catch (error) {
      // Another instance, or the sweep, finished first: the key is gone, and with it the person.
      if (!(error instanceof SubjectErasedError)) throw error;
    }
    this.logger.log(`Erasure at position ${position} is complete`);
    return true;
  }

  /** The login the account registered with; undefined once the key is gone. */
  private async loginOf(accountId: string): Promise<Login | undefined> {
    const history = await this.records.log.read<AccountEvent>(accountStream(accountId));
    const registered = history.find((opened) => opened.event.type === 'AccountRegistered')?.event as
      AccountRegistered | undefined;
    const login = registered?.data.login;
    return typeof login === 'string' ? { kind: registered!.data.loginKind, value: login } : undefined;
  }

  private async releaseLogin(login: Login, accountId: string): Promise<void> {
    const context = this.records.contextFor({ id: accountId, role: 'citizen' });
    const command = {
      type: 'ReleaseLogin',
      data: { login, accountId },
      metadata: metadataOf(context),
    } as const;
    const request = commandRequest(
      this.records.reservationStream(login),
      command,
      context,
      askedAbout(accountId),
    );
    try {
      await handleCommand(this.records.log, loginReservationDecider, request);
    } catch (error) {
      // Released by an earlier run and taken by a new registration since: nothing left to release.
      if (!(error instanceof DomainError && error.code === 'login_not_held')) throw error;
    }
  }
}
