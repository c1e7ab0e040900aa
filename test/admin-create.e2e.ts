import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient } from './support/api-client';
import { freshDataDir, startTestApp } from './support/test-app';
import { embeddedConfig } from './support/test-config';
import { spawnTs } from './support/ts-child';

/** The embedded stores, whatever the run's MONGO_URL: this test reads (or replaces) the data folder's files. */
const startEmbedded = (dataDir: string) => startTestApp(dataDir, undefined, embeddedConfig(dataDir));

const PHONE = '0812-3456-7890';
const PASSWORD = 'kopi tubruk di pagi hari';
const CHILD_DEADLINE_MS = 60_000;

interface Run {
  readonly code: number | null;
  readonly output: string;
  /** What `ps` would show: the child's command line. */
  readonly argv: readonly string[];
}

/** Waits for a child to end; one still running at the deadline is killed and the wait fails. */
function runOf(child: ChildProcess): Promise<Run> {
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk.toString());
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`admin:create did not end within ${CHILD_DEADLINE_MS} ms:\n${output}`));
    }, CHILD_DEADLINE_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(deadline);
      resolve({ code, output, argv: child.spawnargs });
    });
  });
}

/** `npm run admin:create` on the embedded stores of a data folder, the password on stdin or in the environment. */
function adminCreate(dataDir: string, args: string[], password: { stdin: string } | { env: string }) {
  const env = {
    DATA_DIR: dataDir,
    // The data folder's own embedded stores and login key, whatever the test run itself was given.
    MONGO_URL: undefined,
    EVENTSTORE_URL: undefined,
    SUARA_LOGIN_KEY: undefined,
    LOG_LEVEL: 'debug',
    SUARA_ADMIN_PASSWORD: 'env' in password ? password.env : undefined,
  };
  const child = spawnTs('src/admin-create-cli.ts', args, env, 'stdin' in password ? 'pipe' : 'ignore');
  const run = runOf(child);
  if ('stdin' in password) child.stdin!.end(`${password.stdin}\n`);
  return run;
}

const tokenRole = (token: string): unknown =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).role;

describe('npm run admin:create (e2e, child processes)', () => {
  const dataDir = freshDataDir();
  let first: Run;

  beforeAll(async () => {
    first = await adminCreate(dataDir, ['--phone', PHONE, '--name', 'Siti Rahma'], { stdin: PASSWORD });
  });

  it('creates the admin on a fresh data folder, who signs in with a token whose role is admin', async () => {
    expect(first).toMatchObject({ code: 0, output: `Admin created: sign in with ${PHONE}\n` });
    const running = await startEmbedded(dataDir);
    try {
      const api = new ApiClient(running.url);
      const session = await api.send('POST', '/api/sessions', { body: { login: PHONE, password: PASSWORD } });
      expect(session.status).toBe(201);
      const token = session.body.accessToken;
      expect(tokenRole(token)).toBe('admin');
      const agency = {
        agencyId: 'pemkab-katingan',
        name: 'Pemerintah Kabupaten Katingan',
        regionCode: '62.06',
        categories: [],
      };
      const registered = await api.send('POST', '/api/agencies', {
        body: agency,
        token,
        idempotencyKey: randomUUID(),
      });
      expect(registered.status).toBe(201);
    } finally {
      await running.close();
    }
  });

  it('refuses a second run in one line, for another login too', async () => {
    const again = await adminCreate(dataDir, ['--email', 'dua@example.id', '--name', 'Dua'], {
      env: PASSWORD,
    });
    expect(again).toMatchObject({
      code: 1,
      output: 'An admin already exists: further admins are granted by an admin\n',
    });
  });

  it('keeps the password out of the command line, the output and every stored file', () => {
    const stored = readdirSync(dataDir).map((file) => readFileSync(join(dataDir, file)));
    expect(first.argv.join(' ')).not.toContain(PASSWORD);
    expect(first.output).not.toContain(PASSWORD);
    for (const file of stored) expect(file.includes(PASSWORD)).toBe(false);
  });
});

describe('npm run admin:create refusals (e2e, child processes)', () => {
  it('refuses a weak password or a blank name before writing the claim', async () => {
    const dataDir = freshDataDir();
    const weak = await adminCreate(dataDir, ['--phone', PHONE, '--name', 'Siti'], { env: 'pendek' });
    expect(weak).toMatchObject({ code: 1, output: 'The password must be 8–128 characters\n' });
    const asLogin = await adminCreate(dataDir, ['--phone', PHONE, '--name', 'Siti'], { env: '081234567890' });
    expect(asLogin).toMatchObject({
      code: 1,
      output: expect.stringContaining('cannot be your phone number'),
    });
    const noName = await adminCreate(dataDir, ['--phone', PHONE, '--name', ' '], { env: PASSWORD });
    expect(noName).toMatchObject({ code: 1, output: 'The display name must be 1–100 characters\n' });
    const strong = await adminCreate(dataDir, ['--phone', PHONE, '--name', 'Siti'], { env: PASSWORD });
    expect(strong.code).toBe(0);
  });

  it('refuses a login that belongs to an account, and no admin is claimed', async () => {
    const dataDir = freshDataDir();
    const running = await startEmbedded(dataDir);
    try {
      const api = new ApiClient(running.url);
      const body = { phone: PHONE, displayName: 'Siti Rahma', password: PASSWORD };
      expect((await api.send('POST', '/api/accounts', { body })).status).toBe(202);
    } finally {
      await running.close();
    }
    const taken = await adminCreate(dataDir, ['--phone', PHONE, '--name', 'Siti'], { env: PASSWORD });
    expect(taken).toMatchObject({
      code: 1,
      output: 'This phone number or e-mail belongs to another account\n',
    });
    const other = await adminCreate(dataDir, ['--email', 'admin@example.id', '--name', 'Admin'], {
      env: PASSWORD,
    });
    expect(other.code).toBe(0);
  });

  it('refuses a missing login or name with its usage line, and the password on argv is not an option', async () => {
    const dataDir = freshDataDir();
    const noName = await adminCreate(dataDir, ['--phone', PHONE], { env: PASSWORD });
    expect(noName).toMatchObject({ code: 1, output: expect.stringMatching(/^Usage: npm run admin:create/) });
    const onArgv = await adminCreate(dataDir, ['--phone', PHONE, '--name', 'S', '--password', 'x'], {
      env: PASSWORD,
    });
    expect(onArgv).toMatchObject({ code: 1, output: expect.stringContaining("Unknown option '--password'") });
  });
});
