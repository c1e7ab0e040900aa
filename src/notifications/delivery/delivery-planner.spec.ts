import { NOTIFICATIONS_PROJECTION, NOTIFIED_PEOPLE } from '../read-models/notification.document';
import { ReadModels } from '../../platform/read-models/read-models';
import { DeliveryPlanner } from './delivery-planner';
import { DeliveryStore } from './delivery-store';
import { NOW, OUTBOX_SETTINGS, OutboxFixture, runningBefore } from './testing/outbox-fixture';

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
    const { store: interleaved, ran } = runningBefore(
      documents,
      'findOne',
      (collection) => collection === people,
      () => fixture.erase('siti'),
    );
    const planner = new DeliveryPlanner(
      documents,
      new ReadModels(interleaved, events),
      new DeliveryStore(documents),
      OUTBOX_SETTINGS,
    );
    await planner.planNext(NOW);
    expect(ran()).toBe(true);
    expect({ siti: await fixture.recordsOf('siti'), budi: await fixture.recordsOf('budi') }).toEqual({
      siti: 0,
      budi: 2,
    });
  });
});
