import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Where a gauge's current values come from, asked at each scrape; several apps in one process (tests) add theirs. */
type Source = () => Promise<ReadonlyArray<readonly [Record<string, string>, number]>>;

/** Command latencies from a millisecond to ten seconds (an append waits for disk or a majority). */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** A gauge read from sources at scrape time; a source that fails is skipped (and counted as a storage error). */
function sourcedGauge(
  registry: Registry,
  name: string,
  help: string,
  labelNames: string[],
  sources: Set<Source>,
) {
  return new Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      this.reset();
      for (const source of sources) {
        for (const [labels, value] of await source().catch(() => [])) this.inc(labels, value);
      }
    },
  });
}

/**
 * The process's metrics, one registry per process (like its one MongoClient per URL), scraped by Prometheus from
 * the metrics port (metrics-server.ts). Counters are updated where things happen; gauges ask their sources.
 */
export class PlatformMetrics {
  readonly registry = new Registry();
  readonly commandDuration = new Histogram({
    name: 'suara_command_duration_seconds',
    help: 'Time from a command reaching the shared command path to its answer, by command type and outcome',
    labelNames: ['command', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly storageErrors = new Counter({
    name: 'suara_storage_errors_total',
    help: 'Storage operations that failed (not conflicts nor erased subjects), by store and operation',
    labelNames: ['store', 'operation'],
    registers: [this.registry],
  });
  private readonly lag = new Set<Source>();
  private readonly sockets = new Set<Source>();
  private readonly backlog = new Set<Source>();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    sourcedGauge(
      this.registry,
      'suara_projection_lag_events',
      'Events each read model has yet to apply, counted up to 1000 (0: caught up)',
      ['projection'],
      this.lag,
    );
    sourcedGauge(
      this.registry,
      'suara_live_sockets',
      'Socket.IO clients connected to /live',
      [],
      this.sockets,
    );
    sourcedGauge(
      this.registry,
      'suara_outbox_backlog',
      'Notification deliveries waiting to be sent (due or not)',
      [],
      this.backlog,
    );
  }

  /** Registers the sources of the gauges; the returned function removes them (at shutdown). */
  observe(sources: { lag?: Source; sockets?: () => number; backlog?: () => Promise<number> }): () => void {
    const added: Array<[Set<Source>, Source]> = [];
    const add = (set: Set<Source>, source: Source) => (set.add(source), added.push([set, source]));
    if (sources.lag) add(this.lag, sources.lag);
    const sockets = sources.sockets;
    if (sockets) add(this.sockets, async () => [[{}, sockets()]]);
    const backlog = sources.backlog;
    if (backlog) add(this.backlog, async () => [[{}, await backlog()]]);
    return () => added.forEach(([set, source]) => set.delete(source));
  }
}

/** The one registry of this process. */
export const metrics = new PlatformMetrics();
