import { accessSync, constants, mkdirSync, statSync } from 'node:fs';

/** A start-up refusal an operator can act on: printed as one line, never as a stack trace. */
export class StartupRefusal extends Error {}

/** The data folder must be a folder this process can write (it is created if missing). */
export function prepareDataDir(dataDir: string): void {
  try {
    if (!statSync(dataDir, { throwIfNoEntry: false })) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new StartupRefusal(`DATA_DIR ${dataDir} cannot be created: ${(error as Error).message}`);
  }
  if (!statSync(dataDir).isDirectory())
    throw new StartupRefusal(`DATA_DIR ${dataDir} is a file, not a folder: set DATA_DIR to a folder`);
  try {
    accessSync(dataDir, constants.W_OK | constants.X_OK);
  } catch {
    throw new StartupRefusal(`DATA_DIR ${dataDir} is not writable by this process`);
  }
}
