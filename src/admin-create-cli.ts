// npm run admin:create -- --phone <number> | --email <address> --name "<display name>": the first admin of a
// fresh data folder. The password comes from SUARA_ADMIN_PASSWORD or one line of stdin, never from argv,
// which every user of the machine can read in `ps`.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { AccountRecords } from './accounts/account-records';
import { loginKeyOf } from './accounts/accounts.providers';
import { emailLogin, Login, phoneLogin } from './accounts/domain/login';
import { createFirstAdmin } from './accounts/first-admin';
import { appConfigFromEnv } from './app-config';
import { personalDataPolicy } from './personal-data-policy';
import { systemClock } from './platform/clock';
import { prepareDataDir, StartupRefusal } from './platform/data-dir';
import { DomainError } from './platform/domain/domain-errors';
import { KeyStoreMismatchError } from './platform/integrity/integrity-errors';
import { checkKeyStoreMatchesLog } from './platform/integrity/storage-consistency';
import { Argon2PasswordHasher } from './platform/passwords/argon2-password-hasher';
import { closeStorage, openStorage } from './platform/storage';

const USAGE =
  'Usage: npm run admin:create -- --phone <number> | --email <address> --name "<display name>" ' +
  '(password in SUARA_ADMIN_PASSWORD or on stdin)';

function parsedArguments(): { login: Login; entered: string; displayName: string } {
  let values;
  try {
    ({ values } = parseArgs({
      options: { phone: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' } },
    }));
  } catch (error) {
    throw new StartupRefusal(`${(error as Error).message}. ${USAGE}`);
  }
  const { phone, email, name } = values;
  if ((phone === undefined) === (email === undefined) || name === undefined) throw new StartupRefusal(USAGE);
  const entered = phone ?? (email as string);
  return {
    login: phone === undefined ? emailLogin(entered) : phoneLogin(entered),
    entered,
    displayName: name,
  };
}

/** The environment variable, or the first line of stdin (a pipe, a file, or a terminal). */
async function password(): Promise<string> {
  const fromEnv = process.env.SUARA_ADMIN_PASSWORD;
  if (fromEnv !== undefined) return fromEnv;
  if (process.stdin.isTTY) process.stderr.write('Password (shown as typed; prefer a pipe): ');
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  throw new StartupRefusal(`No password: set SUARA_ADMIN_PASSWORD or write it on stdin. ${USAGE}`);
}

async function main(): Promise<void> {
  const admin = { ...parsedArguments(), password: await password() };
  const config = appConfigFromEnv();
  prepareDataDir(config.dataDir);
  const storage = openStorage(config, personalDataPolicy);
  try {
    await checkKeyStoreMatchesLog(storage.events, storage.keys);
    const records = new AccountRecords(storage.log, loginKeyOf(config), systemClock);
    await createFirstAdmin(records, new Argon2PasswordHasher(config.passwordCost), admin);
    process.stdout.write(`Admin created: sign in with ${admin.entered}\n`);
  } finally {
    await closeStorage(storage);
  }
}

main().catch((error: Error) => {
  // Operator mistakes and refusals get one line; anything else is a bug and keeps its stack.
  const known =
    error instanceof StartupRefusal || error instanceof KeyStoreMismatchError || error instanceof DomainError;
  process.stderr.write(`${known ? error.message : (error?.stack ?? error)}\n`);
  process.exit(1);
});
