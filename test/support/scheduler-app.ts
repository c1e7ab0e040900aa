import pino from 'pino';
import { AspirationEvent } from '../../src/aspirations/domain/aspiration.events';
import { aspirationStream } from '../../src/aspirations/domain/aspiration.streams';
import { Clock } from '../../src/platform/clock';
import { EventLog } from '../../src/platform/event-log/event-log';
import { DeadlineScheduler } from '../../src/scheduler/deadline-scheduler';
import { schedulerSourcesOf, startDeadlineScheduler } from '../../src/scheduler/scheduler-setup';
import { startTestApp, TestApp } from './test-app';
import { TEST_LOG_LEVEL, testConfig } from './test-config';
import { waitFor } from './wait-for';

export interface LoggedEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly role: string;
  readonly position: bigint;
}

export interface SchedulingApp extends TestApp {
  readonly scheduler: DeadlineScheduler;
  /** The aspiration's events as the log holds them, with who appended each. */
  events(aspirationId: string): Promise<LoggedEvent[]>;
  /** Waits for this many more completed passes of this instance's scheduler. */
  passes(more: number): Promise<void>;
}

/**
 * A test app whose process also runs the deadline scheduler, as `npm start` does (src/main.ts), looking every 20 ms
 * on the process timer: the test moves the clock and waits for what the scheduler wrote, never for time.
 */
export async function startSchedulingApp(
  dataDir: string,
  clock: Clock,
  holder = `test:${process.pid}`,
): Promise<SchedulingApp> {
  const config = { ...testConfig(dataDir), scheduler: { intervalMs: 20 } };
  const app = await startTestApp(dataDir, clock, config, holder);
  const scheduler = startDeadlineScheduler(schedulerSourcesOf(app.app), {
    config: config.scheduler,
    logger: pino({ level: TEST_LOG_LEVEL }),
    holder,
    // Renewed every pass (20 ms): only a stall of seconds on a loaded machine hands the lease over.
    leaseTtlMs: 3_000,
  });
  const log = app.app.get(EventLog);
  return {
    ...app,
    scheduler,
    async events(aspirationId) {
      const opened = await log.read<AspirationEvent>(aspirationStream(aspirationId));
      return opened.map(({ event, metadata, recorded }) => ({
        type: event.type,
        data: event.data as Record<string, unknown>,
        role: metadata.role,
        position: recorded.position,
      }));
    },
    async passes(more) {
      const target = scheduler.status().passes + more;
      await waitFor(() => scheduler.status().passes >= target, `${more} more scheduler passes`);
    },
    async close() {
      await scheduler.stop();
      await app.close();
    },
  };
}
