// The one reporter every benchmark uses: it prints the human-readable output, keeps the figures as structured rows
// (value, baseline from the same run, ratio, target, met/missed) and writes bench/results/<name>.json and .svg.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { evaluate, Figure, Row } from './evaluate';
import { barChart } from './svg-chart';
import { formatNumber, formatTable } from './table';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
}

export interface BenchResult {
  readonly name: string;
  readonly title: string;
  readonly startedAt: string;
  readonly seconds: number;
  readonly machine: Machine;
  /** 1-minute load averages when the benchmark started and ended: a busy machine skews every figure. */
  readonly load: { readonly before: number; readonly after: number };
  readonly settings: Readonly<Record<string, string | number>>;
  readonly rows: readonly Row[];
  /** The human-readable output, as printed. */
  readonly text: readonly string[];
}

export const machine = (): Machine => ({
  cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
  cores: os.cpus().length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()}`,
  node: process.version,
});

/** bench/results/ of the checkout this file runs from (dist/bench/support/ or bench/support/). */
export function resultsDir(): string {
  if (process.env.BENCH_RESULTS_DIR) return process.env.BENCH_RESULTS_DIR;
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'bench', 'results');
}

/** The cells of a row: value, baseline, ratio, target and status. */
export const rowCells = (row: Row): string[] => [
  row.name,
  `${formatNumber(row.value)} ${row.unit}`,
  row.baseline ? `${formatNumber(row.baseline.value)} (${row.baseline.name})` : '',
  row.ratio === null ? '' : `x ${formatNumber(row.ratio)}`,
  row.target?.text ?? '',
  row.status,
];
export const ROW_HEADER = ['figure', 'value', 'baseline (same run)', 'ratio', 'target', 'status'];

export class Report {
  private readonly rows: Row[] = [];
  private readonly lines: string[] = [];
  private readonly started = performance.now();
  private readonly startedAt = new Date().toISOString();
  private readonly loadBefore = os.loadavg()[0];

  constructor(
    readonly name: string,
    readonly title: string,
    private readonly settings: Record<string, string | number> = {},
  ) {
    const m = machine();
    this.print(`${title}`);
    this.print(`machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, node ${m.node}`);
    const shown = Object.entries(settings).map(([key, value]) => `${key}=${value}`);
    if (shown.length) this.print(`settings: ${shown.join(', ')}`);
    this.print(`load average at start: ${this.loadBefore.toFixed(2)}\n`);
  }

  /** Prints a line of the human-readable output and keeps it for the JSON. */
  print(line = ''): void {
    console.log(line);
    this.lines.push(line);
  }

  table(header: readonly string[], rows: readonly (readonly string[])[]): void {
    this.print(formatTable(header, rows));
  }

  /** Records a figure (with its baseline and target, if any) and returns its evaluated row. */
  add(figure: Figure): Row {
    const row = evaluate(figure);
    this.rows.push(row);
    return row;
  }

  /** Prints the figures with their targets and writes bench/results/<name>.json and <name>.svg. */
  finish(): BenchResult {
    const result: BenchResult = {
      name: this.name,
      title: this.title,
      startedAt: this.startedAt,
      seconds: (performance.now() - this.started) / 1000,
      machine: machine(),
      load: { before: this.loadBefore, after: os.loadavg()[0] },
      settings: this.settings,
      rows: this.rows,
      text: this.lines,
    };
    if (this.rows.length) this.print(`\n${formatTable(ROW_HEADER, this.rows.map(rowCells))}`);
    this.print(`load average at end: ${result.load.after.toFixed(2)}`);
    const dir = resultsDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${this.name}.json`), JSON.stringify(result, null, 2) + '\n');
    writeFileSync(join(dir, `${this.name}.svg`), barChart(this.title, this.rows));
    console.log(`\nwrote ${join(dir, this.name)}.json and .svg (${result.seconds.toFixed(0)} s)`);
    return result;
  }
}
