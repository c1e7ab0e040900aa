import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { aspirationStream } from '../src/aspirations/domain/aspiration.streams';
import { fieldDigest } from '../src/platform/event-store/event-hash';
import { ApiClient } from './support/api-client';
import { withEventsTable } from './support/data-folder';
import { actors, roadComplaint } from './support/scenario';
import { streamRows } from './support/tamper';
import { freshDataDir, startTestApp } from './support/test-app';
import { embeddedConfig } from './support/test-config';
import { spawnTs } from './support/ts-child';

/** The embedded stores, whatever the run's MONGO_URL: this test reads (or replaces) the data folder's files. */
const startEmbedded = (dataDir: string) => startTestApp(dataDir, undefined, embeddedConfig(dataDir));

const VERIFIER = join(__dirname, '..', 'docs', 'audit-verify.mjs');

/** `npm run audit:export` on a data folder's own embedded stores. */
function auditExport(dataDir: string, args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawnTs('src/audit/export/export-cli.ts', args, {
    DATA_DIR: dataDir,
    MONGO_URL: undefined,
    EVENTSTORE_URL: undefined,
    SUARA_AUDIT_SIGNING_KEY: undefined,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

/** The standalone verifier, as an outsider runs it: plain node, nothing of this codebase. */
const verifyExport = (file: string, ...args: string[]) => {
  const run = spawnSync(process.execPath, [VERIFIER, file, ...args], { encoding: 'utf8' });
  return { code: run.status, output: run.stdout + run.stderr };
};

describe('npm run audit:export and the standalone verifier (e2e)', () => {
  const dataDir = freshDataDir();
  const outDir = freshDataDir();
  const exportFile = join(outDir, 'export.ndjson');
  let publicKeyFile: string;
  let lines: string[];
  let withheldBody: string;

  beforeAll(async () => {
    const running = await startEmbedded(dataDir);
    let thread: string;
    try {
      const api = new ApiClient(running.url);
      const { warga, tetangga, fasilitator, auditor } = actors(api);
      thread = (await warga.post('/api/aspirations', roadComplaint())).body.id;
      await tetangga.post(
        '/api/aspirations',
        roadComplaint({ title: 'Lampu jalan padam di Tumbang Lahang' }),
      );
      await fasilitator.post(`/api/aspirations/${thread}/verify`);
      const endorsed = await tetangga.post(`/api/aspirations/${thread}/endorsements`);
      expect(endorsed.status).toBe(201);
      publicKeyFile = join(outDir, 'public-key.pem');
      writeFileSync(publicKeyFile, (await api.send('GET', '/api/audit/public-key')).body.publicKey);
      expect((await auditor.post('/api/audit/checkpoints')).status).toBe(201);
    } finally {
      await running.close();
    }
    // A legal takedown: the body's content is withheld, only its digest stays, and every hash still verifies.
    withEventsTable(dataDir, (db) => {
      const [submitted] = streamRows(db, aspirationStream(thread));
      const data = JSON.parse(submitted.data);
      withheldBody = fieldDigest(data.body);
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(
        JSON.stringify({ ...data, body: { $withheld: withheldBody } }),
        submitted.position,
      );
    });
    const run = await auditExport(dataDir, ['--from', '1', '--to', '4', '--out', exportFile]);
    expect(run).toMatchObject({
      code: 0,
      output: expect.stringContaining('Exported 4 events (positions 1 to 4)'),
    });
    lines = readFileSync(exportFile, 'utf8').trimEnd().split('\n');
  });

  it('writes the range with its signed checkpoint, personal fields and withheld content only as digests', () => {
    const parsed = lines.map((line) => JSON.parse(line));
    expect(parsed.map((line) => line.kind)).toEqual([
      'log',
      'checkpoint',
      'event',
      'event',
      'event',
      'event',
    ]);
    expect(parsed.slice(2).map((line) => line.event.position)).toEqual(['1', '2', '3', '4']);
    const text = lines.join('\n');
    // Who submitted and who acted (citizens) are sealed with their own keys: neither name nor ciphertext leaves.
    expect(text).not.toMatch(/warga-1|warga-2|"\$enc"/);
    const submitted = parsed.find((line) => line.event?.type === 'AspirationSubmitted').event;
    expect(submitted.data.submittedBy).toEqual({ $withheld: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(submitted.metadata.actor).toEqual({ $withheld: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(submitted.data.body).toEqual({ $withheld: withheldBody });
    expect(submitted.data.title).toBe('Jalan rusak di Kasongan Baru');
  });

  it('verifies with the standalone script, against the public key the auditor obtained', () => {
    const run = verifyExport(exportFile, publicKeyFile);
    expect(run.output).toMatch(
      /^OK: 4 events verified against the checkpoint\(s\) of \d+ events signed by log [0-9a-f]{64}/,
    );
    expect(run.code).toBe(0);
  });

  it('fails after any single byte of an event line is changed', () => {
    const eventLines = lines.map((_, i) => i).filter((i) => JSON.parse(lines[i]).kind === 'event');
    const changed = join(outDir, 'changed.ndjson');
    fc.assert(
      fc.property(
        fc.constantFrom(...eventLines),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (line, at, delta) => {
          const bytes = Buffer.from(lines[line]);
          const offset = at % bytes.length;
          bytes[offset] = (bytes[offset] + delta) % 256;
          writeFileSync(
            changed,
            [...lines.slice(0, line), bytes, ...lines.slice(line + 1)].join('\n') + '\n',
          );
          const run = verifyExport(changed, publicKeyFile);
          expect(run.output).toMatch(/^FAIL: /);
          expect(run.code).toBe(1);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('falls back to the key written in the export, which it names', () => {
    const run = verifyExport(exportFile);
    expect(run).toMatchObject({ code: 0, output: expect.stringMatching(/^OK: 4 events verified/) });
    expect(JSON.parse(lines[0])).toMatchObject({
      kind: 'log',
      publicKey: readFileSync(publicKeyFile, 'utf8'),
    });
  });

  it('fails against another log’s key', () => {
    const otherKey = join(outDir, 'other.pem');
    const { publicKey } = generateKeyPairSync('ed25519');
    writeFileSync(otherKey, publicKey.export({ format: 'pem', type: 'spki' }));
    expect(verifyExport(exportFile, otherKey)).toMatchObject({
      code: 1,
      output: expect.stringContaining('not signed'),
    });
  });

  it('refuses a range the latest checkpoint does not cover', async () => {
    const run = await auditExport(dataDir, ['--to', '999', '--out', join(outDir, 'beyond.ndjson')]);
    expect(run).toMatchObject({
      code: 1,
      output: expect.stringContaining('The latest checkpoint covers the log up to'),
    });
  });
});
