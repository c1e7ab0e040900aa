import { parsePosition, positionToString } from '../../platform/event-store/stored-event';
import { ReadModels } from '../../platform/read-models/read-models';
import { ASPIRATIONS_PROJECTION } from '../read-models/thread.document';

/** Waits for the threads read model to reach the client's position; answers with the position it reflects. */
export async function readPosition(readModels: ReadModels, minPosition: string | undefined): Promise<string> {
  const reached = await readModels.reached(
    ASPIRATIONS_PROJECTION,
    minPosition === undefined ? undefined : parsePosition(minPosition),
  );
  return positionToString(reached);
}
