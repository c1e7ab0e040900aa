import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ASPIRATIONS_PROJECTION } from '../aspirations/read-models/thread.document';
import { Public } from '../platform/auth/public.decorator';
import { EVENT_STORE, EventStore } from '../platform/event-store/event-store.port';
import { ReadModels } from '../platform/read-models/read-models';

const READ_MODELS = [ASPIRATIONS_PROJECTION];

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly readModels: ReadModels,
  ) {}

  /** Answers once the stores can be read, with how far each read model lags behind the event log. */
  @Public()
  @Get()
  async health() {
    const head = (await this.events.headPosition()) ?? 0n;
    const projections = Object.fromEntries(
      await Promise.all(
        READ_MODELS.map(async (name) => {
          const position = await this.readModels.position(name);
          return [name, { position: position.toString(), lag: (head - position).toString() }] as const;
        }),
      ),
    );
    return { status: 'ok', head: head.toString(), projections };
  }
}
