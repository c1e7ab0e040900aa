import { Module } from '@nestjs/common';
import { AgenciesController } from './agencies.controller';
import { AgencyCommandHandler } from './agency-command.handler';

@Module({ controllers: [AgenciesController], providers: [AgencyCommandHandler] })
export class AgenciesModule {}
