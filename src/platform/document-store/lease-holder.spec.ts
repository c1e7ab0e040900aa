import { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnTs } from '../../../test/support/ts-child';
import { isAbandonedLocalHolder, processLeaseHolder } from './lease-holder';
import { SqliteDocumentStore } from './sqlite-document-store';

// Long enough that no test here can pass by waiting for the lease to expire.
const TTL_MS = 60_000;

/** Starts a process that takes the lease and keeps it; resolves once it holds it, with its holder name. */
async function leaseHoldingChild(file: string, name: string): Promise<[ChildProcess, string]> {
  const child = spawnTs('src/platform/document-store/testing/lease-child.ts', [file, name, String(TTL_MS)]);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = await Promise.race([
    once(child, 'exit'),
    new Promise<[string]>((resolve) => {
      const check = () => output.includes('\n') && resolve(['line']);
      child.stdout!.on('data', check);
    }),
  ]);
  const match = /^held (\S+)\n/.exec(output);
  if (code !== 'line' || !match) throw new Error(`The child did not take the lease: ${output}`);
  return [child, match[1]];
}

describe('lease holders on this host', () => {
  const dir = mkdtempSync(join(tmpdir(), 'suara-lease-'));
  const file = join(dir, 'read-models.sqlite');
  const store = new SqliteDocumentStore(file);
  const children: ChildProcess[] = [];
  afterAll(async () => {
    children.forEach((child) => child.exitCode === null && child.kill('SIGKILL'));
    await store.close();
  });

  it("takes over a SIGKILLed predecessor's lease at once, long before it would expire", async () => {
    const [child, crashed] = await leaseHoldingChild(file, 'projection:crash');
    children.push(child);
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
    const successor = processLeaseHolder();
    const now = new Date();
    // Without knowing the holder is gone it would wait out the TTL…
    expect(await store.acquireLease('projection:crash', successor, TTL_MS, now)).toBe(false);
    // …knowing it, it takes over now.
    expect(isAbandonedLocalHolder(crashed)).toBe(true);
    expect(await store.acquireLease('projection:crash', successor, TTL_MS, now, isAbandonedLocalHolder)).toBe(
      true,
    );
  });

  it('never takes a lease from a live process, from itself or from another host', async () => {
    const [child, living] = await leaseHoldingChild(file, 'projection:alive');
    children.push(child);
    expect(isAbandonedLocalHolder(living)).toBe(false);
    expect(
      await store.acquireLease(
        'projection:alive',
        processLeaseHolder(),
        TTL_MS,
        new Date(),
        isAbandonedLocalHolder,
      ),
    ).toBe(false);
    expect(isAbandonedLocalHolder(processLeaseHolder())).toBe(false);
    expect(isAbandonedLocalHolder(`${hostname()}-elsewhere:${child.pid}:x`)).toBe(false);
    expect(isAbandonedLocalHolder('instance-a')).toBe(false);
    child.kill('SIGKILL');
  });

  it('recognises a recycled pid: a holder named with a live pid but another start is gone', () => {
    const ours = processLeaseHolder();
    expect(ours.startsWith(`${hostname()}:${process.pid}:`)).toBe(true);
    expect(isAbandonedLocalHolder(`${hostname()}:${process.pid}:another-start`)).toBe(true);
  });
});
