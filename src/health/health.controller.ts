import { GROUPS_PROJECTION } from '../groups/read-models/group.document';
import { ANNOUNCEMENTS_PROJECTION } from '../announcements/read-models/announcement.document';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AGENCIES_PROJECTION } from '../agencies/read-models/agency.document';
import { ENDORSEMENTS_PROJECTION } from '../aspirations/read-models/endorsement-streams.document';
import { ASPIRATIONS_PROJECTION } from '../aspirations/read-models/thread.document';
import { NOTIFICATIONS_PROJECTION } from '../notifications/read-models/notification.document';
import { CurrentActor } from '../platform/auth/current-actor.decorator';
import { Public } from '../platform/auth/public.decorator';
import { Actor } from '../platform/domain/decider';
import { EVENT_STORE, EventStore } from '../platform/event-store/event-store.port';
import { HealthProblem, IntegrityMonitor } from '../platform/integrity/integrity-monitor';
import { ReadModels } from '../platform/read-models/read-models';
import {
  HealthView,
  LAG_COUNTED_UP_TO,
  LivenessView,
  ReadinessView,
  ReadModelLagView,
} from './health.response';

const READ_MODELS = [
  ASPIRATIONS_PROJECTION,
  AGENCIES_PROJECTION,
  NOTIFICATIONS_PROJECTION,
  ENDORSEMENTS_PROJECTION,
  GROUPS_PROJECTION,
  ANNOUNCEMENTS_PROJECTION,
];

type Problem = HealthProblem | { readonly kind: 'storage_unavailable'; readonly error: string };

const statusOf = (problems: readonly Problem[]) => (problems.length === 0 ? 'ok' : 'degraded');

// Stream names, key ids and storage errors help an attacker map the system: only operators' roles read them.
const seesDetails = (viewer: Actor | undefined) => viewer?.role === 'admin' || viewer?.role === 'auditor';

/** What a problem says to whoever asked: its kind (and the projection) to anyone, everything to admins and auditors. */
const shownTo = (viewer: Actor | undefined) => (problem: Problem) =>
  seesDetails(viewer)
    ? problem
    : { kind: problem.kind, ...('projection' in problem ? { projection: problem.projection } : {}) };

@ApiTags('health')
@ApiExtraModels(ReadModelLagView)
@Controller('api/health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly readModels: ReadModels,
    private readonly integrity: IntegrityMonitor,
  ) {}

  /** Readiness with how far each read model lags behind the event log; always 200, for dashboards. */
  @Public()
  @Get()
  @ApiOkResponse({ type: HealthView, description: 'Always 200; status and problems follow readiness' })
  async health(@CurrentActor() viewer: Actor | undefined) {
    try {
      const head = (await this.events.headPosition()) ?? 0n;
      const projections = Object.fromEntries(
        await Promise.all(
          READ_MODELS.map(async (name) => {
            const position = await this.readModels.position(name);
            const lag = await this.events.eventsAfter(position, LAG_COUNTED_UP_TO);
            return [name, { position: position.toString(), lag: String(lag) }] as const;
          }),
        ),
      );
      const problems = this.integrity.problems();
      return {
        status: statusOf(problems),
        head: head.toString(),
        projections,
        problems: problems.map(shownTo(viewer)),
      };
    } catch (error) {
      return { status: 'degraded', problems: [unavailable(error)].map(shownTo(viewer)) };
    }
  }

  /** Liveness: the process serves requests. A restart would not cure anything readiness reports. */
  @Public()
  @Get('live')
  @ApiOkResponse({ type: LivenessView })
  live() {
    return { status: 'ok' };
  }

  /** Readiness: 200 only when storage answers, nothing is full, stalled or failed its integrity check. */
  @Public()
  @Get('ready')
  @ApiOkResponse({ type: ReadinessView, description: 'Ready to serve' })
  @ApiResponse({ status: 503, type: ReadinessView, description: 'Not ready: the problems say why' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply, @CurrentActor() viewer: Actor | undefined) {
    const problems: Problem[] = [...this.integrity.problems()];
    try {
      await this.events.headPosition();
      await Promise.all(READ_MODELS.map((name) => this.readModels.position(name)));
    } catch (error) {
      problems.push(unavailable(error));
    }
    void reply.status(problems.length === 0 ? 200 : 503);
    return { status: statusOf(problems), problems: problems.map(shownTo(viewer)) };
  }
}

const unavailable = (error: unknown): Problem => ({
  kind: 'storage_unavailable',
  error: error instanceof Error ? error.message : String(error),
});
