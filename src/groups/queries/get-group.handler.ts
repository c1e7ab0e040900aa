import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Actor } from '../../platform/domain/decider';
import { ReadModels } from '../../platform/read-models/read-models';
import { groupSummary, OwnStanding } from '../read-models/group-views';
import { groupsPosition, memberCount, ownStanding, visibleGroup } from './group-read';

export type GroupDetail = ReturnType<typeof groupSummary> & OwnStanding;

/** One group as anyone may see it, with the caller's own standing in it. */
export class GetGroup extends Query<{ group: GroupDetail; position: string }> {
  constructor(
    readonly groupId: string,
    readonly viewer: Actor | undefined,
    readonly minPosition: string | undefined,
  ) {
    super();
  }
}

@QueryHandler(GetGroup)
export class GetGroupHandler implements IQueryHandler<GetGroup> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ groupId, viewer, minPosition }: GetGroup) {
    const position = await groupsPosition(this.readModels, minPosition);
    const visible = await visibleGroup(this.readModels, groupId, viewer);
    const summary = groupSummary(visible.group, await memberCount(this.readModels, groupId));
    return { group: { ...summary, ...ownStanding(visible) }, position };
  }
}
