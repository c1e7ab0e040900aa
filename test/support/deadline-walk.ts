import { ApiClient } from './api-client';
import { MutableClock } from './mutable-clock';
import { actors, roadComplaint } from './scenario';
import { LoggedEvent, SchedulingApp } from './scheduler-app';
import { waitFor } from './wait-for';

const HOUR_MS = 3_600_000;
/** Friday 9 January 2026, 10:00 in Kasongan (WIB): the verification deadline is the end of Wednesday 14. */
export const SUBMITTED_AT = '2026-01-09T03:00:00.000Z';
export const VERIFICATION_DUE = '2026-01-14T16:59:59.999Z';

/** Noon of the due day (local): one working day or less remains, so a reminder is due. */
export const dueDay = (dueAt: string) => new Date(Date.parse(dueAt) - 12 * HOUR_MS).toISOString();
/** The first instant after the due one: the deadline has passed. */
export const justAfter = (dueAt: string) => new Date(Date.parse(dueAt) + 1).toISOString();

/** What the platform itself appended, in log order, as `type stage-or-reason dueAt-or-target`. */
export const bySystem = (events: LoggedEvent[]) =>
  events
    .filter((e) => e.role === 'system')
    .map((e) =>
      [e.type, e.data.stage ?? e.data.reason, e.data.dueAt ?? e.data.toAgencyId]
        .filter((part) => part !== undefined && part !== null)
        .join(' '),
    );

export async function submit(api: ApiClient): Promise<string> {
  const response = await actors(api).warga.post('/api/aspirations', roadComplaint());
  if (response.status !== 201) throw new Error(`Not submitted: ${JSON.stringify(response.body)}`);
  return response.body.id;
}

export async function send(request: Promise<{ status: number; body: unknown }>): Promise<void> {
  const response = await request;
  if (response.status >= 300) throw new Error(`Refused: ${JSON.stringify(response.body)}`);
}

/** The instance acting now (the lease holder), once one holds the lease. */
export async function acting(apps: () => readonly SchedulingApp[]): Promise<SchedulingApp> {
  await waitFor(
    () => apps().some((app) => app.scheduler.status().leaseHeld),
    'an instance to take the lease',
  );
  return apps().find((app) => app.scheduler.status().leaseHeld)!;
}

/**
 * Moves the clock and waits until the scheduler appended `expected` as its last action, then two more whole passes,
 * so anything it would do twice would be in the log by then.
 */
export async function moveAndSettle(
  clock: MutableClock,
  instant: string,
  apps: () => readonly SchedulingApp[],
  id: string,
  expected: readonly string[],
): Promise<LoggedEvent[]> {
  clock.set(instant);
  const reader = apps()[0];
  await waitFor(
    async () => bySystem(await reader.events(id)).length >= expected.length,
    `the scheduler to append ${expected.at(-1) ?? 'nothing'}`,
  );
  // Counted over every instance: should the lease change hands meanwhile, the passes of both count.
  const passes = () => apps().reduce((sum, app) => sum + app.scheduler.status().passes, 0);
  const target = passes() + 2;
  await acting(apps);
  await waitFor(() => passes() >= target, 'two more scheduler passes');
  return reader.events(id);
}

const dataOf = (events: LoggedEvent[], type: string) => events.filter((e) => e.type === type).at(-1)!.data;

/**
 * One aspiration walked past each deadline by the clock, the scheduler acting at each: a reminder and an escalation
 * of the verification, a reminder and an escalation (to the parent agency) of the response, and the automatic close
 * after the parent's response went unanswered. Checks after each step that the platform did exactly that, once.
 * `midway` runs after the verification is escalated (a restart, an instance stopping).
 */
export async function walkPastEveryDeadline(
  clock: MutableClock,
  apps: () => readonly SchedulingApp[],
  midway: () => Promise<void> = async () => undefined,
): Promise<{ id: string; events: LoggedEvent[] }> {
  clock.set(SUBMITTED_AT);
  const api = () => new ApiClient(apps()[0].url);
  const id = await submit(api());
  const steps: string[] = [];
  const settle = async (instant: string, ...added: string[]) => {
    steps.push(...added);
    const events = await moveAndSettle(clock, instant, apps, id, steps);
    expect(bySystem(events)).toEqual(steps);
    return events;
  };
  // Monday: two working days remain, nothing is due; Tuesday the reminder is.
  await settle('2026-01-12T03:00:00.000Z');
  await settle('2026-01-13T03:00:00.000Z', `DeadlineReminderIssued verification ${VERIFICATION_DUE}`);
  await settle(VERIFICATION_DUE);
  await settle(justAfter(VERIFICATION_DUE), 'AspirationEscalated verification');
  await midway();

  const who = actors(api());
  await send(who.fasilitator.post(`/api/aspirations/${id}/verify`));
  await settle(justAfter(VERIFICATION_DUE)); // verified late: nothing more for the verification
  await send(who.fasilitator.post(`/api/aspirations/${id}/assign`));
  let events = await apps()[0].events(id);
  const followUpDueAt = dataOf(events, 'AspirationAssigned').followUpDueAt as string;
  await settle(dueDay(followUpDueAt), `DeadlineReminderIssued response ${followUpDueAt}`);
  await settle(justAfter(followUpDueAt), 'AspirationEscalated response pemkab-katingan');

  const parent = api().as('pemkab-1', 'official:pemkab-katingan');
  await send(
    parent.post(`/api/aspirations/${id}/responses`, { body: 'Kami ambil alih dan segera perbaiki.' }),
  );
  events = await apps()[0].events(id);
  const autoCloseDueAt = dataOf(events, 'OfficialResponded').autoCloseDueAt as string;
  await settle(dueDay(autoCloseDueAt));
  return { id, events: await settle(justAfter(autoCloseDueAt), 'AspirationClosed auto_no_reply') };
}
