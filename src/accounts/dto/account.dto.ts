import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, Matches, ValidateIf } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { PlainText } from '../../platform/text/plain-text';

// Passwords are checked by the password policy (8–128 characters, NIST); the schema only bounds the input.
const PASSWORD_INPUT_MAX = 1024;
const LOGIN_MAX = 254;
const CODE = /^\d{6}$/;

export class RegisterAccountDto {
  @ApiPropertyOptional({ example: '0812-3456-7890', description: 'A phone number; or send email' })
  @ValidateIf((o) => o.email === undefined || o.phone !== undefined)
  @IsString()
  @Length(3, 32)
  phone?: string;

  @ApiPropertyOptional({ example: 'siti@example.id', description: 'An e-mail address; or send phone' })
  @ValidateIf((o) => o.phone === undefined || o.email !== undefined)
  @IsString()
  @Length(3, LOGIN_MAX)
  email?: string;

  @PlainText({ visible: true, maxLength: 100 }) displayName!: string;
  @IsString() @Length(1, PASSWORD_INPUT_MAX) password!: string;
}

/** `login` is the phone or e-mail as the person types it. */
export class ConfirmAccountDto {
  @IsString() @Length(3, LOGIN_MAX) login!: string;
  @IsString() @Matches(CODE, { message: 'code must be the 6 digits that were sent' }) code!: string;

  @JSONSchema({
    description:
      'The password registered with. When sent, it must match too (a mismatch counts as a wrong code), so a ' +
      "code received for someone else's registration confirms nothing",
  })
  // Absent is allowed (the code alone confirms, as before); null or any other non-string is refused.
  @ValidateIf((o) => o.password !== undefined)
  @IsString()
  @Length(1, PASSWORD_INPUT_MAX)
  password?: string;
}

export class SignInDto {
  @IsString() @Length(1, LOGIN_MAX) login!: string;
  @IsString() @Length(1, PASSWORD_INPUT_MAX) password!: string;
}

export class RefreshTokenDto {
  @IsString() @Length(1, 200) refreshToken!: string;
}

export class ChangePasswordDto {
  @IsString() @Length(1, PASSWORD_INPUT_MAX) currentPassword!: string;
  @IsString() @Length(1, PASSWORD_INPUT_MAX) newPassword!: string;
}

export class LoginDto {
  @IsString() @Length(3, LOGIN_MAX) login!: string;
}

export class ResetPasswordDto {
  @IsString() @Length(3, LOGIN_MAX) login!: string;
  @IsString() @Matches(CODE, { message: 'code must be the 6 digits that were sent' }) code!: string;
  @IsString() @Length(1, PASSWORD_INPUT_MAX) newPassword!: string;
}
