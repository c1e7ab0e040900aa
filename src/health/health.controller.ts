import { ApiTags } from '@nestjs/swagger';
import { Controller, Get, Inject } from '@nestjs/common';
import { Public } from '../platform/auth/public.decorator';
import { EVENT_STORE, EventStore } from '../platform/event-store/event-store.port';

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  /** Answers once the event store can be read: the platform is up and its log reachable. */
  @Public()
  @Get()
  async health() {
    await this.events.readAll({ maxCount: 1 });
    return { status: 'ok' };
  }
}
