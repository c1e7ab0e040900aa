// npm run audit:projections: rebuilds every read model into scratch collections, up to the position the live one has
// reached, and reports each document where they differ (its id and first differing field). Exit 0 when none do, 1
// otherwise. The live read models are never touched; the scratch collections are dropped at the end.
import { appConfigFromEnv } from '../src/app-config';
import { personalDataPolicy } from '../src/personal-data-policy';
import { prepareDataDir, StartupRefusal } from '../src/platform/data-dir';
import { KeyStoreMismatchError } from '../src/platform/integrity/integrity-errors';
import { checkKeyStoreMatchesLog } from '../src/platform/integrity/storage-consistency';
import { checkpointName, currentGeneration } from '../src/platform/read-models/generations';
import { closeStorage, openStorage, Storage } from '../src/platform/storage';
import { projections } from './index';
import { compareGenerations, ReadModelDifference } from './runner/compare-generations';
import { Projection } from './runner/projection';
import { buildScratchGeneration, dropScratchGeneration } from './runner/scratch-generation';

/** Enough lines to act on; the count says how many more there are. */
const LISTED = 20;

const shown = (value: unknown) => (value === undefined ? 'absent' : JSON.stringify(value));
const describe = (d: ReadModelDifference) =>
  d.field.startsWith('(')
    ? `  ${d.collection}/${d.id}: ${d.field}`
    : `  ${d.collection}/${d.id}: ${d.field}: live ${shown(d.live)}, rebuilt ${shown(d.rebuilt)}`;

async function audit(projection: Projection, storage: Storage): Promise<boolean> {
  const { documents } = storage;
  const live = await currentGeneration(documents, projection.name);
  const position = (await documents.checkpoint(checkpointName(projection.name, live))) ?? 0n;
  const scratch = `audit${Date.now()}`;
  try {
    await buildScratchGeneration(projection, { ...storage, sealer: storage.log.sealer }, scratch, position);
    const differences = await compareGenerations(projection, documents, live, scratch);
    const where = `generation ${live} at position ${position}`;
    if (differences.length === 0) {
      process.stdout.write(`${projection.name}: ok: ${where} matches a fresh rebuild\n`);
      return true;
    }
    process.stdout.write(
      `${projection.name}: FAIL: ${differences.length} document(s) of ${where} differ from a rebuild\n`,
    );
    for (const difference of differences.slice(0, LISTED)) process.stdout.write(`${describe(difference)}\n`);
    if (differences.length > LISTED) process.stdout.write(`  … and ${differences.length - LISTED} more\n`);
    return false;
  } finally {
    await dropScratchGeneration(projection, documents, scratch);
  }
}

async function main(): Promise<void> {
  const config = appConfigFromEnv();
  prepareDataDir(config.dataDir);
  const storage = openStorage(config, personalDataPolicy);
  let ok = true;
  try {
    await checkKeyStoreMatchesLog(storage.events, storage.keys);
    for (const projection of projections) ok = (await audit(projection, storage)) && ok;
  } finally {
    await closeStorage(storage);
  }
  process.exit(ok ? 0 : 1);
}

main().catch((error: Error) => {
  const known = error instanceof StartupRefusal || error instanceof KeyStoreMismatchError;
  process.stderr.write(`${known ? error.message : (error?.stack ?? error)}\n`);
  process.exit(1);
});
