// npm run audit:verify [-- --checkpoint <file>] [--public-key <file>]: recomputes every hash chain and the Merkle tree of
// the whole log, checks every checkpoint the log holds, and, given a checkpoint an auditor kept, proves the log as it
// is now extends it. Reads DATA_DIR (or EVENTSTORE_URL / MONGO_URL) directly; the server may be stopped. Exit 0 or 1.
import { createPublicKey, KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { appConfigFromEnv } from '../../app-config';
import { StartupRefusal } from '../../platform/data-dir';
import { openAuditStorage } from '../audit-storage';
import { parseCheckpoint, SignedCheckpoint } from '../checkpoints/checkpoint';
import { existingPublicKey } from '../checkpoints/signing-key';
import { MerkleTreeStore } from '../tree/merkle-tree-store';
import { checkCheckpoints, checkKept, Verdict } from './checkpoint-checks';
import { LogScan, scanLog } from './log-scan';
import { firstDifferingLeaf } from './recorded-tree';

const USAGE = 'Usage: npm run audit:verify [-- --checkpoint <kept checkpoint.json>] [--public-key <key.pem>]';

function readArguments(): { kept?: SignedCheckpoint; publicKeyFile?: string } {
  let values;
  try {
    ({ values } = parseArgs({
      options: { checkpoint: { type: 'string' }, 'public-key': { type: 'string' } },
    }));
  } catch (error) {
    throw new StartupRefusal(`${(error as Error).message}. ${USAGE}`);
  }
  const file = values.checkpoint;
  let kept: SignedCheckpoint | undefined;
  if (file !== undefined) {
    try {
      kept = parseCheckpoint(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      throw new StartupRefusal(`Cannot read the checkpoint ${file}: ${(error as Error).message}`);
    }
    if (!kept)
      throw new StartupRefusal(
        `${file} is not a checkpoint (as GET /api/audit/checkpoints/latest serves it)`,
      );
  }
  return { kept, publicKeyFile: values['public-key'] };
}

function publicKeyFrom(
  file: string | undefined,
  dataDir: string,
  fromEnv: string | undefined,
): KeyObject | undefined {
  if (file === undefined) return existingPublicKey(dataDir, fromEnv);
  try {
    return createPublicKey(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new StartupRefusal(`Cannot read the public key ${file}: ${(error as Error).message}`);
  }
}

const chainsVerdict = (scan: LogScan): Verdict => {
  const broken = scan.firstBreak;
  if (!broken)
    return { ok: true, line: `${scan.events} events in ${scan.streams} streams, every link holds` };
  return {
    ok: false,
    line:
      `first broken link: stream ${broken.stream}, revision ${broken.revision}, position ${broken.position} ` +
      `(${broken.reason}): ${broken.detail}`,
  };
};

/** Where the log differs from the tree the server recorded, to locate what a mismatched checkpoint cannot. */
async function locate(tree: MerkleTreeStore | undefined, scan: LogScan, size: number): Promise<string> {
  if (!tree) return 'no recorded tree to locate the change with';
  const difference = await firstDifferingLeaf(tree, scan.leaves, Math.min(size, (await tree.head()).size));
  return (
    difference ?? 'the tree the server recorded agrees with the log now, so it was rebuilt after the change'
  );
}

async function main(): Promise<void> {
  const { kept, publicKeyFile } = readArguments();
  const config = appConfigFromEnv();
  const publicKey = publicKeyFrom(publicKeyFile, config.dataDir, config.audit?.signingKey);
  const storage = openAuditStorage(config);
  let ok = true;
  try {
    const scan = await scanLog(storage.events);
    const tree = storage.documents && new MerkleTreeStore(storage.events, storage.documents);
    const report = async (name: string, verdict: Verdict) => {
      ok &&= verdict.ok;
      const where =
        verdict.mismatchAt === undefined ? '' : `; ${await locate(tree, scan, verdict.mismatchAt)}`;
      process.stdout.write(`${name}: ${verdict.ok ? 'ok' : 'FAIL'}: ${verdict.line}${where}\n`);
    };
    await report('chains', chainsVerdict(scan));
    await report('checkpoints', checkCheckpoints(scan, publicKey));
    if (tree) {
      const difference = await firstDifferingLeaf(tree, scan.leaves, (await tree.head()).size);
      await report(
        'recorded tree',
        difference ? { ok: false, line: difference } : { ok: true, line: 'matches the log' },
      );
    }
    if (kept) await report('kept checkpoint', checkKept(scan, kept, publicKey));
  } finally {
    await storage.close();
  }
  process.exit(ok ? 0 : 1);
}

main().catch((error: Error) => {
  const known = error instanceof StartupRefusal;
  process.stderr.write(`${known ? error.message : (error?.stack ?? error)}\n`);
  process.exit(1);
});
