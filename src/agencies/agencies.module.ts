import { Module } from '@nestjs/common';
import { AgenciesController } from './agencies.controller';
import { AgencyCommandHandler } from './agency-command.handler';
import { AgencyDirectoryController } from './agency-directory.controller';
import { ListAgenciesHandler } from './queries/list-agencies.handler';

@Module({
  controllers: [AgenciesController, AgencyDirectoryController],
  providers: [AgencyCommandHandler, ListAgenciesHandler],
})
export class AgenciesModule {}
