import { childStoresEnv } from './test-config';
import { spawnTs } from './ts-child';

/** Runs `npm run seed:demo`'s command on a data folder; its exit code and everything it printed. */
export function seedDemo(dataDir: string): Promise<{ code: number | null; output: string }> {
  // The stores a test app on this folder uses (testConfig): the folder's own databases when e2e runs on MongoDB.
  const child = spawnTs('src/demo/seed-demo-cli.ts', [], {
    DATA_DIR: dataDir,
    ...childStoresEnv(dataDir),
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

/** The password the seed printed for every account. */
export const demoPassword = (output: string): string => /Every account's password: (\S+)/.exec(output)![1];
