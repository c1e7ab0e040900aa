// npm run seed:demo: fills an empty data folder with a demo of Kabupaten Katingan through the real commands (the
// platform runs as a child process and the seed uses its HTTP API like any client), then prints the accounts.
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { AccountRecords } from '../accounts/account-records';
import { loginKeyOf } from '../accounts/accounts.providers';
import { phoneLogin } from '../accounts/domain/login';
import { createFirstAdmin } from '../accounts/first-admin';
import { appConfigFromEnv } from '../app-config';
import { personalDataPolicy } from '../personal-data-policy';
import { systemClock } from '../platform/clock';
import { prepareDataDir, StartupRefusal } from '../platform/data-dir';
import { Argon2PasswordHasher } from '../platform/passwords/argon2-password-hasher';
import { closeStorage, openStorage } from '../platform/storage';
import { tellAnnouncementStories } from './announcement-stories';
import { Cast, tellAspirationStories } from './aspiration-stories';
import { DemoClient, Person } from './demo-client';
import { tellGroupStories } from './group-stories';
import { agencies, KATINGAN, people } from './katingan';

/** Every demo account signs in with this password: a demo, never a real deployment. */
export const DEMO_PASSWORD = 'katingan-demo-2026';
const ADMIN = { phone: '0811-5000-0001', name: 'Admin Diskominfo Katingan' };

// Messages go to the development outbox (the seed reads the codes there), whatever the operator configured.
const GATEWAY_VARIABLES =
  /^SUARA_(SMTP_|SMS_WEBHOOK_|OUTBOX_FILE|MESSAGES_|WEBHOOK_SECRET|DEV_TOKENS|WEB_PUSH)/;

async function main(): Promise<void> {
  const config = appConfigFromEnv();
  prepareDataDir(config.dataDir);
  await createAdminOfEmptyFolder(config);
  const port = await freePort();
  const platform = startPlatform(config.dataDir, port);
  try {
    const client = new DemoClient(`http://127.0.0.1:${port}`, config.dataDir);
    await ready(client, platform);
    const lines = await seed(client);
    await caughtUp(client, platform);
    process.stdout.write(lines.join('\n') + '\n');
  } finally {
    platform.kill('SIGTERM');
    if (platform.exitCode === null) await once(platform, 'exit');
  }
}

async function createAdminOfEmptyFolder(config: ReturnType<typeof appConfigFromEnv>): Promise<void> {
  const storage = openStorage(config, personalDataPolicy);
  try {
    if ((await storage.events.headPosition()) !== undefined)
      throw new StartupRefusal(
        `The demo fills an empty data folder; ${config.dataDir} already holds events. Use another DATA_DIR.`,
      );
    const records = new AccountRecords(storage.log, loginKeyOf(config), systemClock);
    const hasher = new Argon2PasswordHasher(config.passwordCost);
    const login = phoneLogin(ADMIN.phone);
    await createFirstAdmin(records, hasher, {
      login,
      entered: ADMIN.phone,
      displayName: ADMIN.name,
      password: DEMO_PASSWORD,
    });
  } finally {
    await closeStorage(storage);
  }
}

function startPlatform(dataDir: string, port: number): ChildProcess {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !GATEWAY_VARIABLES.test(name)),
  );
  // The same entry point as npm start; execArgv keeps a TypeScript loader when the seed itself runs under one.
  const child = spawn(process.execPath, [...process.execArgv, require.resolve('../main')], {
    env: { ...env, DATA_DIR: dataDir, PORT: String(port), SUARA_RATE_LIMITS: 'off', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}

async function ready(client: DemoClient, platform: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (platform.exitCode !== null) throw new Error(`The platform stopped (exit ${platform.exitCode})`);
    const answer = await client.send('GET', '/api/health/ready').catch(() => undefined);
    if (answer?.status === 200) return;
    await sleep(100);
  }
  throw new Error('The platform did not become ready within 60 s');
}

/** Every read model has projected the whole log: whoever starts the platform next sees the demo at once. */
async function caughtUp(client: DemoClient, platform: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 1_200; attempt++) {
    if (platform.exitCode !== null) throw new Error(`The platform stopped (exit ${platform.exitCode})`);
    const answer = await client.send('GET', '/api/health').catch(() => undefined);
    const projections = Object.values(answer?.body?.projections ?? { unknown: { lag: '?' } });
    if ((projections as Array<{ lag: string }>).every(({ lag }) => lag === '0')) return;
    await sleep(100);
  }
  throw new Error('The read models did not catch up with the demo within 120 s');
}

async function seed(client: DemoClient): Promise<string[]> {
  const admin = await client.signIn(ADMIN.phone, DEMO_PASSWORD, ADMIN.name);
  for (const agency of agencies)
    await client.must('POST', '/api/agencies', { regionCode: KATINGAN, ...agency }, admin.token);
  const cast: Record<string, Person> = {};
  for (const person of people) {
    const registered = await client.register(person.login, person.name, DEMO_PASSWORD);
    if (person.grant.role !== 'citizen') {
      await client.must('PUT', `/api/accounts/${registered.accountId}/role`, person.grant, admin.token);
      // Signed in again: the new token carries the role.
      cast[person.key] = await client.signIn(registered.login, DEMO_PASSWORD, person.name);
    } else cast[person.key] = registered;
  }
  const aspirations = await tellAspirationStories(client, cast as Cast);
  const groups = await tellGroupStories(client, cast as Cast);
  const announcements = await tellAnnouncementStories(client, cast as Cast, groups);
  return [
    `Demo of Kabupaten Katingan ready: ${agencies.length} agencies, ${people.length + 1} accounts, ` +
      `${aspirations.length} aspirations, ${groups.length} KIM groups with their own, ${announcements} announcements.`,
    `Every account's password: ${DEMO_PASSWORD}`,
    '',
    ...[{ login: ADMIN.phone, about: 'admin: agencies, invitations, roles' }, ...people.map(describe)].map(
      ({ login, about }) => `  ${login.padEnd(32)} ${about}`,
    ),
    '',
    'Start the platform on this data folder (npm start) and sign in at http://localhost:3000/masuk.',
  ];
}

const describe = (person: (typeof people)[number]) => ({
  login: 'phone' in person.login ? person.login.phone : person.login.email,
  about: `${person.name}: ${person.about}`,
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

main().catch((error: Error) => {
  process.stderr.write(`${error instanceof StartupRefusal ? error.message : (error?.stack ?? error)}\n`);
  process.exit(1);
});
