import { Injectable } from '@nestjs/common';
import { InvitedAccount } from '../domain/account.state';
import { INVITATION_VALID_DAYS } from '../domain/one-time-code';
import { InvitationView } from '../dto/invitation.response';
import { OneTimeCodes } from '../one-time-codes';

/** Sends invitation codes to the invited login, saying how long they last (a week). */
@Injectable()
export class InvitationCodes {
  constructor(private readonly codes: OneTimeCodes) {}

  send(invited: InvitedAccount, code: string, issuedAt: bigint | undefined): Promise<void> {
    return this.codes.send(
      invited.login,
      'accept_invitation',
      code,
      issuedAt,
      INVITATION_VALID_DAYS * 24 * 60,
    );
  }
}

export const invitationView = (invited: InvitedAccount): InvitationView => ({
  invitationId: invited.accountId,
  status: 'invited',
  expiresAt: invited.code.expiresAt,
});
