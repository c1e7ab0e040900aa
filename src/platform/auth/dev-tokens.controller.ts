import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { IsString, Matches, MaxLength } from 'class-validator';
import { Role } from '../domain/decider';
import { ApiProblems } from '../http/openapi-responses';
import { DevTokenView } from './dev-token.response';
import { Public } from './public.decorator';
import { ROLE_FORMAT } from './roles';
import { TOKENS, Tokens } from './tokens.port';

export class DevTokenRequest {
  @IsString()
  @MaxLength(128)
  @Matches(/^[A-Za-z0-9._:-]+$/, { message: 'actorId may hold letters, digits and . _ : - only' })
  actorId!: string;

  @IsString()
  @Matches(/^(citizen|facilitator|auditor|admin|official:[a-z0-9]+(?:-[a-z0-9]+)*)$/, {
    message: `role must be ${ROLE_FORMAT}`,
  })
  role!: Role;
}

/** Issues tokens for any actor and role: only mounted when SUARA_DEV_TOKENS=true (tests, local demos). */
@ApiTags('development')
@Controller('api/dev/tokens')
export class DevTokensController {
  constructor(@Inject(TOKENS) private readonly tokens: Tokens) {}

  @Public()
  @Post()
  @HttpCode(201)
  @ApiResponse({ status: 201, type: DevTokenView, description: 'A token for that actor and role' })
  @ApiProblems(400, 413, 415)
  async issue(@Body() request: DevTokenRequest): Promise<{ token: string }> {
    return { token: await this.tokens.issue({ id: request.actorId, role: request.role }) };
  }
}
