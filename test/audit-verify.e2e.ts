import { ChildProcess } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { signCheckpoint } from '../src/audit/checkpoints/checkpoint';
import { loadSigningKey } from '../src/audit/checkpoints/signing-key';
import { logLeafHash } from '../src/audit/log-leaf';
import { MemoryMerkleTree } from '../src/audit/merkle/memory-merkle-tree';
import { aspirationStream } from '../src/aspirations/domain/aspiration.streams';
import { ApiClient } from './support/api-client';
import { remove, withEventsTable } from './support/data-folder';
import { actors, registerKatinganAgencies, roadComplaint } from './support/scenario';
import { editData, rehashStream, streamRows } from './support/tamper';
import { freshDataDir, startTestApp } from './support/test-app';
import { embeddedConfig } from './support/test-config';
import { spawnTs } from './support/ts-child';

const CHILD_DEADLINE_MS = 60_000;

interface Run {
  readonly code: number | null;
  readonly output: string;
}

function runOf(child: ChildProcess): Promise<Run> {
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`audit:verify did not end within ${CHILD_DEADLINE_MS} ms:\n${output}`));
    }, CHILD_DEADLINE_MS);
    child.on('error', reject);
    child.on('close', (code) => (clearTimeout(deadline), resolve({ code, output })));
  });
}

/** `npm run audit:verify` on a data folder's own embedded stores, whatever this test run was given. */
const auditVerify = (dataDir: string, ...args: string[]) =>
  runOf(
    spawnTs('src/audit/verify/verify-cli.ts', args, {
      DATA_DIR: dataDir,
      MONGO_URL: undefined,
      EVENTSTORE_URL: undefined,
      SUARA_AUDIT_SIGNING_KEY: undefined,
    }),
  );

const line = (run: Run, check: string) =>
  run.output.split('\n').find((l) => l.startsWith(`${check}: `)) ?? '';

describe('npm run audit:verify on a tampered data folder (e2e, child processes)', () => {
  const original = freshDataDir();
  const threads: string[] = [];
  let keptFile: string;

  /** A copy of the data folder to tamper with, as the stopped server left it. */
  const copy = () => {
    const dataDir = freshDataDir();
    cpSync(original, dataDir, { recursive: true });
    return dataDir;
  };
  const rowsOf = (dataDir: string, stream: string) =>
    withEventsTable(dataDir, (db) => streamRows(db, stream));

  beforeAll(async () => {
    // The embedded stores, whatever the run's MONGO_URL: the verifier CLI reads the data folder's files.
    const running = await startTestApp(original, undefined, embeddedConfig(original));
    try {
      const api = new ApiClient(running.url);
      const { warga, fasilitator, auditor } = actors(api);
      await registerKatinganAgencies(api);
      for (const title of ['Jalan rusak di Kasongan Baru', 'Lampu jalan padam', 'Jembatan kayu lapuk']) {
        const submitted = await warga.post('/api/aspirations', roadComplaint({ title }));
        threads.push(submitted.body.id);
      }
      await fasilitator.post(`/api/aspirations/${threads[0]}/verify`);
      await fasilitator.post(`/api/aspirations/${threads[0]}/assign`, { agencyId: 'dinas-pupr' });
      await fasilitator.post(`/api/aspirations/${threads[1]}/verify`);
      const kept = await auditor.post('/api/audit/checkpoints');
      if (kept.status !== 201) throw new Error(JSON.stringify(kept.body));
      // What an auditor keeps: the checkpoint as the public route serves it.
      keptFile = join(freshDataDir(), 'kept-checkpoint.json');
      writeFileSync(keptFile, JSON.stringify(kept.body));
    } finally {
      await running.close();
    }
  });

  it('passes an intact log, and proves it extends the checkpoint an auditor kept', async () => {
    const run = await auditVerify(copy(), '--checkpoint', keptFile);
    expect(run.code).toBe(0);
    expect(line(run, 'chains')).toMatch(/^chains: ok: 10 events in 7 streams/);
    expect(line(run, 'checkpoints')).toMatch(
      /^checkpoints: ok: 1 checked; the latest covers 9 events .*; 0 event\(s\) after it are protected by the chains alone$/,
    );
    expect(line(run, 'recorded tree')).toBe('recorded tree: ok: matches the log');
    expect(line(run, 'kept checkpoint')).toMatch(/^kept checkpoint: ok: the log extends it: 9 → 9 events/);
  });

  it('names an event edited in the SQLite file by its stream, revision and position', async () => {
    const dataDir = copy();
    const [submitted] = rowsOf(dataDir, aspirationStream(threads[1]));
    withEventsTable(dataDir, (db) => editData(db, submitted.position, 'title', 'Lampu jalan sudah menyala'));
    const run = await auditVerify(dataDir);
    expect(run.code).toBe(1);
    expect(line(run, 'chains')).toContain(
      `chains: FAIL: first broken link: stream ${aspirationStream(threads[1])}, revision 0, position ${submitted.position} (hash_mismatch)`,
    );
  });

  it('catches the same edit with the stream’s hashes recomputed at the checkpoint, and locates it', async () => {
    const dataDir = copy();
    const stream = aspirationStream(threads[1]);
    const [submitted] = rowsOf(dataDir, stream);
    withEventsTable(dataDir, (db) => {
      editData(db, submitted.position, 'title', 'Lampu jalan sudah menyala');
      rehashStream(db, stream);
    });
    const run = await auditVerify(dataDir);
    expect(run.code).toBe(1);
    expect(line(run, 'chains')).toMatch(/^chains: ok/);
    expect(line(run, 'checkpoints')).toMatch(
      /^checkpoints: FAIL: the checkpoint of 9 events signed .*: the log's first 9 events now hash to [0-9a-f]{64}, not/,
    );
    expect(line(run, 'checkpoints')).toContain(
      `the event at position ${submitted.position} (stream ${stream}, revision 0) changed`,
    );
  });

  it('names the event after one deleted from the middle of a stream', async () => {
    const dataDir = copy();
    const stream = aspirationStream(threads[0]);
    const [, verified, assigned] = rowsOf(dataDir, stream);
    withEventsTable(dataDir, (db) =>
      db.prepare('DELETE FROM events WHERE position = ?').run(verified.position),
    );
    const run = await auditVerify(dataDir);
    expect(run.code).toBe(1);
    expect(line(run, 'chains')).toContain(
      `stream ${stream}, revision 2, position ${assigned.position} (revision_gap): revision 1 should follow revision 0`,
    );
  });

  it('catches the last event of a covered stream deleted, where every chain still holds', async () => {
    const dataDir = copy();
    const stream = aspirationStream(threads[1]);
    const [, last] = rowsOf(dataDir, stream);
    withEventsTable(dataDir, (db) => db.prepare('DELETE FROM events WHERE position = ?').run(last.position));
    const run = await auditVerify(dataDir);
    expect(run.code).toBe(1);
    expect(line(run, 'chains')).toMatch(/^chains: ok/);
    expect(line(run, 'checkpoints')).toContain(
      `the event at position ${last.position} (stream ${stream}, revision 1) is gone from the log`,
    );
  });

  it('catches a whole stream deleted', async () => {
    const dataDir = copy();
    const stream = aspirationStream(threads[2]);
    const [only] = rowsOf(dataDir, stream);
    withEventsTable(dataDir, (db) => db.prepare('DELETE FROM events WHERE stream = ?').run(stream));
    const run = await auditVerify(dataDir);
    expect(run.code).toBe(1);
    expect(line(run, 'chains')).toMatch(/^chains: ok: 9 events in 6 streams/);
    expect(line(run, 'checkpoints')).toContain(
      `the event at position ${only.position} (stream ${stream}, revision 0) is gone`,
    );
  });

  it('catches history rewritten and re-signed with the operator’s own key, given the checkpoint an auditor kept', async () => {
    const dataDir = copy();
    const stream = aspirationStream(threads[1]);
    withEventsTable(dataDir, (db) => {
      editData(db, rowsOf(dataDir, stream)[0].position, 'title', 'Lampu jalan sudah menyala');
      rehashStream(db, stream);
    });
    reSignEveryCheckpoint(dataDir);
    // The operator also drops the tree the server recorded, which would still remember the old leaves.
    remove(dataDir, 'read-models.sqlite');
    const forged = await auditVerify(dataDir);
    expect(forged.output).toMatch(/^chains: ok/m);
    expect(forged.output).toMatch(/^checkpoints: ok/m);
    expect(forged.code).toBe(0);
    const run = await auditVerify(dataDir, '--checkpoint', keptFile);
    expect(run.code).toBe(1);
    expect(line(run, 'kept checkpoint')).toMatch(
      /^kept checkpoint: FAIL: the log does NOT extend the checkpoint you kept \(the checkpoint of 9 events signed .*\): the log's first 9 events now hash to [0-9a-f]{64}, not/,
    );
  });

  it('refuses a folder without an event log, and a kept file that is not a checkpoint, in one line', async () => {
    const empty = await auditVerify(freshDataDir());
    expect(empty).toMatchObject({
      code: 1,
      output: expect.stringMatching(/^No event log at .*events\.sqlite/),
    });
    const notCheckpoint = join(freshDataDir(), 'not-a-checkpoint.json');
    writeFileSync(notCheckpoint, '{"treeSize":"nine"}');
    const run = await auditVerify(copy(), '--checkpoint', notCheckpoint);
    expect(run).toMatchObject({ code: 1, output: expect.stringContaining('is not a checkpoint') });
  });
});

/** The operator's forgery: every checkpoint event recomputed over the edited log and signed again with the real key. */
function reSignEveryCheckpoint(dataDir: string): void {
  const db = new Database(join(dataDir, 'events.sqlite'));
  const key = loadSigningKey(dataDir, undefined);
  const tree = new MemoryMerkleTree();
  const row = (position: number) =>
    db
      .prepare<[number], { stream: string; revision: number; hash: string; data: string }>(
        'SELECT stream, revision, hash, data FROM events WHERE position = ?',
      )
      .get(position)!;
  try {
    const positions = db.prepare('SELECT position FROM events ORDER BY position').pluck().all() as number[];
    for (const position of positions) {
      const { stream, data } = row(position);
      if (stream === 'audit-checkpoints') {
        const old = JSON.parse(data);
        const forged = signCheckpoint({ ...old, rootHash: tree.root(old.treeSize).toString('hex') }, key);
        db.prepare('UPDATE events SET data = ? WHERE position = ?').run(JSON.stringify(forged), position);
        rehashStream(db, stream);
      }
      const { revision, hash } = row(position);
      tree.append(logLeafHash({ hash, position: String(position), revision, stream }));
    }
  } finally {
    db.close();
  }
}
