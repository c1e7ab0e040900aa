import { Module } from '@nestjs/common';
import { EndorsementCommandHandler } from '../endorsements/endorsement-command.handler';
import { AspirationCommandHandler } from './aspiration-command.handler';
import { aspirationDeciderProvider } from './aspiration-decider.provider';
import { AspirationsController } from './aspirations.controller';
import { GetAspirationHistoryHandler } from './history/get-aspiration-history.handler';
import { GetThreadAsOfHandler } from './history/get-thread-as-of.handler';
import { ThreadEvents } from './history/thread-events';
import { GetThreadHandler } from './queries/get-thread.handler';
import { ListThreadsHandler } from './queries/list-threads.handler';
import { GetStatisticsHandler } from './queries/statistics.handler';
import { ThreadsController } from './threads.controller';

@Module({
  controllers: [AspirationsController, ThreadsController],
  providers: [
    aspirationDeciderProvider,
    AspirationCommandHandler,
    EndorsementCommandHandler,
    GetAspirationHistoryHandler,
    GetThreadHandler,
    GetThreadAsOfHandler,
    ThreadEvents,
    ListThreadsHandler,
    GetStatisticsHandler,
  ],
})
export class AspirationsModule {}
