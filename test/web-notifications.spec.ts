import fc from 'fast-check';
import { NotificationItem, NotificationSettings, PersonChange } from '../web/src/api/notification-types';
import { unreadAfter, unreadRead, withPersonChange, withReadMark } from '../web/src/live/person-changes';
import {
  bodyOf,
  formOf,
  withChannel,
  withProvince,
} from '../web/src/pages/notification-settings/preferences-form';

const notification = (position: number, overrides: Partial<NotificationItem> = {}): NotificationItem => ({
  id: `n-${position}`,
  kind: 'response',
  aspirationId: 'a-1',
  title: 'Jalan rusak di Kasongan Baru',
  change: null,
  stage: null,
  dueAt: null,
  agencyId: 'dinas-pupr',
  at: '2026-11-27T01:00:00.000Z',
  read: false,
  position: String(position),
  ...overrides,
});
const arrived = (item: NotificationItem): PersonChange => ({ person: 'p', notification: item });
const readUpTo = (upTo: number, unread: number): PersonChange => ({
  person: 'p',
  read: { upTo: String(upTo) },
  unread,
});

describe('the notification list as live changes keep it (web)', () => {
  it('shows each notification once, newest first, whatever order and repeats the changes come in', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 30 }), (positions) => {
        const list = positions.map((p) => arrived(notification(p))).reduce(withPersonChange, []);
        const expected = [...new Set(positions)].sort((a, b) => b - a).map(String);
        expect(list.map((item) => item.position)).toEqual(expected);
      }),
    );
  });

  it('compares positions as big integers, never as text', () => {
    const list = [arrived(notification(9)), arrived(notification(10))].reduce(withPersonChange, []);
    expect(list.map((item) => item.position)).toEqual(['10', '9']);
  });

  it('marks read one by id, or all up to a position, and keeps the same list when nothing changes', () => {
    const list = [notification(12), notification(11), notification(10)];
    const one = withReadMark(list, { notificationId: 'n-11' });
    expect(one.map((item) => item.read)).toEqual([false, true, false]);
    const upTo = withPersonChange(one, readUpTo(11, 1));
    expect(upTo.map((item) => item.read)).toEqual([false, true, true]);
    expect(withPersonChange(upTo, readUpTo(11, 1))).toBe(upTo);
    expect(withPersonChange(upTo, arrived(notification(12)))).toBe(upTo);
  });
});

describe('the unread count in the header (web)', () => {
  it('counts a new unread notification once and takes a read mark’s count', () => {
    const start = unreadRead(undefined, 2, '20');
    const more = unreadAfter(start, arrived(notification(21)), '21');
    expect(more).toEqual({ unread: 3, position: 21n });
    expect(unreadAfter(more, arrived(notification(21)), '21')).toBe(more);
    expect(unreadAfter(more, readUpTo(21, 0), '22')).toEqual({ unread: 0, position: 22n });
  });

  it('ignores a change or a read older than the count shown, so a slow answer never puts back an old count', () => {
    const shown = { unread: 1, position: 30n };
    expect(unreadAfter(shown, arrived(notification(25)), '25')).toBe(shown);
    expect(unreadRead(shown, 4, '29')).toBe(shown);
    expect(unreadRead(shown, 0, '31')).toEqual({ unread: 0, position: 31n });
  });
});

describe('the notification preferences form (web)', () => {
  const settings: NotificationSettings['preferences'] = {
    channels: {
      response: ['email', 'sms'],
      reply: [],
      status: ['email', 'sms'],
      assignment: ['email'],
      deadline: ['email'],
      escalation: ['email', 'sms'],
      join_request: ['email'],
      group_draft: [],
      group_response: ['email'],
      announcement: ['email'],
      announcement_answer: [],
    },
    quietHours: null,
    regionCode: '62.06',
    timeZone: 'WIB',
    chosen: false,
  };

  it('sends back what it read when nothing was changed, with quiet hours off', () => {
    const { timeZone: _zone, chosen: _chosen, ...stored } = settings;
    expect(bodyOf(formOf(settings))).toEqual(stored);
  });

  it('sends every kind with its channels in the API’s order, and quiet hours only when switched on', () => {
    let form = withChannel(formOf(settings), 'reply', 'push', true);
    form = withChannel(form, 'reply', 'email', true);
    form = withChannel(form, 'response', 'sms', false);
    const body = bodyOf({ ...form, quiet: true, start: '21:30', end: '05:00' });
    expect(body.channels.reply).toEqual(['email', 'push']);
    expect(body.channels.response).toEqual(['email']);
    expect(body.quietHours).toEqual({ start: '21:30', end: '05:00' });
  });

  it('keeps a stored regency while its province is the one picked, and none means WIB (null)', () => {
    const form = formOf(settings);
    expect(withProvince(form, '62').regionCode).toBe('62.06');
    expect(withProvince(form, '94').regionCode).toBe('94');
    expect(bodyOf(withProvince(form, '')).regionCode).toBeNull();
  });
});
