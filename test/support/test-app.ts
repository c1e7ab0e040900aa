import { INestApplication } from '@nestjs/common';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app';
import { Clock, systemClock } from '../../src/platform/clock';
import { AppConfig } from '../../src/platform/config';

export interface TestApp {
  readonly app: INestApplication;
  readonly url: string;
  readonly config: AppConfig;
  close(): Promise<void>;
}

export const freshDataDir = () => mkdtempSync(join(tmpdir(), 'suara-app-'));

/** A real platform on a free port with its own data folder, as `npm start` would run it. */
export async function startTestApp(dataDir = freshDataDir(), clock: Clock = systemClock): Promise<TestApp> {
  const config: AppConfig = {
    port: 0,
    dataDir,
    logLevel: 'silent',
    eventStore: { kind: 'sqlite', file: join(dataDir, 'events.sqlite') },
    devTokens: true,
  };
  const app = await createApp(config, clock);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, config, close: () => app.close() };
}
