import pino from 'pino';
import { Writable } from 'node:stream';
import { DeadlineAction, deadlineActionKey } from './deadline-action';
import { SchedulerTally } from './scheduler-tally';

const escalate: DeadlineAction = {
  kind: 'escalate',
  aspirationId: 'asp-1',
  stage: 'response',
  dueAt: '2026-01-20T16:59:59.999Z',
};
const key = deadlineActionKey(escalate);

function tallyWithLog() {
  const lines: { level: number; msg: string; code?: string }[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { tally: new SchedulerTally(pino({ level: 'debug' }, sink)), lines };
}

describe('what the scheduler did, and what it will not try again', () => {
  it('counts what was done, and what was done already or no longer applies, logging the latter at debug', async () => {
    const { tally, lines } = tallyWithLog();
    tally.beginPass();
    tally.record(escalate, key, 'p1', { outcome: 'done', position: 9n });
    tally.record({ ...escalate, aspirationId: 'asp-2' }, 'k2', 'p1', {
      outcome: 'already_done',
      code: 'already_responded',
    });
    tally.endPass();
    await new Promise((resolve) => setImmediate(resolve));
    expect(tally.counts()).toEqual({
      passes: 1,
      reminded: 0,
      escalated: 1,
      closed: 0,
      alreadyDone: 1,
      failed: 0,
    });
    expect(lines.find((line) => line.code === 'already_responded')?.level).toBe(20);
  });

  it('does not send again what was not done until the thread changes', () => {
    const { tally } = tallyWithLog();
    tally.beginPass();
    expect(tally.refusedBefore(key, 'p1')).toBe(false);
    tally.record(escalate, key, 'p1', { outcome: 'already_done', code: 'already_escalated' });
    tally.endPass();
    tally.beginPass();
    expect(tally.refusedBefore(key, 'p1')).toBe(true);
    expect(tally.refusedBefore(key, 'p2')).toBe(false);
  });

  it('forgets an action once a whole pass no longer finds it due', () => {
    const { tally } = tallyWithLog();
    tally.beginPass();
    tally.refusedBefore(key, 'p1');
    tally.record(escalate, key, 'p1', { outcome: 'refused', code: 'same_agency', message: 'same agency' });
    tally.endPass();
    tally.beginPass();
    tally.endPass();
    tally.beginPass();
    expect(tally.refusedBefore(key, 'p1')).toBe(false);
    expect(tally.counts().failed).toBe(1);
  });

  it('reports any other refusal, and a broken stream, as errors', async () => {
    const { tally, lines } = tallyWithLog();
    tally.beginPass();
    tally.record(escalate, key, 'p1', {
      outcome: 'refused',
      code: 'system_only',
      message: 'Only the platform',
    });
    tally.record(escalate, key, 'p1', { outcome: 'broken', error: new Error('hash mismatch') });
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.filter((line) => line.level === 50)).toHaveLength(2);
  });
});
