import { Module } from '@nestjs/common';
import { EndorsementCommandHandler } from '../endorsements/endorsement-command.handler';
import { AspirationCommandHandler } from './aspiration-command.handler';
import { aspirationDeciderProvider } from './aspiration-decider.provider';
import { AspirationsController } from './aspirations.controller';
import { GetAspirationHistoryHandler } from './history/get-aspiration-history.handler';

@Module({
  controllers: [AspirationsController],
  providers: [
    aspirationDeciderProvider,
    AspirationCommandHandler,
    EndorsementCommandHandler,
    GetAspirationHistoryHandler,
  ],
})
export class AspirationsModule {}
