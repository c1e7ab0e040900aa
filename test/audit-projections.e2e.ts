import Database from 'better-sqlite3';
import { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ApiClient } from './support/api-client';
import { actors, roadComplaint } from './support/scenario';
import { freshDataDir, startTestApp } from './support/test-app';
import { embeddedConfig } from './support/test-config';
import { spawnTs } from './support/ts-child';

/** The embedded stores, whatever the run's MONGO_URL: this test reads (or replaces) the data folder's files. */
const startEmbedded = (dataDir: string) => startTestApp(dataDir, undefined, embeddedConfig(dataDir));

function runOf(child: ChildProcess): Promise<{ code: number | null; output: string }> {
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

/** `npm run audit:projections` on a data folder's own embedded stores. */
const auditProjections = (dataDir: string) =>
  runOf(
    spawnTs('projections/audit-projections-cli.ts', [], {
      DATA_DIR: dataDir,
      MONGO_URL: undefined,
      EVENTSTORE_URL: undefined,
    }),
  );

/** Changes one field of a live read-model document behind the projections' back. */
function plant(dataDir: string, table: string, id: string, field: string, value: unknown): void {
  const db = new Database(join(dataDir, 'read-models.sqlite'));
  try {
    const body = db.prepare(`SELECT body FROM ${table} WHERE id = ?`).pluck().get(id) as string;
    db.prepare(`UPDATE ${table} SET body = ? WHERE id = ?`).run(
      JSON.stringify({ ...JSON.parse(body), [field]: value }),
      id,
    );
  } finally {
    db.close();
  }
}

describe('npm run audit:projections (e2e, child processes)', () => {
  const dataDir = freshDataDir();
  let thread: string;

  beforeAll(async () => {
    const running = await startEmbedded(dataDir);
    try {
      const api = new ApiClient(running.url);
      const { warga, fasilitator, auditor } = actors(api);
      thread = (await warga.post('/api/aspirations', roadComplaint())).body.id;
      const verified = await fasilitator.post(`/api/aspirations/${thread}/verify`);
      // Read-your-writes: the live read model has projected the last event before the app stops.
      expect(
        (await auditor.get(`/api/aspirations/${thread}?minPosition=${verified.body.position}`)).status,
      ).toBe(200);
    } finally {
      await running.close();
    }
  });

  it('finds the live read models equal to a fresh rebuild', async () => {
    const run = await auditProjections(dataDir);
    expect(run.output).toMatch(/^aspirations: ok: generation g1 at position 2 matches a fresh rebuild$/m);
    expect(run.code).toBe(0);
  });

  it('names the document and the field of a difference planted in a live read model', async () => {
    plant(dataDir, 'doc_threads__g1', thread, 'status', 'closed');
    const run = await auditProjections(dataDir);
    expect(run.code).toBe(1);
    expect(run.output).toContain(
      'aspirations: FAIL: 1 document(s) of generation g1 at position 2 differ from a rebuild',
    );
    expect(run.output).toMatch(new RegExp(`threads/${thread}: status: live "closed", rebuilt "\\w+"`));
  });
});
