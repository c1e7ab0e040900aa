// `npm start`: the API and the projections in one process. `npm run start:projections`: the projections only.
import 'reflect-metadata';
import { hostname } from 'node:os';
import { createApp } from '../src/app';
import { configFromEnv } from '../src/platform/config';
import { DOCUMENT_STORE } from '../src/platform/document-store/document-store.port';
import { EventLog } from '../src/platform/event-log/event-log';
import { EVENT_STORE } from '../src/platform/event-store/event-store.port';
import { createLogger } from '../src/platform/logging/logger';
import { closeStorage, openStorage } from '../src/platform/storage';
import { projections } from './index';
import { ProjectionRunner } from './runner/projection-runner';

async function main(): Promise<void> {
  const config = configFromEnv();
  const logger = createLogger(config.logLevel);
  const projectionsOnly = process.argv.includes('--projections-only');
  const app = projectionsOnly ? undefined : await createApp(config);
  // In one process the runners share the app's stores, so an append wakes them at once.
  const storage = app
    ? { events: app.get(EVENT_STORE), documents: app.get(DOCUMENT_STORE), log: app.get(EventLog) }
    : openStorage(config);
  const holder = `${hostname()}:${process.pid}`;
  const runners = projections.map(
    (projection) =>
      new ProjectionRunner(projection, {
        events: storage.events,
        documents: storage.documents,
        sealer: storage.log.sealer,
        logger,
        holder,
        integrity: storage.log.integrity,
      }),
  );
  runners.forEach((runner) => runner.start());
  if (app) {
    await app.listen(config.port, '0.0.0.0');
    logger.info(
      { url: `http://localhost:${config.port}`, dataDir: config.dataDir },
      'Suara Warga is listening',
    );
  } else logger.info('projections running');

  const shutdown = async () => {
    await Promise.all(runners.map((runner) => runner.stop()));
    if (app) await app.close();
    else await closeStorage(storage as ReturnType<typeof openStorage>);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
