import { Injectable, Logger } from '@nestjs/common';
import { AddOfficial, RemoveOfficial } from '../../agencies/domain/agency.commands';
import { agencyDecider } from '../../agencies/domain/agency.decider';
import { agencyStream } from '../../agencies/domain/agency.streams';
import { CommandContext, metadataOf } from '../../platform/commands/command-context';
import { handleCommand } from '../../platform/commands/handle-command';
import { agencyOfOfficial, Role } from '../../platform/domain/decider';
import { DomainError } from '../../platform/domain/domain-errors';
import { EventLog } from '../../platform/event-log/event-log';
import { deriveId, requestDigestOf } from '../../platform/ids';

const logger = new Logger('AgencyRoster');

// The roster already says so (a retry, or an admin's own edit): nothing to do.
const SETTLED = new Set(['already_official', 'official_not_found', 'agency_not_found']);

/**
 * Keeps agencies' officials lists in step with official roles, through the agency's own command path: the
 * same AddOfficial and RemoveOfficial an admin sends, with command ids derived from the role change, so a
 * retried change never adds anyone twice. The list grants nothing (roles do); it tells who serves where.
 */
@Injectable()
export class AgencyRoster {
  constructor(private readonly log: EventLog) {}

  /**
   * After `from` became `to`: off the old agency's list, onto the new one's (again, when the role did not change:
   * a retry completes a list an interrupted change left behind). `cause` names the change.
   */
  async follow(
    change: { accountId: string; displayName: string; from: Role; to: Role; cause: string },
    context: CommandContext,
  ): Promise<void> {
    const [left, joined] = [agencyOfOfficial(change.from), agencyOfOfficial(change.to)];
    const { accountId: officialId, displayName: name, cause } = change;
    if (left !== undefined && left !== joined)
      await this.send(
        { type: 'RemoveOfficial', data: { agencyId: left, officialId }, metadata: metadataOf(context) },
        cause,
        context,
      );
    if (joined !== undefined)
      await this.send(
        { type: 'AddOfficial', data: { agencyId: joined, officialId, name }, metadata: metadataOf(context) },
        cause,
        context,
      );
  }

  private async send(
    command: AddOfficial | RemoveOfficial,
    cause: string,
    context: CommandContext,
  ): Promise<void> {
    const { agencyId } = command.data;
    try {
      await handleCommand(this.log, agencyDecider, {
        stream: agencyStream(agencyId),
        command,
        commandId: deriveId('agency-roster', cause, command.type, agencyId),
        requestDigest: requestDigestOf(command.type, agencyId, { officialId: command.data.officialId }),
        correlationId: context.correlationId,
      });
    } catch (error) {
      if (!(error instanceof DomainError && SETTLED.has(error.code))) throw error;
      logger.debug(`${command.type} on ${agencyId}: ${error.code}`);
    }
  }
}
