import { assertNever } from '../../platform/domain/decider';
import { AccountCommand } from './account.commands';
import { AccountEvent } from './account.events';
import { AccountState } from './account.state';
import { changePassword, endSessions, requestPasswordReset, resetPassword } from './password.decide';
import { acceptInvitation, invite, reissueInvitation, withdrawInvitation } from './invitation.decide';
import { activate, confirm, erase, register, reissue } from './registration.decide';
import { renewRegistration } from './renewal.decide';
import { grantRole, revokeRole } from './role.decide';

/**
 * Returns the events a command causes, or throws a DomainError (nothing is written then). A wrong code is
 * the one failure returned as an event, ConfirmationCodeFailed, because a throw would not count the attempt:
 * the handler appends it and then answers `accountErrors.wrongCode`. A confirmation with a password that does not
 * match the registration's fails the same way, so the answer never says which of the two was wrong.
 */
export function decide(command: AccountCommand, state: AccountState): AccountEvent[] {
  switch (command.type) {
    case 'RegisterAccount':
      return register(command, state);
    case 'ConfirmAccount':
      return confirm(command, state);
    case 'RenewRegistration':
      return renewRegistration(command, state);
    case 'ActivateAccount':
      return activate(command, state);
    case 'ReissueConfirmationCode':
      return reissue(command, state);
    case 'ChangePassword':
      return changePassword(command, state);
    case 'RequestPasswordReset':
      return requestPasswordReset(command, state);
    case 'ResetPassword':
      return resetPassword(command, state);
    case 'GrantRole':
      return grantRole(command, state);
    case 'RevokeRole':
      return revokeRole(command, state);
    case 'EndSessions':
      return endSessions(command, state);
    case 'EraseAccount':
      return erase(command, state);
    case 'InviteAccount':
      return invite(command, state);
    case 'ReissueInvitation':
      return reissueInvitation(command, state);
    case 'WithdrawInvitation':
      return withdrawInvitation(command, state);
    case 'AcceptInvitation':
      return acceptInvitation(command, state);
    default:
      return assertNever(command);
  }
}
