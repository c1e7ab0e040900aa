import { ChildProcess } from 'node:child_process';
import { childStoresEnv } from './test-config';
import { spawnTs } from './ts-child';
import { waitFor } from './wait-for';

export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [field: string]: unknown;
}

/** The real entry point (src/main.ts) in a child process, with its log lines and its exit. */
export class ChildApp {
  readonly logs: LogLine[] = [];
  stderr = '';
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly child: ChildProcess;

  /** With the run's MONGO_URL, a data folder's process gets its own database unless `env` names MONGO_URL itself. */
  constructor(args: string[], env: NodeJS.ProcessEnv) {
    const own = env.DATA_DIR && !('MONGO_URL' in env) ? childStoresEnv(env.DATA_DIR) : {};
    this.child = spawnTs('src/main.ts', args, { LOG_LEVEL: 'info', PORT: '0', ...own, ...env });
    let pending = '';
    this.child.stdout!.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop()!;
      for (const line of lines) this.logs.push(parseLine(line));
    });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child.once('exit', (code, signal) => (this.exit = { code, signal }));
  }

  async logged(message: string | RegExp, timeoutMs = 30_000): Promise<LogLine> {
    const find = () => this.logs.find((line) => line.msg.match(message));
    await waitFor(
      () => find() !== undefined || this.exit !== undefined,
      `the log line ${message}`,
      timeoutMs,
    );
    const line = find();
    if (!line)
      throw new Error(`Exited ${JSON.stringify(this.exit)} before logging ${message}:\n${this.stderr}`);
    return line;
  }

  /** The address it listens on, once it says so. */
  async url(): Promise<string> {
    return (await this.logged('Suara Warga is listening')).url as string;
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  async exited(timeoutMs = 30_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    await waitFor(() => this.exit !== undefined, 'the process to exit', timeoutMs);
    return this.exit!;
  }

  kill(): void {
    if (this.exit === undefined) this.child.kill('SIGKILL');
  }
}

function parseLine(line: string): LogLine {
  try {
    return JSON.parse(line) as LogLine;
  } catch {
    return { level: 0, msg: line };
  }
}
