import { Module } from '@nestjs/common';
import { aspirationDeciderProvider } from '../aspirations/aspiration-decider.provider';
import { FollowCommandHandler } from './follow-command.handler';
import { FollowingController } from './following.controller';
import { ListFollowsHandler } from './queries/list-follows.handler';

/** Following aspirations: POST/DELETE /api/aspirations/{id}/follow and GET /api/me/follows. */
@Module({
  controllers: [FollowingController],
  providers: [aspirationDeciderProvider, FollowCommandHandler, ListFollowsHandler],
})
export class FollowingModule {}
