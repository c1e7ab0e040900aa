import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { PlainText } from '../../platform/text/plain-text';
import { REGION_CODE } from '../domain/account.roles';

// Shapes only: the decider checks the binding (a facilitator's region, no region for anyone else).
const LOGIN_MAX = 254;
const PASSWORD_INPUT_MAX = 1024;
const AGENCY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CODE = /^\d{6}$/;

export const INVITED_ROLES = ['official', 'facilitator'] as const;
export const GRANTED_ROLES = ['official', 'facilitator', 'auditor', 'admin'] as const;
export type RoleName = (typeof GRANTED_ROLES)[number];

const AgencyIdField = () =>
  applyDecorators(
    ApiPropertyOptional({ example: 'dinas-pupr', description: 'For an official: the agency they serve' }),
    ValidateIf((o) => o.agencyId !== undefined),
    IsString(),
    Length(2, 64),
    Matches(AGENCY_ID, { message: 'agencyId must be a kebab-case id such as dinas-pupr' }),
  );

const RegionCodeField = () =>
  applyDecorators(
    ApiPropertyOptional({ example: '62.06', description: 'For a facilitator: a province, regency or lower' }),
    ValidateIf((o) => o.regionCode !== undefined),
    IsString(),
    Matches(REGION_CODE, { message: 'regionCode must look like 62, 62.06 or 62.06.02.1003' }),
  );

/** A role with what binds it: an official to an agency, a facilitator to a region. */
export class RoleBindingDto {
  @IsIn(GRANTED_ROLES) role!: RoleName;
  @AgencyIdField() agencyId?: string;
  @RegionCodeField() regionCode?: string;
}

export class InviteDto {
  @IsIn(INVITED_ROLES) role!: 'official' | 'facilitator';
  @AgencyIdField() agencyId?: string;
  @RegionCodeField() regionCode?: string;

  @ApiPropertyOptional({ example: '0812-3456-7890', description: 'A phone number; or send email' })
  @ValidateIf((o) => o.email === undefined || o.phone !== undefined)
  @IsString()
  @Length(3, 32)
  phone?: string;

  @ApiPropertyOptional({
    example: 'budi@pupr.katingan.go.id',
    description: 'An e-mail address; or send phone',
  })
  @ValidateIf((o) => o.phone === undefined || o.email !== undefined)
  @IsString()
  @Length(3, LOGIN_MAX)
  email?: string;

  @PlainText({ visible: true, maxLength: 100 }) displayName!: string;
}

/** `login` is the phone or e-mail the invitation went to, as the invitee types it. */
export class AcceptInvitationDto {
  @IsString() @Length(3, LOGIN_MAX) login!: string;
  @IsString() @Matches(CODE, { message: 'code must be the 6 digits that were sent' }) code!: string;
  @IsString() @Length(1, PASSWORD_INPUT_MAX) password!: string;
}
