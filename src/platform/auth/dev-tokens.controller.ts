import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ValidateIf } from 'class-validator';
import { Role } from '../domain/decider';
import { ApiProblems } from '../http/openapi-responses';
import { DevTokenView } from './dev-token.response';
import { Public } from './public.decorator';
import { IsActorId, IsFacilitatorRegion, IsRole } from './token-claims';
import { TOKENS, Tokens } from './tokens.port';

export class DevTokenRequest {
  // The same definitions the token verifier applies: the issuer never writes a token the verifier refuses.
  @IsActorId()
  actorId!: string;

  // Declared as string: a Role's template-literal type would reach the schema as an unresolvable Object.
  @IsRole()
  role!: string;

  // Absent: a platform-wide facilitator. Null is refused by name rather than read as absent.
  @ValidateIf((request: DevTokenRequest) => request.regionCode !== undefined)
  @IsFacilitatorRegion()
  regionCode?: string;
}

/**
 * Issues tokens for any actor and role (a facilitator optionally bound to a region): only mounted when
 * SUARA_DEV_TOKENS=true (tests, local demos).
 */
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
    const { actorId: id, role, regionCode } = request;
    const region = regionCode === undefined ? {} : { regionCode };
    return { token: await this.tokens.issue({ id, role: role as Role, ...region }) };
  }
}
