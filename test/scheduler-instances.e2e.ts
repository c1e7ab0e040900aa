import { ApiClient } from './support/api-client';
import { bySystem, justAfter, submit, SUBMITTED_AT, walkPastEveryDeadline } from './support/deadline-walk';
import { MutableClock } from './support/mutable-clock';
import { registerKatinganAgencies } from './support/scenario';
import { SchedulingApp, startSchedulingApp } from './support/scheduler-app';
import { freshDataDir } from './support/test-app';
import { waitFor } from './support/wait-for';

describe('the deadline scheduler with two instances on one data folder (e2e)', () => {
  const dataDir = freshDataDir();
  const clock = new MutableClock(new Date(SUBMITTED_AT));
  let running: SchedulingApp[] = [];

  beforeAll(async () => {
    // Another process on the same data is another lease holder, with the same clock.
    running = [
      await startSchedulingApp(dataDir, clock),
      await startSchedulingApp(dataDir, clock, 'instance-b'),
    ];
    await registerKatinganAgencies(new ApiClient(running[0].url));
  });
  afterAll(() => Promise.all(running.map((app) => app.close())));

  it('acts once per deadline while both run, and goes on when the instance acting stops', async () => {
    const leaseHolders = () => running.filter((app) => app.scheduler.status().leaseHeld);
    await waitFor(() => leaseHolders().length === 1, 'one instance to take the scheduler lease');
    const { events } = await walkPastEveryDeadline(
      clock,
      () => running,
      async () => {
        // The instance acting stops (it gives the lease up); the other takes over at its next renewal.
        const [stopping] = leaseHolders();
        running = running.filter((app) => app !== stopping);
        await stopping.close();
      },
    );
    expect(bySystem(events)).toHaveLength(5);
    expect(leaseHolders()).toEqual(running);
  });
});

describe('the deadline scheduler across a restart (e2e)', () => {
  const dataDir = freshDataDir();
  const clock = new MutableClock(new Date(SUBMITTED_AT));
  let app: SchedulingApp | undefined;
  afterAll(() => app?.close());

  it('catches up after downtime: everything overdue is acted on at the first pass, in due order, once', async () => {
    app = await startSchedulingApp(dataDir, clock);
    const api = new ApiClient(app.url);
    // Due Wednesday 14, Thursday 15 and Monday 19 January (Friday 16 is a public holiday), submitted in that order.
    const ids: string[] = [];
    for (const at of [SUBMITTED_AT, '2026-01-12T03:00:00.000Z', '2026-01-13T03:00:00.000Z']) {
      clock.set(at);
      ids.push(await submit(api));
    }
    // Tuesday 13: only the first is a working day from its deadline. Stop as soon as it is reminded.
    await waitFor(async () => bySystem(await app!.events(ids[0])).length === 1, 'the first reminder');
    await app.close();

    // Down for two weeks: every verification deadline passed meanwhile, and the reminders due then with them.
    clock.set(justAfter('2026-01-30T16:59:59.999Z'));
    app = await startSchedulingApp(dataDir, clock);
    const escalated = async (id: string) =>
      (await app!.events(id)).find((e) => e.type === 'AspirationEscalated');
    for (const id of ids)
      await waitFor(async () => (await escalated(id)) !== undefined, `escalation of ${id}`);
    await app.passes(2);

    const [first, second, third] = await Promise.all(ids.map((id) => app!.events(id)));
    expect(bySystem(first)).toEqual([
      'DeadlineReminderIssued verification 2026-01-14T16:59:59.999Z',
      'AspirationEscalated verification',
    ]);
    expect(bySystem(second)).toEqual(['AspirationEscalated verification']);
    expect(bySystem(third)).toEqual(['AspirationEscalated verification']);
    const positions = await Promise.all(ids.map(async (id) => (await escalated(id))!.position));
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
  });
});
