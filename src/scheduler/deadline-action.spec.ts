import { commandIdFor } from '../platform/ids';
import {
  DeadlineAction,
  deadlineActionKey,
  deadlineCommand,
  deadlineCommandId,
  SCHEDULER_ACTOR,
} from './deadline-action';

const dueAt = '2026-01-20T16:59:59.999Z';
const remind: DeadlineAction = { kind: 'remind', aspirationId: 'asp-1', stage: 'response', dueAt };

describe('deadline actions', () => {
  it('derive one command id from (what, aspiration, stage, deadline), whoever sends it and whenever', () => {
    expect(deadlineCommandId(remind)).toBe(deadlineCommandId({ ...remind }));
    expect(deadlineCommandId(remind)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    // What handleCommand dedupes on: the id the API derives from (actor, Idempotency-Key).
    expect(deadlineCommandId(remind)).toBe(commandIdFor(SCHEDULER_ACTOR.id, deadlineActionKey(remind)));
  });

  it('give every other action, stage, aspiration or deadline its own id', () => {
    const others: DeadlineAction[] = [
      { ...remind, kind: 'escalate' },
      { ...remind, stage: 'verification' },
      { ...remind, aspirationId: 'asp-2' },
      { ...remind, dueAt: '2026-01-28T16:59:59.999Z' },
      { kind: 'close', aspirationId: 'asp-1', dueAt },
    ];
    const ids = [remind, ...others].map(deadlineCommandId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('become the commands the API would send, as the platform itself', () => {
    const now = new Date('2026-01-19T17:00:00.000Z');
    const metadata = { actor: { id: 'platform:deadline-scheduler', role: 'system' }, now };
    expect(deadlineCommand(remind, now)).toEqual({
      type: 'RemindOfDeadline',
      data: { stage: 'response', dueAt },
      metadata,
    });
    // The parent agency is resolved on the way, from the agency's stream, as for a facilitator's escalation.
    expect(deadlineCommand({ ...remind, kind: 'escalate' }, now)).toEqual({
      type: 'EscalateAspiration',
      data: { stage: 'response', toAgencyId: null },
      metadata,
    });
    expect(deadlineCommand({ kind: 'close', aspirationId: 'asp-1', dueAt }, now)).toEqual({
      type: 'CloseAspiration',
      data: { reason: 'auto_no_reply' },
      metadata,
    });
  });
});
