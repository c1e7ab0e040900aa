import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../platform/auth/public.decorator';
import { RequestValidationError } from '../platform/http/request-validation.error';
import { ApiProblems } from '../platform/http/openapi-responses';
import { RateLimit } from '../platform/throttling/rate-limit.decorator';
import { ConfirmAccountCommand } from './confirm-account.handler';
import { emailLogin, enteredLogin, Login, phoneLogin } from './domain/login';
import * as dto from './dto/account.dto';
import { AccountOutcomeView } from './dto/session.response';
import { RequestPasswordResetCommand, ResetPasswordCommand } from './password-reset.handler';
import { RegisterAccountCommand } from './register-account.handler';
import { ReissueConfirmationCodeCommand } from './reissue-confirmation-code.handler';

const outcome = (status: AccountOutcomeView['status']): AccountOutcomeView => ({ status });

/** Phone or e-mail, exactly one: the field that was sent is the one a problem names. */
export function registrationLogin({ phone, email }: { phone?: string; email?: string }): {
  login: Login;
  entered: string;
} {
  if (phone !== undefined && email !== undefined)
    throw new RequestValidationError([{ field: 'email', message: 'send phone or email, not both' }]);
  return phone !== undefined
    ? { login: phoneLogin(phone), entered: phone }
    : { login: emailLogin(email as string), entered: email as string };
}

/** Registration, confirmation and password reset: public, since whoever calls has no token yet. */
@ApiTags('accounts')
@Public()
@Controller('api/accounts')
export class AccountsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(202)
  @ApiResponse({
    status: 202,
    type: AccountOutcomeView,
    description:
      'A confirmation code is on its way, unless the login already has an active account (then nothing is ' +
      'sent). A login still waiting for its code is registered anew: new name, password and code',
  })
  @ApiProblems(400, 409, 413, 415)
  @RateLimit('registration', 'codeSending')
  async register(@Body() body: dto.RegisterAccountDto): Promise<AccountOutcomeView> {
    const { login, entered } = registrationLogin(body);
    await this.commands.execute(new RegisterAccountCommand(login, entered, body.displayName, body.password));
    return outcome('accepted');
  }

  @Post('confirmations')
  @HttpCode(200)
  @ApiResponse({ status: 200, type: AccountOutcomeView, description: 'The account is active: sign in' })
  @ApiProblems(400, 404, 409, 413, 415)
  @RateLimit('signIn')
  async confirm(@Body() body: dto.ConfirmAccountDto): Promise<AccountOutcomeView> {
    const command = new ConfirmAccountCommand(enteredLogin(body.login), body.code, body.password);
    await this.commands.execute(command);
    return outcome('confirmed');
  }

  @Post('confirmation-codes')
  @HttpCode(202)
  @ApiResponse({
    status: 202,
    type: AccountOutcomeView,
    description:
      'A new code is on its way when the login waits for confirmation; the answer is the same otherwise',
  })
  @ApiProblems(400, 413, 415)
  @RateLimit('codeSending')
  async reissueCode(@Body() body: dto.LoginDto): Promise<AccountOutcomeView> {
    await this.commands.execute(new ReissueConfirmationCodeCommand(enteredLogin(body.login)));
    return outcome('accepted');
  }

  @Post('password-resets')
  @HttpCode(202)
  @ApiResponse({
    status: 202,
    type: AccountOutcomeView,
    description:
      'A reset code is on its way when an active account holds the login; the answer is the same otherwise',
  })
  @ApiProblems(400, 409, 413, 415)
  @RateLimit('codeSending')
  async requestReset(@Body() body: dto.LoginDto): Promise<AccountOutcomeView> {
    await this.commands.execute(new RequestPasswordResetCommand(enteredLogin(body.login)));
    return outcome('accepted');
  }

  @Post('password-resets/confirmations')
  @HttpCode(200)
  @ApiResponse({
    status: 200,
    type: AccountOutcomeView,
    description: 'The new password is set and every session has ended',
  })
  @ApiProblems(400, 404, 409, 413, 415)
  @RateLimit('signIn')
  async reset(@Body() body: dto.ResetPasswordDto): Promise<AccountOutcomeView> {
    const command = new ResetPasswordCommand(enteredLogin(body.login), body.code, body.newPassword);
    await this.commands.execute(command);
    return outcome('password_reset');
  }
}
