// What auditing costs: the verifier's events per second (every chain and the whole Merkle tree recomputed), the time to
// build a checkpoint at N events (the first follow of an existing log, and the periodic one after it), proof sizes,
// and time travel: a 10,000-event thread seen as of its middle (bench/as-of-fold.ts).
// Each figure comes with a baseline measured in the same run: raw SHA-256 over the same events, or the stream read.
// Run: npm run bench:audit   (BENCH_EVENTS=20000 for a quick look)
import { hash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { signCheckpoint } from '../src/audit/checkpoints/checkpoint';
import { signingKeyFromSeed } from '../src/audit/checkpoints/signing-key';
import { leafHash } from '../src/audit/merkle/merkle-hash';
import { MemoryMerkleTree } from '../src/audit/merkle/memory-merkle-tree';
import { MerkleTreeStore } from '../src/audit/tree/merkle-tree-store';
import { scanLog } from '../src/audit/verify/log-scan';
import { SqliteDocumentStore } from '../src/platform/document-store/sqlite-document-store';
import { SqliteEventStore } from '../src/platform/event-store/sqlite-event-store';
import { NewEvent } from '../src/platform/event-store/stored-event';
import { AS_OF_EVENTS, measureAsOfFold } from './as-of-fold';
import { Report } from './support/report';
import { TARGETS } from './support/targets';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const PER_STREAM = 10;
const GROWTH = 1_000;
const PAGE = 1_000;

const now = new Date().toISOString();
// An official's reply as the EventSealer stores it, with a citizen's sealed actor in the metadata.
const reply = (): NewEvent => ({
  id: randomUUID(),
  type: 'OfficialResponded',
  schemaVersion: 1,
  data: {
    messageId: randomUUID(),
    body: 'Terima kasih. Petugas DPU akan memeriksa saluran air di RT 03 pada hari Kamis.',
    agencyId: 'dinas-pupr',
    respondedAt: now,
  },
  metadata: {
    actor: { $enc: 'v1', k: randomUUID(), iv: 'AAAAAAAAAAAAAAAA', ct: 'x'.repeat(24), tag: 'A'.repeat(22) },
    role: 'official:dinas-pupr',
    commandId: randomUUID(),
    requestDigest: 'd'.repeat(64),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    occurredAt: now,
  },
  keyIds: [],
});

async function fill(store: SqliteEventStore, events: number, prefix: string): Promise<void> {
  const streams = Array.from({ length: events / PER_STREAM }, (_, i) => `${prefix}-${i}`);
  for (let i = 0; i < streams.length; i += 100)
    await Promise.all(
      streams
        .slice(i, i + 100)
        .map((s) => store.append(s, Array.from({ length: PER_STREAM }, reply), 'no_stream')),
    );
}

async function seconds<T>(run: () => Promise<T> | T): Promise<[number, T]> {
  const started = process.hrtime.bigint();
  const result = await run();
  return [Number(process.hrtime.bigint() - started) / 1e9, result];
}

/** The baseline: the same events read the same way, each hashed once as raw bytes. */
async function readAndHashRaw(store: SqliteEventStore): Promise<number> {
  let count = 0;
  for (let after: bigint | undefined; ;) {
    const page = await store.readAll({ after, maxCount: PAGE });
    for (const event of page) hash('sha256', JSON.stringify([event.data, event.metadata]), 'buffer');
    count += page.length;
    if (page.length < PAGE) return count;
    after = page[page.length - 1].position;
  }
}

const rate = (events: number, s: number) => `${Math.round(events / s).toLocaleString('en')} events/s`;
const ms = (s: number) => `${(s * 1000).toFixed(1)} ms`;
const report = new Report('audit', 'Audit: verifier, checkpoints, proofs and time travel (embedded SQLite)', {
  BENCH_EVENTS: EVENTS,
});
const row = (name: string, figure: string, ratio = '') =>
  report.print(`${name.padEnd(52)} ${figure.padStart(18)}  ${ratio}`);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(os.tmpdir(), 'suara-bench-audit-'));
  const events = new SqliteEventStore(join(dir, 'events.sqlite'));
  const documents = new SqliteDocumentStore(join(dir, 'read-models.sqlite'));
  try {
    await fill(events, EVENTS, 'aspiration');
    report.print(
      `${EVENTS.toLocaleString('en')} events, ${PER_STREAM} per stream, ${os.cpus().length} cores`,
    );

    const [raw] = await seconds(() => readAndHashRaw(events));
    const [verify, scan] = await seconds(() => scanLog(events));
    if (scan.firstBreak) throw new Error('the bench log is broken');
    row('baseline: read the log + raw SHA-256 per event', rate(EVENTS, raw));
    row(
      'audit:verify core: chains + Merkle tree',
      rate(EVENTS, verify),
      `${(verify / raw).toFixed(1)}x the baseline's time`,
    );

    const leaves = Array.from({ length: EVENTS }, (_, i) => Buffer.from(`leaf ${i}`));
    const [rawLeaves] = await seconds(() => leaves.forEach((leaf) => hash('sha256', leaf, 'buffer')));
    const [memory] = await seconds(() => {
      const tree = new MemoryMerkleTree();
      for (const leaf of leaves) tree.append(leafHash(leaf));
      return tree.root();
    });
    row('baseline: raw SHA-256 of N leaves', ms(rawLeaves));
    row('Merkle tree of N leaves in memory (root)', ms(memory), `${(memory / rawLeaves).toFixed(1)}x`);
    report.add({
      name: 'audit:verify core: chains + Merkle tree',
      value: EVENTS / verify,
      unit: 'events/s',
      baseline: { name: 'read the log + raw SHA-256 per event', value: EVENTS / raw },
    });
    report.add({
      name: 'Merkle tree of N leaves in memory',
      value: memory * 1000,
      unit: 'ms',
      baseline: { name: 'raw SHA-256 of N leaves', value: rawLeaves * 1000 },
    });

    const key = signingKeyFromSeed(Buffer.alloc(32, 7));
    const tree = new MerkleTreeStore(events, documents);
    const checkpoint = async () => {
      const head = await tree.catchUp();
      const root = await tree.root(head.size);
      return signCheckpoint(
        { logId: key.logId, rootHash: root.toString('hex'), timestamp: now, treeSize: head.size },
        key,
      );
    };
    const [first] = await seconds(checkpoint);
    row(
      'checkpoint, first follow of the whole log (stored tree)',
      ms(first),
      `${(first / raw).toFixed(1)}x the baseline's time`,
    );
    await fill(events, GROWTH, 'later');
    const [periodic] = await seconds(checkpoint);
    row(
      `checkpoint after ${GROWTH.toLocaleString('en')} more events (the periodic one)`,
      ms(periodic),
      `${(periodic / first).toFixed(4)}x the first`,
    );
    const [idle] = await seconds(checkpoint);
    row('checkpoint when nothing was appended (root + signature)', ms(idle));
    report.add({
      name: `checkpoint after ${GROWTH.toLocaleString('en')} more events`,
      value: periodic * 1000,
      unit: 'ms',
      baseline: { name: 'first follow of the whole log', value: first * 1000 },
    });

    const size = (await tree.head()).size;
    const [inclusionTime, inclusion] = await seconds(() => tree.inclusionProof(Math.floor(size / 3), size));
    const [consistencyTime, consistency] = await seconds(() =>
      tree.consistencyProof(Math.floor(size / 2), size),
    );
    const json = (proof: Buffer[]) => JSON.stringify(proof.map((h) => h.toString('hex'))).length;
    row(
      `inclusion proof at ${size.toLocaleString('en')} events`,
      `${inclusion.length} hashes, ${json(inclusion)} B`,
      ms(inclusionTime),
    );
    row(
      `consistency proof ${Math.floor(size / 2).toLocaleString('en')} → ${size.toLocaleString('en')}`,
      `${consistency.length} hashes, ${json(consistency)} B`,
      ms(consistencyTime),
    );

    const asOf = await measureAsOfFold(dir);
    const n = AS_OF_EVENTS.toLocaleString('en');
    const ratio = (value: number) => `${(value / asOf.readStream).toFixed(1)}x the baseline's time`;
    row(`baseline: read a ${n}-event aspiration stream`, ms(asOf.readStream / 1000));
    row(
      '  read, verified and opened (EventLog.read)',
      ms(asOf.readVerified / 1000),
      ratio(asOf.readVerified),
    );
    row(
      '  as of its middle: the fold (foldThread)',
      ms(asOf.foldOnly / 1000),
      `${ratio(asOf.foldOnly)}; target under 50 ms`,
    );
    row(
      '  as of its middle: read up to it, verified, folded',
      ms(asOf.asOfMiddle / 1000),
      ratio(asOf.asOfMiddle),
    );
    // as-of-fold.ts measures in milliseconds already.
    const stream = { name: `read the ${n}-event stream`, value: asOf.readStream };
    const fold = { name: 'as of its middle: the fold', value: asOf.foldOnly, unit: 'ms', baseline: stream };
    report.add({ ...fold, target: TARGETS.asOfFold });
    const view = { name: 'as of its middle: read, verified, folded', value: asOf.asOfMiddle, unit: 'ms' };
    report.add({ ...view, baseline: stream });
    report.finish();
  } finally {
    await events.close();
    await documents.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
