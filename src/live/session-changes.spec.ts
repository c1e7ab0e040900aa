import { RecordedEvent } from '../platform/event-store/stored-event';
import { AccountChange, changeOf, predates } from './session-changes';

const SECOND = Date.parse('2026-03-10T02:00:00.000Z') / 1000;
const recorded = (type: string, data: object, occurredAt = '2026-03-10T02:00:00.700Z') =>
  ({
    type,
    data,
    metadata: { occurredAt },
    stream: 'account-x',
    recordedAt: occurredAt,
  }) as unknown as RecordedEvent;
const official = { id: 'a', role: 'official:dinas-pupr' } as const;
const citizen = { id: 'a', role: 'citizen' } as const;

describe('which account events end live sessions', () => {
  it('reads the role after a change, and the second it happened in', () => {
    expect(changeOf(recorded('RoleRevoked', { role: 'official:dinas-pupr' }))).toEqual({
      second: SECOND,
      reason: 'role_changed',
      role: 'citizen',
    });
    expect(changeOf(recorded('RoleGranted', { role: 'facilitator', regionCode: '62.06' }))).toEqual({
      second: SECOND,
      reason: 'role_changed',
      role: 'facilitator',
      regionCode: '62.06',
    });
    expect(changeOf(recorded('PasswordReset', {}))).toMatchObject({ reason: 'sessions_ended' });
    expect(changeOf(recorded('AccountErased', {}))).toMatchObject({ reason: 'account_erased' });
  });

  it('ignores every other event', () => {
    for (const type of ['AccountRegistered', 'SessionStarted', 'InvitationAccepted', 'AspirationSubmitted'])
      expect(changeOf(recorded(type, {}))).toBeUndefined();
  });
});

describe('which tokens predate a change', () => {
  const revoked: AccountChange = { second: SECOND, reason: 'role_changed', role: 'citizen' };
  const ended: AccountChange = { second: SECOND, reason: 'sessions_ended' };
  const erased: AccountChange = { second: SECOND, reason: 'account_erased' };

  it('never a token issued after the change', () => {
    for (const change of [revoked, ended, erased])
      for (const connected of [true, false])
        expect(predates(change, official, SECOND + 1, connected)).toBe(false);
  });

  it('every token issued in an earlier second', () => {
    for (const change of [revoked, ended, erased])
      for (const connected of [true, false])
        expect(predates(change, citizen, SECOND - 1, connected)).toBe(true);
  });

  it('within the second of a role change, a token whose role is not the new one', () => {
    expect(predates(revoked, official, SECOND, false)).toBe(true);
    expect(predates(revoked, citizen, SECOND, false)).toBe(false);
    const moved: AccountChange = {
      second: SECOND,
      reason: 'role_changed',
      role: 'facilitator',
      regionCode: '62.06',
    };
    expect(predates(moved, { id: 'a', role: 'facilitator', regionCode: '62' }, SECOND, true)).toBe(true);
    expect(predates(moved, { id: 'a', role: 'facilitator', regionCode: '62.06' }, SECOND, true)).toBe(false);
  });

  it('within the second of ended sessions, a connection but not a new handshake (the fresh token of a change)', () => {
    expect(predates(ended, citizen, SECOND, true)).toBe(true);
    expect(predates(ended, citizen, SECOND, false)).toBe(false);
    expect(predates(erased, citizen, SECOND, false)).toBe(true);
  });
});
