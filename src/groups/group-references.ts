import { accountDecider } from '../accounts/domain/account.decider';
import { accountStream } from '../accounts/domain/account.streams';
import { readState } from '../platform/commands/handle-command';
import { Actor } from '../platform/domain/decider';
import { EventLog } from '../platform/event-log/event-log';
import { groupFold } from './domain/group.decider';
import { GroupEvent } from './domain/group.events';
import { GroupState } from './domain/group.state';
import { groupStream } from './domain/group.streams';

/** A group's state, folded from its stream: what other features check a group against (never a read model). */
export async function readGroup(log: EventLog, groupId: string): Promise<GroupState> {
  const history = await log.read<GroupEvent>(groupStream(groupId));
  return history.reduce((state, opened) => groupFold.evolve(state, opened.event), groupFold.initialState);
}

/**
 * The name a citizen goes by, from their account, for the group's member list; none for an actor without an
 * account (development and external tokens) or with no name to give.
 */
export async function displayNameOf(log: EventLog, actor: Actor): Promise<string | undefined> {
  if (actor.role !== 'citizen') return undefined;
  const account = await readState(log, accountDecider, accountStream(actor.id));
  if (account.status !== 'active' && account.status !== 'pending') return undefined;
  return typeof account.displayName === 'string' ? account.displayName : undefined;
}
