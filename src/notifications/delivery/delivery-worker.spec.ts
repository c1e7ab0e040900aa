import { join } from 'node:path';
import { waitFor } from '../../../test/support/wait-for';
import { EventLog } from '../../platform/event-log/event-log';
import { EventSealer } from '../../platform/event-log/event-sealer';
import { OutboxOutgoingMessages } from '../../platform/messages/outbox-outgoing-messages';
import { SqliteKeyStore } from '../../platform/personal-data/sqlite-key-store';
import { DELIVERY_CURSOR } from './delivery-record';
import { DeliveryPlanner } from './delivery-planner';
import { DeliverySender } from './delivery-sender';
import { DeliveryStore } from './delivery-store';
import { DeliveryTargets } from './delivery-targets';
import { DeliveryWorker } from './delivery-worker';
import { ErasedMeanwhile } from './erased-meanwhile';
import { NOW, OUTBOX_SETTINGS, OutboxFixture } from './testing/outbox-fixture';

describe('DeliveryWorker', () => {
  it('finishes what a crashed holder left half-saved before it plans or sends anything', async () => {
    const fixture = new OutboxFixture();
    const keys = new SqliteKeyStore(join(fixture.dir, 'keys.sqlite'));
    await fixture.notify('siti', 1n);
    const calls: string[] = [];
    const observed = new Proxy(fixture.documents, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (name === 'recover' || name === 'commit' || name === 'readChanges') calls.push(String(name));
          if (name === 'recover') calls.push(`recover ${String(args[0])}`);
          return value.apply(target, args);
        };
      },
    });
    const store = new DeliveryStore(observed);
    const log = new EventLog(fixture.events, new EventSealer(keys, () => []));
    const worker = new DeliveryWorker(
      observed,
      new DeliveryPlanner(observed, fixture.readModels, store, OUTBOX_SETTINGS),
      new DeliverySender(
        store,
        new DeliveryTargets(log, fixture.readModels),
        new OutboxOutgoingMessages(join(fixture.dir, 'outbox.jsonl')),
        { ...OUTBOX_SETTINGS, maxAttempts: 3, retryBaseMs: 1_000, retryMaxMs: 60_000 },
        { warn: () => undefined },
        new ErasedMeanwhile(fixture.readModels, store),
      ),
      { now: () => NOW },
      { holder: 'spec', leaseTtlMs: 3_000, pollMs: 50, logger: { error: () => undefined } },
    );
    try {
      worker.start();
      await waitFor(async () => (await fixture.recordsOf('siti')) === 2, 'the messages planned');
    } finally {
      await worker.stop();
      await keys.close();
      await fixture.close();
    }
    expect(calls.slice(0, 2)).toEqual(['recover', `recover ${DELIVERY_CURSOR}`]);
    expect(calls.filter((call) => call === 'recover')).toHaveLength(1);
  });
});
