import { Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { deriveId } from '../platform/ids';
import { CodeMessagePurpose, oneTimeCodeMessage } from '../platform/messages/one-time-code.message';
import { OUTGOING_MESSAGES, OutgoingMessages, Recipient } from '../platform/messages/outgoing-messages.port';
import { Login } from './domain/login';
import { CODE_DIGITS, CODE_VALID_MINUTES } from './domain/one-time-code';

/** A fresh code: uniformly random from a CSPRNG, zero-padded to six digits. */
export const newCode = (): string => String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');

export const recipientOf = (login: Login): Recipient =>
  login.kind === 'email' ? { kind: 'email', address: login.value } : { kind: 'phone', number: login.value };

/** Sends codes to the login they were issued for, through the outgoing-message port. */
@Injectable()
export class OneTimeCodes {
  constructor(@Inject(OUTGOING_MESSAGES) private readonly messages: OutgoingMessages) {}

  /** `issuedAt` is the position of the event that stored the code's hash: one message id per code. */
  send(
    login: Login,
    purpose: CodeMessagePurpose,
    code: string,
    issuedAt: bigint | undefined,
    validMinutes = CODE_VALID_MINUTES,
  ): Promise<void> {
    const id = deriveId('code-message', login.value, purpose, String(issuedAt));
    const to = recipientOf(login);
    return this.messages.send(oneTimeCodeMessage({ id, to, purpose, code, validMinutes }));
  }
}
