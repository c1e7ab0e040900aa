import { facilitatesIn } from '../aspirations/aspiration-access';
import { Actor } from '../platform/domain/decider';
import { EventLog } from '../platform/event-log/event-log';
import { groupIdErrors } from './domain/group.errors';
import { ActiveGroup, isMember } from './domain/group.state';
import { readGroup } from './group-references';
import { seesGroup } from './group-access';
import { accessFacts } from './domain/group.guards';

/**
 * The group an aspiration names in `groupId`, checked from the group's stream: 404 when it does not exist (or is a
 * proposal the submitter may not see), 403 when the submitter is neither a member nor a facilitator of its region,
 * 409 while it is a proposal or once dissolved. Each problem names `groupId`.
 */
export async function requireGroupFor(log: EventLog, groupId: string, actor: Actor): Promise<ActiveGroup> {
  const group = await readGroup(log, groupId);
  if (group.status === 'none' || !seesGroup(actor, accessFacts(group))) throw groupIdErrors.notFound();
  const speaksFor =
    actor.role === 'citizen' ? isMember(group, actor.id) : facilitatesIn(actor, group.regionCode);
  if (!speaksFor) throw groupIdErrors.notMember();
  if (group.status !== 'active') throw groupIdErrors.notActive(group.status);
  return group;
}
