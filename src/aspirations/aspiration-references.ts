import { readAgency, requireAgency } from '../agencies/agency-references';
import { Command } from '../platform/domain/decider';
import { readState } from '../platform/commands/handle-command';
import { EventLog } from '../platform/event-log/event-log';
import { AspirationDecider } from './aspiration-decider.provider';
import { AspirationCommand, AssignAspiration, SubmitAspiration } from './domain/aspiration.commands';
import { seenBy } from './domain/aspiration.guards';
import { requireGroupFor } from '../groups/group-membership';
import { aspirationStream } from './domain/aspiration.streams';
import { defaultAgencyFor, isCategory } from './domain/categories';

/** As the API receives it: an assignment may leave the agency to the category's default route. */
export type AspirationInput =
  Exclude<AspirationCommand, AssignAspiration> | Command<'AssignAspiration', { agencyId?: string }>;

/**
 * Resolves what a command refers to outside the aspiration's stream (agencies and their parents), so the
 * decider gets complete facts. The write side reads event streams here, never read models.
 */
export async function resolveReferences(
  log: EventLog,
  decider: AspirationDecider,
  aspirationId: string,
  input: AspirationInput,
): Promise<AspirationCommand> {
  switch (input.type) {
    case 'SubmitAspiration':
      return input.data.groupId === undefined ? input : withGroup(log, input);
    case 'AssignAspiration': {
      const state = await readState(log, decider, aspirationStream(aspirationId));
      const routed =
        state.status !== 'none' && isCategory(state.category) ? defaultAgencyFor(state.category) : undefined;
      const agencyId = input.data.agencyId ?? routed ?? '';
      // Only for those who see it: for anyone else the aspiration does not exist, whatever the agency.
      if (state.status !== 'none' && seenBy(state, input.metadata.actor))
        await requireAgency(log, agencyId, 'agencyId');
      return { ...input, data: { agencyId } };
    }
    case 'ForwardAspiration':
      await requireAgency(log, input.data.toAgencyId, 'toAgencyId');
      return input;
    case 'EscalateAspiration': {
      if (input.data.stage !== 'response') return input;
      const state = await readState(log, decider, aspirationStream(aspirationId));
      const current = 'agencyId' in state ? await readAgency(log, state.agencyId) : undefined;
      const parent = current?.status === 'registered' ? current.parentAgencyId : undefined;
      return { ...input, data: { ...input.data, toAgencyId: parent ?? null } };
    }
    default:
      return input;
  }
}

/**
 * A submission naming a group speaks for it only from one of its members (or a facilitator of its region relaying
 * for a villager): the group must exist (404) and be active (409), and the submitter belong to it (403).
 */
async function withGroup(log: EventLog, input: SubmitAspiration): Promise<SubmitAspiration> {
  const { actor } = input.metadata;
  // Others are refused by the decider for their role, as without a group.
  if (actor.role !== 'citizen' && actor.role !== 'facilitator') return input;
  const group = await requireGroupFor(log, String(input.data.groupId), actor);
  return { ...input, data: { ...input.data, groupName: group.name } };
}
