import type { INestApplication } from '@nestjs/common';
import pino from 'pino';
import { ASPIRATION_DECIDER } from '../aspirations/aspiration-decider.provider';
import { createAspirationDecider, defaultDeadlineRules } from '../aspirations/domain/aspiration.decider';
import { CLOCK, Clock, systemClock } from '../platform/clock';
import { DOCUMENT_STORE } from '../platform/document-store/document-store.port';
import { createIndonesianCalendar } from '../platform/domain/working-days';
import { EventLog } from '../platform/event-log/event-log';
import { Storage } from '../platform/storage';
import { CALENDAR } from '../reference-data/reference-data.module';
import { loadRegionCatalogue } from '../regions/region-catalogue';
import { DeadlineScheduler, SchedulerDeps } from './deadline-scheduler';
import { SCHEDULER_DEFAULTS, SchedulerConfig } from './scheduler.config';

type Sources = Pick<SchedulerDeps, 'log' | 'documents' | 'decider' | 'calendar' | 'clock'>;

/** In the app's process: its stores, its decider and calendar, and its clock (a test's, in the e2e tests). */
export const schedulerSourcesOf = (app: INestApplication): Sources => ({
  log: app.get(EventLog),
  documents: app.get(DOCUMENT_STORE),
  decider: app.get(ASPIRATION_DECIDER),
  calendar: app.get(CALENDAR),
  clock: app.get<Clock>(CLOCK),
});

/** In a process without the app (--projections-only): the reference data and rules the app would load. */
export function schedulerSourcesFrom(storage: Storage): Sources {
  const calendar = createIndonesianCalendar();
  const decider = createAspirationDecider({
    regions: loadRegionCatalogue(),
    calendar,
    rules: defaultDeadlineRules,
  });
  return { log: storage.log, documents: storage.documents, decider, calendar, clock: systemClock };
}

export interface SchedulerOptions {
  readonly config?: Partial<SchedulerConfig>;
  readonly logger: pino.Logger;
  readonly holder: string;
  readonly abandoned?: (holder: string) => boolean;
  readonly leaseTtlMs?: number;
}

/** A started scheduler; stop() it before the stores close, so it gives its lease up. */
export function startDeadlineScheduler(sources: Sources, options: SchedulerOptions): DeadlineScheduler {
  const config = { ...SCHEDULER_DEFAULTS, ...options.config };
  const scheduler = new DeadlineScheduler({ ...sources, ...options, config });
  scheduler.start();
  return scheduler;
}
