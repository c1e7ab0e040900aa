// The one entry point, and the composition root: the only file in src/ that imports projections/ (projections/README.md:
// src/ never does otherwise), because it is where the API and the read side are put together.
//   node dist/src/main.js                     the API, every projection and the deadline scheduler (`npm start`)
//   node dist/src/main.js --api-only          the API alone (more instances behind a load balancer)
//   node dist/src/main.js --projections-only  the projection runners and the deadline scheduler; no HTTP
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { projections } from '../projections';
import { ProjectionRunner } from '../projections/runner/projection-runner';
import { createApp } from './app';
import { AppConfig, appConfigFromEnv } from './app-config';
import { releaseLiveClients } from './live/live-shutdown';
import { LiveGateway } from './live/live.gateway';
import { personalDataPolicy } from './personal-data-policy';
import { MetricSources, startProcessMetrics } from './process-metrics';
import { prepareDataDir, StartupRefusal } from './platform/data-dir';
import { isAbandonedLocalHolder, processLeaseHolder } from './platform/document-store/lease-holder';
import { DOCUMENT_STORE } from './platform/document-store/document-store.port';
import { EventLog } from './platform/event-log/event-log';
import { EVENT_STORE } from './platform/event-store/event-store.port';
import { KeyStoreMismatchError } from './platform/integrity/integrity-errors';
import { checkKeyStoreMatchesLog } from './platform/integrity/storage-consistency';
import { HttpDrain } from './platform/http/http-drain';
import { createLogger } from './platform/logging/logger';
import { closeStorage, openStorage, Storage } from './platform/storage';
import { DeadlineScheduler } from './scheduler/deadline-scheduler';
import {
  schedulerSourcesFrom,
  schedulerSourcesOf,
  startDeadlineScheduler,
} from './scheduler/scheduler-setup';

/** A stop must end within 10 s (container runtimes kill at 10 s): whatever is left at 9 s is abandoned. */
const SHUTDOWN_DEADLINE_MS = 9_000;
const ROLES = { '': 'all', '--api-only': 'api', '--projections-only': 'projections' } as const;
type Role = (typeof ROLES)[keyof typeof ROLES];

interface Running {
  readonly app?: INestApplication;
  readonly stopMetrics?: () => Promise<void>;
  /** Opened here only without the app (which owns and closes its own). */
  readonly storage?: Storage;
  readonly runners: readonly ProjectionRunner[];
  readonly scheduler?: DeadlineScheduler;
  readonly logger: pino.Logger;
}

async function main(): Promise<void> {
  const [role, config] = startupSettings(process.argv.slice(2));
  const logger = createLogger(config.logLevel);
  const app = role === 'projections' ? undefined : await createApp(config);
  const storage = app ? undefined : openStorage(config, personalDataPolicy);
  // The app checks these as it starts (StorageModule); a projections-only process checks them here.
  if (storage) {
    await storage.events.verifyServer();
    await checkKeyStoreMatchesLog(storage.events, storage.keys);
  }
  const runners = role === 'api' ? [] : startRunners(app, storage!, logger);
  // The scheduler reads the threads read model, so it runs where the projections run (one instance acts: a lease).
  const scheduler =
    role === 'api'
      ? undefined
      : startDeadlineScheduler(app ? schedulerSourcesOf(app) : schedulerSourcesFrom(storage!), {
          config: config.scheduler,
          logger,
          holder: processLeaseHolder(),
          abandoned: isAbandonedLocalHolder,
        });
  if (app) {
    await app.listen(config.port, '0.0.0.0');
    const { port } = app.getHttpServer().address() as AddressInfo;
    logger.info(
      { url: `http://127.0.0.1:${port}`, dataDir: config.dataDir, role },
      'Suara Warga is listening',
    );
  } else logger.info({ dataDir: config.dataDir }, 'projections running');
  const stopMetrics =
    config.metrics && (await startProcessMetrics(config.metrics, metricSources(app, storage!), logger));
  const running: Running = { app, storage, runners, scheduler, logger, stopMetrics };
  process.once('SIGTERM', () => void shutDown('SIGTERM', running));
  process.once('SIGINT', () => void shutDown('SIGINT', running));
}

/** The role and the configuration, or a one-line refusal an operator can act on. */
function startupSettings(args: string[]): [Role, AppConfig] {
  const flag = args.join(' ') as keyof typeof ROLES;
  if (!(flag in ROLES))
    throw new StartupRefusal(`Unknown arguments "${flag}": use --api-only or --projections-only`);
  try {
    const config = appConfigFromEnv();
    prepareDataDir(config.dataDir);
    return [ROLES[flag], config];
  } catch (error) {
    throw error instanceof StartupRefusal ? error : new StartupRefusal((error as Error).message);
  }
}

/** What the metrics gauges read: this process's stores, and the app's sockets where it serves HTTP. */
const metricSources = (app: INestApplication | undefined, storage: Storage): MetricSources => ({
  events: app ? app.get(EVENT_STORE) : storage.events,
  documents: app ? app.get(DOCUMENT_STORE) : storage.documents,
  readModels: projections.map((projection) => projection.name),
  app,
});

/** In one process the runners share the app's stores, so an append wakes them at once. */
function startRunners(app: INestApplication | undefined, storage: Storage, logger: pino.Logger) {
  const events = app ? app.get(EVENT_STORE) : storage.events;
  const documents = app ? app.get(DOCUMENT_STORE) : storage.documents;
  const log = app ? app.get(EventLog) : storage.log;
  const holder = processLeaseHolder();
  const runners = projections.map(
    (projection) =>
      new ProjectionRunner(projection, {
        events,
        documents,
        sealer: log.sealer,
        integrity: log.integrity,
        logger,
        holder,
        abandoned: isAbandonedLocalHolder,
      }),
  );
  runners.forEach((runner) => runner.start());
  return runners;
}

/**
 * The one shutdown path: refuse new HTTP work and let requests in flight finish, tell live clients to reconnect,
 * stop the runners and the scheduler (they release their leases, so a successor takes over at once), close storage,
 * exit 0.
 */
async function shutDown(signal: NodeJS.Signals, running: Running): Promise<void> {
  const { app, storage, runners, scheduler, logger, stopMetrics } = running;
  setTimeout(() => {
    logger.error({ deadlineMs: SHUTDOWN_DEADLINE_MS }, 'shutdown did not finish in time; exiting anyway');
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS).unref();
  logger.info({ signal }, 'shutting down');
  try {
    if (app) {
      const answered = await app.get(HttpDrain).drain();
      const clients = releaseLiveClients(app.get(LiveGateway).namespace);
      logger.info({ answered, clients }, 'requests in flight answered, live clients told to reconnect');
    }
    await Promise.all([...runners.map((runner) => runner.stop()), scheduler?.stop(), stopMetrics?.()]);
    await (app ? app.close() : closeStorage(storage!));
  } catch (error) {
    logger.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
  logger.info('stopped');
  process.exit(0);
}

main().catch((error: Error) => {
  if (error instanceof StartupRefusal || error instanceof KeyStoreMismatchError)
    process.stderr.write(`Suara Warga cannot start: ${error.message}\n`);
  else process.stderr.write(`Suara Warga failed to start: ${error?.stack ?? error}\n`);
  process.exit(1);
});
