import { Body, Controller, Delete, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedRequest } from '../../platform/auth/auth.guard';
import { metadataOf } from '../../platform/commands/command-context';
import { CommandContexts } from '../../platform/http/command-contexts';
import { UuidParam } from '../../platform/http/id.pipe';
import { ApiProblems } from '../../platform/http/openapi-responses';
import { newId } from '../../platform/ids';
import { apiKeyHash, newApiKey } from './api-key';
import { ExecuteOpen311ClientCommand } from './open311-client.handler';
import { RegisterOpen311ClientDto } from './open311-client.dto';
import { Open311ClientCommandResponseView, Open311ClientIssuedView } from './open311-client.response';

/**
 * Admins issue each Open311 client application its own API key and revoke it. The key is shown once; a lost
 * one is revoked and another issued (so a retried issue makes a second application rather than showing a key).
 */
@ApiTags('open311')
@Controller('api/open311/clients')
export class Open311ClientsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiResponse({ status: 201, type: Open311ClientIssuedView, description: 'Issued: the key, shown once' })
  @ApiProblems(400, 403, 409, 413, 415)
  async issue(@Req() req: AuthenticatedRequest, @Body() body: RegisterOpen311ClientDto) {
    const context = this.contexts.of(req);
    const clientId = newId();
    const apiKey = newApiKey(clientId);
    const data = { clientId, name: body.name, keyHash: apiKeyHash(apiKey) };
    const command = { type: 'RegisterOpen311Client', data, metadata: metadataOf(context) } as const;
    const response = await this.commands.execute(new ExecuteOpen311ClientCommand(command, context));
    return { ...response, apiKey };
  }

  @Delete(':clientId')
  @HttpCode(200)
  @ApiResponse({ status: 200, type: Open311ClientCommandResponseView, description: 'Revoked at once' })
  @ApiProblems(400, 403, 404, 409)
  revoke(@Req() req: AuthenticatedRequest, @Param('clientId', new UuidParam('clientId')) clientId: string) {
    const context = this.contexts.of(req);
    const command = {
      type: 'RevokeOpen311Client',
      data: { clientId },
      metadata: metadataOf(context),
    } as const;
    return this.commands.execute(new ExecuteOpen311ClientCommand(command, context));
  }
}
