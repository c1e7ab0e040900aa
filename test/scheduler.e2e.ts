import { ASPIRATION_DECIDER } from '../src/aspirations/aspiration-decider.provider';
import { EventLog } from '../src/platform/event-log/event-log';
import { DeadlineAction } from '../src/scheduler/deadline-action';
import { sendDeadlineAction } from '../src/scheduler/send-deadline-action';
import { ApiClient } from './support/api-client';
import {
  bySystem,
  dueDay,
  submit,
  SUBMITTED_AT,
  VERIFICATION_DUE,
  walkPastEveryDeadline,
} from './support/deadline-walk';
import { MutableClock } from './support/mutable-clock';
import { registerKatinganAgencies } from './support/scenario';
import { SchedulingApp, startSchedulingApp } from './support/scheduler-app';
import { freshDataDir } from './support/test-app';

describe('the deadline scheduler (e2e, injected clock)', () => {
  const clock = new MutableClock(new Date(SUBMITTED_AT));
  let app: SchedulingApp;

  beforeAll(async () => {
    app = await startSchedulingApp(freshDataDir(), clock);
    await registerKatinganAgencies(new ApiClient(app.url));
  });
  afterAll(() => app?.close());

  it('reminds, escalates and closes automatically as each deadline passes, each exactly once', async () => {
    const { id, events } = await walkPastEveryDeadline(clock, () => [app]);
    // Each by the platform itself, through the same command path as any other command.
    expect(events.filter((e) => e.role === 'system')).toHaveLength(5);
    // Read once the thread has projected the last of them (on FerretDB it may lag the log).
    const last = events[events.length - 1].position;
    const thread = await new ApiClient(app.url)
      .as('fasil-1', 'facilitator')
      .get(`/api/aspirations/${id}?minPosition=${last}`);
    expect(thread.status).toBe(200);
    expect(thread.body.aspiration.status).toBe('closed');
    const timeline = thread.body.aspiration.timeline.map((entry: { type: string }) => entry.type);
    expect(timeline.filter((type: string) => type === 'DeadlineReminderIssued')).toHaveLength(2);
    const status = app.scheduler.status();
    expect(status).toMatchObject({ leaseHeld: true, reminded: 2, escalated: 2, closed: 1, failed: 0 });
  });

  it('appends an action sent twice at once (two instances with no lease between them) only once', async () => {
    clock.set(SUBMITTED_AT);
    const id = await submit(new ApiClient(app.url));
    clock.set(dueDay(VERIFICATION_DUE));
    const action: DeadlineAction = {
      kind: 'remind',
      aspirationId: id,
      stage: 'verification',
      dueAt: VERIFICATION_DUE,
    };
    const [log, decider] = [app.app.get(EventLog), app.app.get(ASPIRATION_DECIDER)];
    const outcomes = await Promise.all(
      [1, 2, 3].map(() => sendDeadlineAction(log, decider, action, clock.now())),
    );
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['already_done', 'already_done', 'done']);
    // The scheduler of this instance may have sent it too: still one reminder in the log.
    await app.passes(2);
    expect(bySystem(await app.events(id))).toEqual([
      `DeadlineReminderIssued verification ${VERIFICATION_DUE}`,
    ]);
  });
});
