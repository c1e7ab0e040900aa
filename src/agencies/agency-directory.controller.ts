import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../platform/auth/public.decorator';
import { ApiRead } from '../platform/http/openapi-responses';
import { AgencyListView } from './dto/agency.response';
import { ListAgenciesDto } from './dto/agency-list.query-dto';
import { ListAgencies } from './queries/list-agencies.handler';

/** The public list of agencies (OPD), read from its read model: what filters and routing forms offer. */
@ApiTags('agencies')
@Controller('api/agencies')
export class AgencyDirectoryController {
  constructor(private readonly queries: QueryBus) {}

  @Public()
  @Get()
  @ApiRead(AgencyListView)
  list(@Query() query: ListAgenciesDto) {
    return this.queries.execute(new ListAgencies(query));
  }
}
