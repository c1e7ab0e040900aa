import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, Delete, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AuthenticatedRequest } from '../platform/auth/auth.guard';
import { metadataOf } from '../platform/commands/command-context';
import { CommandContexts } from '../platform/http/command-contexts';
import { CommandResponse } from '../platform/http/command-response';
import { ApiCommand } from '../platform/http/openapi-responses';
import { AgencyCommand } from './domain/agency.commands';
import { ExecuteAgencyCommand } from './agency-command.handler';
import { AgencyCommandResponseView } from './dto/agency.response';
import { AddOfficialDto, ParentAgencyDto, RegisterAgencyDto, ServedCategoriesDto } from './dto/agency.dto';

type AgencyData<T extends AgencyCommand['type']> = Extract<AgencyCommand, { type: T }>['data'];

/** Agencies (OPD): registered and maintained by admins. Translates requests into commands, nothing more. */
@ApiTags('agencies')
@Controller('api/agencies')
export class AgenciesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
  ) {}

  private send<T extends AgencyCommand['type']>(
    req: AuthenticatedRequest,
    type: T,
    data: AgencyData<T>,
    body: unknown,
  ) {
    const context = this.contexts.of(req);
    const command = { type, data, metadata: metadataOf(context) } as AgencyCommand;
    return this.commands.execute(new ExecuteAgencyCommand(command, context, body));
  }

  @Post()
  @HttpCode(201)
  @ApiCommand(201, AgencyCommandResponseView)
  register(@Req() req: AuthenticatedRequest, @Body() body: RegisterAgencyDto): Promise<CommandResponse> {
    return this.send(req, 'RegisterAgency', { ...body }, body);
  }

  @Post(':agencyId/categories')
  @HttpCode(200)
  @ApiCommand(200, AgencyCommandResponseView)
  setCategories(
    @Req() req: AuthenticatedRequest,
    @Param('agencyId') agencyId: string,
    @Body() body: ServedCategoriesDto,
  ) {
    return this.send(req, 'SetServedCategories', { agencyId, categories: body.categories }, body);
  }

  @Post(':agencyId/parent')
  @HttpCode(200)
  @ApiCommand(200, AgencyCommandResponseView)
  setParent(
    @Req() req: AuthenticatedRequest,
    @Param('agencyId') agencyId: string,
    @Body() body: ParentAgencyDto,
  ) {
    return this.send(req, 'SetParentAgency', { agencyId, parentAgencyId: body.parentAgencyId }, body);
  }

  @Post(':agencyId/officials')
  @HttpCode(201)
  @ApiCommand(201, AgencyCommandResponseView)
  addOfficial(
    @Req() req: AuthenticatedRequest,
    @Param('agencyId') agencyId: string,
    @Body() body: AddOfficialDto,
  ) {
    return this.send(req, 'AddOfficial', { agencyId, ...body }, body);
  }

  @Delete(':agencyId/officials/:officialId')
  @HttpCode(200)
  @ApiCommand(200, AgencyCommandResponseView)
  removeOfficial(
    @Req() req: AuthenticatedRequest,
    @Param('agencyId') agencyId: string,
    @Param('officialId') officialId: string,
  ) {
    return this.send(req, 'RemoveOfficial', { agencyId, officialId }, { officialId });
  }
}
