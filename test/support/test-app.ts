import { INestApplication } from '@nestjs/common';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { projections } from '../../projections';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import { createApp } from '../../src/app';
import { Clock, systemClock } from '../../src/platform/clock';
import { AppConfig } from '../../src/app-config';
import { DOCUMENT_STORE } from '../../src/platform/document-store/document-store.port';
import { EventLog } from '../../src/platform/event-log/event-log';
import { EVENT_STORE } from '../../src/platform/event-store/event-store.port';
import { IntegrityMonitor } from '../../src/platform/integrity/integrity-monitor';
import { TEST_LOG_LEVEL, testConfig } from './test-config';
import { waitFor } from './wait-for';

export interface TestApp {
  readonly app: INestApplication;
  readonly url: string;
  readonly config: AppConfig;
  readonly runners: readonly ProjectionRunner[];
  close(): Promise<void>;
}

export const freshDataDir = () => mkdtempSync(join(tmpdir(), 'suara-app-'));

/**
 * A real platform on a free port with its own data folder and its projections, as `npm start` runs it; its read
 * models and keys on the run's MongoDB when MONGO_URL is set (testConfig).
 */
export async function startTestApp(
  dataDir = freshDataDir(),
  clock: Clock = systemClock,
  config?: AppConfig,
  /** Another instance on the same data is another lease holder. */
  holder = `test:${process.pid}`,
): Promise<TestApp> {
  const appConfig = config ?? testConfig(dataDir);
  const app = await createApp(appConfig, clock);
  const runners = projections.map(
    (projection) =>
      new ProjectionRunner(projection, {
        events: app.get(EVENT_STORE),
        documents: app.get(DOCUMENT_STORE),
        sealer: app.get(EventLog).sealer,
        logger: pino({ level: TEST_LOG_LEVEL }),
        holder,
        leaseTtlMs: 1_000,
        integrity: app.get(IntegrityMonitor),
      }),
  );
  try {
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    // A refused start (e.g. a key store that does not match the log) leaves nothing running.
    await app.close();
    throw error;
  }
  runners.forEach((runner) => runner.start());
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const close = async () => {
    await Promise.all(runners.map((runner) => runner.stop()));
    await app.close();
  };
  return { app, url, config: appConfig, runners, close };
}

/**
 * Until every projection has caught up with the log: for a test that wrote over the API without keeping the
 * positions and then reads as a page does, with none (slower read models, such as FerretDB's, lag behind).
 */
export async function projectionsCaughtUp(running: TestApp): Promise<void> {
  const caughtUp = async () =>
    (await Promise.all(running.runners.map((runner) => runner.status()))).every(({ lag }) => lag === 0n);
  await waitFor(caughtUp, 'every projection to catch up with the log', 30_000);
}
