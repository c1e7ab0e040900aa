import { CommandResult } from '../commands/handle-command';
import { positionToString } from '../event-store/stored-event';

/** What a command answers: the id it acted on and the log position to read your own write at. */
export interface CommandResponse {
  readonly id: string;
  readonly position: string | null;
}

export const commandResponse = (id: string, result: CommandResult): CommandResponse => ({
  id,
  position: result.position === undefined ? null : positionToString(result.position),
});
