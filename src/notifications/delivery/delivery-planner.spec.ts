import { NOTIFICATIONS_PROJECTION, NOTIFIED_PEOPLE } from '../read-models/notification.document';
import { ReadModels } from '../../platform/read-models/read-models';
import { DeliveryPlanner } from './delivery-planner';
import { DeliveryStore } from './delivery-store';
import { NOW, OUTBOX_SETTINGS, OutboxFixture } from './testing/outbox-fixture';

describe('DeliveryPlanner: messages recorded for notifications, never for a person erased meanwhile', () => {
  let fixture: OutboxFixture;

  beforeEach(() => (fixture = new OutboxFixture()));
  afterEach(() => fixture.close());

  it('records the messages of a notification (e-mail and SMS by default)', async () => {
    const { documents, readModels } = fixture;
    await fixture.notify('siti', 1n);
    const planner = new DeliveryPlanner(documents, readModels, new DeliveryStore(documents), OUTBOX_SETTINGS);
    await planner.planNext(NOW);
    expect(await fixture.recordsOf('siti')).toBe(2);
  });

  it('forgets what it saved for a person whose erasure ran between its reading and its saving', async () => {
    const { documents, events, readModels } = fixture;
    await fixture.notify('siti', 1n);
    await fixture.notify('budi', 2n);
    // The erasure runs at the planner's first look at a person's preferences: after it read the notifications.
    const people = await readModels.collection(NOTIFICATIONS_PROJECTION, NOTIFIED_PEOPLE);
    let erasure: Promise<void> | undefined;
    const interleaved = new Proxy(documents, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        if (name !== 'findOne') return typeof value === 'function' ? value.bind(target) : value;
        return async (collection: string, ...rest: unknown[]) => {
          if (collection === people && !erasure) await (erasure = fixture.erase('siti'));
          return (value as (...args: unknown[]) => unknown).call(target, collection, ...rest);
        };
      },
    });
    const planner = new DeliveryPlanner(
      documents,
      new ReadModels(interleaved, events),
      new DeliveryStore(documents),
      OUTBOX_SETTINGS,
    );
    await planner.planNext(NOW);
    expect(erasure).toBeDefined();
    expect({ siti: await fixture.recordsOf('siti'), budi: await fixture.recordsOf('budi') }).toEqual({
      siti: 0,
      budi: 2,
    });
  });
});
