import { DynamicModule, Inject, Module, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../app-config';
import { OUTGOING_MESSAGES, OutgoingMessages } from '../platform/messages/outgoing-messages.port';
import { AccountRecords } from './account-records';
import { AccountsController } from './accounts.controller';
import { accountsProviders } from './accounts.providers';
import { ChangePasswordHandler } from './change-password.handler';
import { ConfirmAccountHandler } from './confirm-account.handler';
import { AcceptInvitationHandler } from './invitations/accept-invitation.handler';
import { InvitationCodes } from './invitations/invitation-codes';
import { InvitationsController } from './invitations/invitations.controller';
import { InviteHandler } from './invitations/invite.handler';
import { ReissueInvitationHandler, WithdrawInvitationHandler } from './invitations/manage-invitation.handler';
import { erasureControllers, erasureProviders } from './erasure/erasure.providers';
import { OneTimeCodes } from './one-time-codes';
import { RequestPasswordResetHandler, ResetPasswordHandler } from './password-reset.handler';
import { RegisterAccountHandler } from './register-account.handler';
import { ReissueConfirmationCodeHandler } from './reissue-confirmation-code.handler';
import { AccountRolesController } from './roles/account-roles.controller';
import { AgencyRoster } from './roles/agency-roster';
import { GrantRoleHandler, RevokeRoleHandler } from './roles/role-changes.handler';
import { EndSessionsHandler } from './sessions/end-sessions.handler';
import { RefreshSessionHandler, SignOutHandler } from './sessions/refresh-session.handler';
import { SessionIssuer } from './sessions/session-tokens';
import { MyAccountController, SessionsController } from './sessions/sessions.controller';
import { SignInHandler } from './sessions/sign-in.handler';

/** Accounts, codes and sessions: who people are and how they sign in. */
@Module({})
export class AccountsModule implements OnModuleDestroy {
  constructor(@Inject(OUTGOING_MESSAGES) private readonly messages: OutgoingMessages) {}

  static with(config: AppConfig): DynamicModule {
    return {
      module: AccountsModule,
      // The one outgoing-message port of the app (notifications send through it too): one writer per outbox file.
      // AccountRecords finds a person by login for Open311's attribution, through the reservation streams.
      global: true,
      exports: [OUTGOING_MESSAGES, AccountRecords],
      controllers: [
        AccountsController,
        SessionsController,
        MyAccountController,
        InvitationsController,
        AccountRolesController,
        ...erasureControllers,
      ],
      providers: [
        ...accountsProviders(config),
        AccountRecords,
        OneTimeCodes,
        SessionIssuer,
        RegisterAccountHandler,
        ConfirmAccountHandler,
        ReissueConfirmationCodeHandler,
        RequestPasswordResetHandler,
        ResetPasswordHandler,
        ChangePasswordHandler,
        SignInHandler,
        RefreshSessionHandler,
        SignOutHandler,
        EndSessionsHandler,
        AgencyRoster,
        InvitationCodes,
        InviteHandler,
        ReissueInvitationHandler,
        WithdrawInvitationHandler,
        AcceptInvitationHandler,
        GrantRoleHandler,
        RevokeRoleHandler,
        ...erasureProviders,
      ],
    };
  }

  /** Pending outbox writes finish and SMTP connections close before the process ends. */
  onModuleDestroy(): Promise<void> {
    return this.messages.close();
  }
}
