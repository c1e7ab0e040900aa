import { assertNever } from '../../platform/domain/decider';
import { appoint, removeCoordinator } from './coordinators.decide';
import { approve, dissolve, found, GroupDeps } from './founding.decide';
import { GroupCommand } from './group.commands';
import { GroupEvent } from './group.events';
import { GroupState } from './group.state';
import { approveJoin, declineJoin, join, leave } from './membership.decide';

export type { GroupDeps } from './founding.decide';

/** Returns the events a command causes, or throws a DomainError (nothing is written then). */
export function decide(command: GroupCommand, state: GroupState, deps: GroupDeps): GroupEvent[] {
  switch (command.type) {
    case 'FoundGroup':
      return found(command, state, deps);
    case 'ApproveGroup':
      return approve(command, state);
    case 'JoinGroup':
      return join(command, state);
    case 'LeaveGroup':
      return leave(command, state);
    case 'ApproveJoinRequest':
      return approveJoin(command, state);
    case 'DeclineJoinRequest':
      return declineJoin(command, state);
    case 'AppointCoordinator':
      return appoint(command, state);
    case 'RemoveCoordinator':
      return removeCoordinator(command, state);
    case 'DissolveGroup':
      return dissolve(command, state);
    default:
      return assertNever(command);
  }
}
