// npm run projections:rebuild -- <name>: rebuilds a read model into fresh collections and swaps it in.
import { appConfigFromEnv } from '../src/app-config';
import { personalDataPolicy } from '../src/personal-data-policy';
import { prepareDataDir, StartupRefusal } from '../src/platform/data-dir';
import { KeyStoreMismatchError } from '../src/platform/integrity/integrity-errors';
import { checkKeyStoreMatchesLog } from '../src/platform/integrity/storage-consistency';
import { createLogger } from '../src/platform/logging/logger';
import { closeStorage, openStorage } from '../src/platform/storage';
import { projectionNamed } from './index';
import { rebuild, RebuildProgress } from './runner/rebuild';

const BAR_WIDTH = 30;

function drawProgress({ position, head, events }: RebuildProgress, started: number): void {
  const share = head === 0n ? 1 : Math.min(1, Number((position * 1000n) / head) / 1000);
  const filled = Math.round(share * BAR_WIDTH);
  const rate = Math.round(events / Math.max((Date.now() - started) / 1000, 0.001));
  process.stderr.write(
    `\r[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${(share * 100).toFixed(1)}%  ${events} events  ${rate} events/s `,
  );
}

function projectionNamedOrRefuse(name: string) {
  try {
    return projectionNamed(name);
  } catch (error) {
    throw new StartupRefusal((error as Error).message);
  }
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name) throw new StartupRefusal('Usage: npm run projections:rebuild -- <projection name>');
  const projection = projectionNamedOrRefuse(name);
  const config = appConfigFromEnv();
  prepareDataDir(config.dataDir);
  const storage = openStorage(config, personalDataPolicy);
  await checkKeyStoreMatchesLog(storage.events, storage.keys);
  const crashAfter = process.env.SUARA_CRASH_AFTER_EVENTS;
  const started = Date.now();
  const generation = await rebuild(
    projection,
    {
      events: storage.events,
      documents: storage.documents,
      sealer: storage.log.sealer,
      logger: createLogger(config.logLevel),
      holder: `rebuild:${process.pid}`,
    },
    {
      onProgress: (progress) => drawProgress(progress, started),
      // Test hook: die like a crash, without cleanup, right after the Nth event is committed.
      ...(crashAfter && {
        crashAfterEvents: Number(crashAfter),
        onCrashPoint: () => process.kill(process.pid, 'SIGKILL'),
      }),
    },
  );
  process.stderr.write(
    `\nRebuilt ${name} into generation ${generation} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  await closeStorage(storage);
}

main().catch((error: Error) => {
  // Operator mistakes get one line; anything else is a bug and keeps its stack.
  const known = error instanceof StartupRefusal || error instanceof KeyStoreMismatchError;
  process.stderr.write(`\n${known ? error.message : (error?.stack ?? error)}\n`);
  process.exit(1);
});
