import { join } from 'node:path';
import { AppConfig } from '../../src/app-config';

/** The embedded configuration of a test app or process, in its own data folder. */
export const embeddedConfig = (dataDir: string): AppConfig => ({
  port: 0,
  dataDir,
  logLevel: 'silent',
  eventStore: { kind: 'sqlite', file: join(dataDir, 'events.sqlite') },
  documentStore: { kind: 'sqlite', file: join(dataDir, 'read-models.sqlite') },
  keyStore: { kind: 'sqlite', file: join(dataDir, 'keys.sqlite') },
  devTokens: true,
  // Suites send hundreds of requests from 127.0.0.1; those testing limits pass their own.
  rateLimits: 'off',
  // Far below OWASP's cost so e2e sign-ins stay fast on shared cores; production keeps the default.
  passwordCost: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
});
