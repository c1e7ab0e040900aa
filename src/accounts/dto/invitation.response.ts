import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { DATE_TIME, POSITION, UUID } from '../../platform/http/openapi-formats';

@ApiSchema({ name: 'Invitation' })
export class InvitationView {
  @ApiProperty({ ...UUID, description: 'Also the id the account will have: the one role routes take' })
  invitationId!: string;

  @ApiProperty({ enum: ['invited', 'withdrawn'], example: 'invited' })
  status!: 'invited' | 'withdrawn';

  @ApiPropertyOptional({ ...DATE_TIME, description: 'When the code sent last stops working (invited only)' })
  expiresAt?: string;
}

@ApiSchema({ name: 'AccountRole' })
export class AccountRoleView {
  @ApiProperty(UUID) accountId!: string;

  @ApiProperty({
    example: 'official:dinas-pupr',
    description: 'The role the account holds now, as its next token carries it (`citizen` after a revoke)',
  })
  role!: string;

  @ApiPropertyOptional({ example: '62.06', description: 'A facilitator’s region' })
  regionCode?: string;

  @ApiProperty({ ...POSITION, nullable: true, description: 'The position of the change (or of the account)' })
  position!: string | null;
}
