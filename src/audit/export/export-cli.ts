// npm run audit:export -- --out <file.ndjson> [--from <position>] [--to <position>]: the events of a position range as
// NDJSON, with the latest checkpoint and an inclusion proof for each, personal fields only as digests. An outsider
// checks it with docs/audit-verify.mjs (node:crypto only). Reads DATA_DIR or the configured stores directly.
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { appConfigFromEnv } from '../../app-config';
import { StartupRefusal } from '../../platform/data-dir';
import { parsePosition } from '../../platform/event-store/stored-event';
import { openAuditStorage } from '../audit-storage';
import { existingPublicKey } from '../checkpoints/signing-key';
import { checkCheckpoints } from '../verify/checkpoint-checks';
import { scanLog } from '../verify/log-scan';
import { checkpointLine, eventLine, headerLine } from './export-lines';

const USAGE = 'Usage: npm run audit:export -- --out <file.ndjson> [--from <position>] [--to <position>]';
const PAGE = 1_000;

function readArguments() {
  let values;
  try {
    ({ values } = parseArgs({
      options: { out: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
    }));
  } catch (error) {
    throw new StartupRefusal(`${(error as Error).message}. ${USAGE}`);
  }
  if (!values.out) throw new StartupRefusal(USAGE);
  const position = (name: 'from' | 'to') => {
    const text = values[name];
    if (text === undefined) return undefined;
    const parsed = parsePosition(text);
    if (parsed === undefined) throw new StartupRefusal(`--${name} must be a position of the log. ${USAGE}`);
    return parsed;
  };
  return { out: values.out, from: position('from'), to: position('to') };
}

async function main(): Promise<void> {
  const { out, from, to } = readArguments();
  const config = appConfigFromEnv();
  const publicKey = existingPublicKey(config.dataDir, config.audit?.signingKey);
  if (!publicKey)
    throw new StartupRefusal('No checkpoint signing key in DATA_DIR or SUARA_AUDIT_SIGNING_KEY');
  const storage = openAuditStorage(config);
  try {
    const scan = await scanLog(storage.events);
    const latest = scan.checkpoints.at(-1)?.checkpoint;
    if (!latest) throw new StartupRefusal('No checkpoint has been signed yet: nothing can prove an export');
    // An export is only as good as its checkpoint: refuse one the log no longer matches.
    const verdict = checkCheckpoints(scan, publicKey);
    if (!verdict.ok)
      throw new StartupRefusal(`The log fails its checks (run npm run audit:verify): ${verdict.line}`);
    const covered = scan.leaves.slice(0, latest.treeSize);
    const first = from ?? BigInt(covered[0]?.position ?? 0);
    const last = to ?? BigInt(covered.at(-1)?.position ?? 0);
    const beyond = BigInt(covered.at(-1)?.position ?? 0);
    if (last > beyond)
      throw new StartupRefusal(
        `The latest checkpoint covers the log up to position ${beyond}: export up to there, or sign a checkpoint first`,
      );
    const indexOf = new Map(covered.map((leaf, index) => [leaf.position, index]));
    const file = createWriteStream(out, { mode: 0o600 });
    const write = (line: object) => file.write(`${JSON.stringify(line)}\n`);
    write(headerLine(publicKey, first, last));
    write(checkpointLine(latest));
    let exported = 0;
    for (let after = first - 1n; ;) {
      const page = (await storage.events.readAll({ after, maxCount: PAGE })).filter(
        (e) => e.position <= last,
      );
      for (const event of page)
        write(eventLine(event, indexOf.get(String(event.position))!, scan.tree, latest.treeSize));
      exported += page.length;
      if (page.length < PAGE) break;
      after = page[page.length - 1].position;
    }
    await new Promise<void>((resolve, reject) =>
      file.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    process.stdout.write(
      `Exported ${exported} events (positions ${first} to ${last}) with their proofs to ${out}\n`,
    );
  } finally {
    await storage.close();
  }
}

main().catch((error: Error) => {
  const known = error instanceof StartupRefusal;
  process.stderr.write(`${known ? error.message : (error?.stack ?? error)}\n`);
  process.exit(1);
});
