import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { AppConfig } from '../../src/app-config';
import { databaseFromUrl } from '../../src/platform/mongodb/mongo-database';

/** Test apps log nothing; TEST_LOG_LEVEL=error shows what a failing end-to-end test's app logged. */
export const TEST_LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';

/** The embedded configuration of a test app or process, in its own data folder. */
export const embeddedConfig = (dataDir: string): AppConfig => ({
  port: 0,
  dataDir,
  logLevel: TEST_LOG_LEVEL,
  eventStore: { kind: 'sqlite', file: join(dataDir, 'events.sqlite') },
  documentStore: { kind: 'sqlite', file: join(dataDir, 'read-models.sqlite') },
  keyStore: { kind: 'sqlite', file: join(dataDir, 'keys.sqlite') },
  devTokens: true,
  // Suites send hundreds of requests from 127.0.0.1; those testing limits pass their own.
  rateLimits: 'off',
  // Far below OWASP's cost so e2e sign-ins stay fast on shared cores; production keeps the default.
  passwordCost: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
});

/**
 * The read-your-writes bound of end-to-end apps on MongoDB: FerretDB's projections (SQLite behind a wire protocol,
 * with redo records for lack of transactions) lag more than 2 s behind the log under CI's load on two cores.
 */
const E2E_MONGO_READ_WAIT_MS = 10_000;

/** End-to-end apps use the run's MONGO_URL only when asked: SUARA_E2E_ON_MONGO=true (the adapter suites always do). */
const e2eMongoUrl = (): string | undefined =>
  process.env.SUARA_E2E_ON_MONGO === 'true' ? process.env.MONGO_URL : undefined;

/**
 * The run's MongoDB server (MONGO_URL, which CI points at FerretDB) with a database of this data folder's own, so a
 * test's read models and keys never meet another test's; two instances on one data folder share it. Undefined when
 * end-to-end apps run embedded.
 */
export function mongoUrlFor(dataDir: string, runUrl = e2eMongoUrl()): string | undefined {
  if (!runUrl) return undefined;
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]*)(?:\/[^?]*)?(\?.*)?$/.exec(runUrl);
  if (!match) throw new Error(`MONGO_URL is not a MongoDB URL: ${runUrl}`);
  const folder = createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
  return `${match[1]}/${encodeURIComponent(`${databaseFromUrl(runUrl)}_${folder}`)}${match[2] ?? ''}`;
}

/**
 * The environment of a child process (the real entry point, the demo seed) on this data folder, storing as testConfig
 * does: the folder's own databases and the longer read wait on MongoDB; otherwise both unset (undefined removes them).
 */
export function childStoresEnv(dataDir: string): NodeJS.ProcessEnv {
  const url = mongoUrlFor(dataDir);
  return { MONGO_URL: url, SUARA_READ_WAIT_MS: url ? String(E2E_MONGO_READ_WAIT_MS) : undefined };
}

/**
 * A test app's configuration: embedded, except that read models and keys go to MongoDB when the run has MONGO_URL
 * (as production puts them), in the data folder's own databases. Events stay in the data folder's SQLite file.
 */
export function testConfig(dataDir: string): AppConfig {
  const url = mongoUrlFor(dataDir);
  if (!url) return embeddedConfig(dataDir);
  const database = databaseFromUrl(url);
  return {
    ...embeddedConfig(dataDir),
    documentStore: { kind: 'mongodb', url },
    keyStore: { kind: 'mongodb', url, database: `${database}-keys`, formerDatabase: database },
    readWaitMs: E2E_MONGO_READ_WAIT_MS,
  };
}
