import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { Role } from '../domain/decider';
import { ApiProblems } from '../http/openapi-responses';
import { DevTokenView } from './dev-token.response';
import { Public } from './public.decorator';
import { IsActorId, IsRole } from './token-claims';
import { TOKENS, Tokens } from './tokens.port';

export class DevTokenRequest {
  // The same definitions the token verifier applies: the issuer never writes a token the verifier refuses.
  @IsActorId()
  actorId!: string;

  // Declared as string: a Role's template-literal type would reach the schema as an unresolvable Object.
  @IsRole()
  role!: string;
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
    return { token: await this.tokens.issue({ id: request.actorId, role: request.role as Role }) };
  }
}
