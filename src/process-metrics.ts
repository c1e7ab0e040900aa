import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import pino from 'pino';
import { LAG_COUNTED_UP_TO } from './health/health.response';
import { LiveGateway } from './live/live.gateway';
import { DeliveryStore } from './notifications/delivery/delivery-store';
import { DocumentStore } from './platform/document-store/document-store.port';
import { EventStore } from './platform/event-store/event-store.port';
import { MetricsSettings, startMetricsServer } from './platform/metrics/metrics-server';
import { metrics } from './platform/metrics/metrics';
import { checkpointName, currentGeneration } from './platform/read-models/generations';

export interface MetricSources {
  readonly events: EventStore;
  readonly documents: DocumentStore;
  /** The read models whose lag is reported: the projections' names. */
  readonly readModels: readonly string[];
  /** The HTTP app, whose /live namespace counts sockets; absent in a projections-only process. */
  readonly app?: INestApplication;
}

/** Events a read model has yet to apply, as health counts them (up to LAG_COUNTED_UP_TO). */
async function lagOf(events: EventStore, documents: DocumentStore, name: string): Promise<number> {
  const position = await documents.checkpoint(checkpointName(name, await currentGeneration(documents, name)));
  return events.eventsAfter(position ?? 0n, LAG_COUNTED_UP_TO);
}

/**
 * Serves this process's metrics on their own port (any role, the projections-only one too) and tells the gauges
 * where to read: read-model lag, connected sockets, the delivery outbox's backlog. Returns how to stop.
 */
export async function startProcessMetrics(
  settings: MetricsSettings,
  sources: MetricSources,
  logger: pino.Logger,
): Promise<() => Promise<void>> {
  const { events, documents, readModels, app } = sources;
  const deliveries = new DeliveryStore(documents);
  const unobserve = metrics.observe({
    lag: () =>
      Promise.all(
        readModels.map(async (name) => [{ projection: name }, await lagOf(events, documents, name)] as const),
      ),
    sockets: app ? () => app.get(LiveGateway).namespace.sockets.size : undefined,
    backlog: () => deliveries.backlog(),
  });
  const { server, url } = await startMetricsServer(metrics.registry, settings);
  logger.info({ url, token: settings.token !== undefined }, 'metrics listening');
  return async () => {
    unobserve();
    await close(server);
  };
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
