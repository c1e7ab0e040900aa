import { facilitatesIn } from '../../aspirations/aspiration-access';
import { Actor } from '../../platform/domain/decider';
import { seesGroup } from '../group-access';
import { accessFacts } from '../domain/group.guards';
import { GroupState, isMember } from '../domain/group.state';
import { ReportingGroupFacts } from './domain/monitoring-report.commands';

/** What a report command needs of the group, read from its stream; null when the actor may not see it. */
export function reportingFacts(group: GroupState, actor: Actor): ReportingGroupFacts | null {
  if (group.status === 'none' || !seesGroup(actor, accessFacts(group))) return null;
  return {
    groupId: group.groupId,
    status: group.status,
    actorIsMember: isMember(group, actor.id),
    actorFacilitates: facilitatesIn(actor, group.regionCode),
  };
}
