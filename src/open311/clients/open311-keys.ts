import { Injectable } from '@nestjs/common';
import { readState } from '../../platform/commands/handle-command';
import { EventLog } from '../../platform/event-log/event-log';
import { open311ClientDecider } from '../domain/open311-client.decider';
import { open311ClientStream } from '../domain/open311-client.streams';
import { clientIdOf, sameKeyHash } from './api-key';

/** A client application whose key was presented and holds. */
export interface KnownClient {
  readonly clientId: string;
  readonly name: string;
}

/**
 * Checks an api_key against its client's stream (never a read model), on every request: a revoked key stops
 * working at once, on every instance.
 */
@Injectable()
export class Open311Keys {
  constructor(private readonly log: EventLog) {}

  async clientOf(apiKey: string): Promise<KnownClient | undefined> {
    const clientId = clientIdOf(apiKey);
    if (clientId === undefined) return undefined;
    const state = await readState(this.log, open311ClientDecider, open311ClientStream(clientId));
    if (state.status !== 'active' || !sameKeyHash(apiKey, state.keyHash)) return undefined;
    return { clientId, name: state.name };
  }
}
