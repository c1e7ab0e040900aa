// The real app as a benchmark drives it: `node dist/src/main.js` in a child process on embedded storage, with the
// probe preloaded (memory after GC, CPU time), development tokens on and the per-address limits off (every
// benchmark client comes from one address).
import { ChildProcess, fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { concretePort } from './ports';

export interface AppOptions {
  /** The data folder; a fresh one under os.tmpdir() when unset. */
  readonly dataDir?: string;
  /** main.ts's role flag, e.g. ['--api-only']. */
  readonly args?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** The request whose first 200 means "started"; /api/health/live by default. */
  readonly readyPath?: string;
}

export interface AppProcess {
  readonly url: string;
  readonly dataDir: string;
  /** From fork() to the first 200 of the ready path, in milliseconds. */
  readonly startMs: number;
  memory(): Promise<NodeJS.MemoryUsage>;
  cpu(): Promise<NodeJS.CpuUsage>;
  /** Waits until the app has used under 10% of a core for a whole second (e.g. a background catch-up ended). */
  idle(maxMs?: number): Promise<number>;
  /** SIGTERM (the app's graceful stop), SIGKILL after 15 s; resolves once the process has exited. */
  stop(): Promise<void>;
  /** SIGKILL: the connections die with the server, so their TIME_WAITs stay off the benchmark's ports. */
  kill(): Promise<void>;
}

const MAIN = join(__dirname, '..', '..', 'src', 'main.js');
const START_TIMEOUT_MS = 300_000;
const POLL_MS = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Keeps the last lines a child printed, to show them if it fails. */
function tail(child: ChildProcess): () => string {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => lines.join('\n');
}

export const PROBE = join(__dirname, 'probe.js');

/** Questions to the probe (bench/support/probe.ts) preloaded in a child, matched to their answers by id. */
export function probe(child: ChildProcess) {
  let next = 0;
  const waiting = new Map<number, (answer: Record<string, unknown>) => void>();
  child.on('message', (answer: { id?: number }) => {
    if (typeof answer?.id === 'number') waiting.get(answer.id)?.(answer as Record<string, unknown>);
  });
  const ask = <T>(question: 'memory' | 'cpu') =>
    new Promise<T>((resolve) => {
      const id = next++;
      waiting.set(id, (answer) => {
        waiting.delete(id);
        resolve(answer[question] as T);
      });
      child.send({ probe: question, id });
    });
  return {
    memory: () => ask<NodeJS.MemoryUsage>('memory'),
    cpu: () => ask<NodeJS.CpuUsage>('cpu'),
  };
}

async function firstAnswer(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}):\n${output()}`);
    const ok = await fetch(url).then(
      (response) => response.body?.cancel().then(() => response.ok) ?? response.ok,
      () => false,
    );
    if (ok) return;
    await sleep(POLL_MS);
  }
  throw new Error(`the app did not answer ${url} within ${START_TIMEOUT_MS} ms:\n${output()}`);
}

export async function startApp(options: AppOptions = {}): Promise<AppProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(os.tmpdir(), 'suara-bench-app-'));
  const port = await concretePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    SUARA_DEV_TOKENS: 'true',
    SUARA_RATE_LIMITS: 'off',
    LOG_LEVEL: 'warn',
    MONGO_URL: '',
    EVENTSTORE_URL: '',
    ...options.env,
  };
  delete env.NODE_ENV;
  const started = performance.now();
  const child = fork(MAIN, [...(options.args ?? [])], {
    env,
    // BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof" profiles the app (NODE_OPTIONS refuses --cpu-prof).
    execArgv: [
      '--expose-gc',
      '--require',
      PROBE,
      ...(process.env.BENCH_APP_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    ],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const output = tail(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await firstAnswer(url + (options.readyPath ?? '/api/health/live'), child, output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const startMs = performance.now() - started;
  const { memory, cpu } = probe(child);
  return {
    url,
    dataDir,
    startMs,
    memory,
    cpu,
    idle: async (maxMs = 180_000) => {
      const begun = performance.now();
      while (performance.now() - begun < maxMs) {
        const before = await cpu();
        await sleep(1_000);
        const after = await cpu();
        const micros = after.user + after.system - before.user - before.system;
        if (micros < 100_000) break;
      }
      return performance.now() - begun;
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
