import fc from 'fast-check';
import { quietUntil } from './quiet-hours';

// 15:00Z is 22:00 WIB (UTC+7), 23:00 WITA, 00:00 WIT.
describe('quietUntil', () => {
  const night = { start: '22:00', end: '06:00' };

  it('holds a message sent at night until the morning, in WIB', () =>
    expect(quietUntil(new Date('2025-03-10T16:30:00Z'), night, 'WIB')?.toISOString()).toBe(
      '2025-03-10T23:00:00.000Z',
    ));

  it('holds one sent after midnight until the same morning', () =>
    expect(quietUntil(new Date('2025-03-10T20:15:00Z'), night, 'WIB')?.toISOString()).toBe(
      '2025-03-10T23:00:00.000Z',
    ));

  it('lets one through in the daytime', () =>
    expect(quietUntil(new Date('2025-03-10T05:00:00Z'), night, 'WIB')).toBeUndefined());

  it('places the hours in the person’s zone', () => {
    // 14:30Z is 21:30 WIB (not quiet) but 23:30 WIT (quiet until 06:00 WIT, 21:00Z).
    expect(quietUntil(new Date('2025-03-10T14:30:00Z'), night, 'WIB')).toBeUndefined();
    expect(quietUntil(new Date('2025-03-10T14:30:00Z'), night, 'WIT')?.toISOString()).toBe(
      '2025-03-10T21:00:00.000Z',
    );
  });

  it('starts the quiet period on its first minute and ends it on its last', () => {
    expect(quietUntil(new Date('2025-03-10T15:00:00Z'), night, 'WIB')).toBeDefined();
    expect(quietUntil(new Date('2025-03-10T22:59:59Z'), night, 'WIB')).toBeDefined();
    expect(quietUntil(new Date('2025-03-10T23:00:00Z'), night, 'WIB')).toBeUndefined();
  });

  it('reads a period within one day (a siesta) too', () =>
    expect(
      quietUntil(new Date('2025-03-10T06:30:00Z'), { start: '13:00', end: '15:00' }, 'WIB')?.toISOString(),
    ).toBe('2025-03-10T08:00:00.000Z'));

  it('has no quiet period without hours, or with one that ends where it starts', () => {
    expect(quietUntil(new Date('2025-03-10T16:30:00Z'), null, 'WIB')).toBeUndefined();
    expect(
      quietUntil(new Date('2025-03-10T16:30:00Z'), { start: '22:00', end: '22:00' }, 'WIB'),
    ).toBeUndefined();
  });

  it('always ends after now, within a day, and outside the quiet period', () => {
    const clock = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }),
        clock,
        clock,
        fc.constantFrom('WIB' as const, 'WITA' as const, 'WIT' as const),
        (now, start, end, zone) => {
          const until = quietUntil(now, { start, end }, zone);
          if (until === undefined) return;
          expect(until.getTime()).toBeGreaterThan(now.getTime());
          expect(until.getTime() - now.getTime()).toBeLessThanOrEqual(24 * 3_600_000);
          expect(quietUntil(until, { start, end }, zone)).toBeUndefined();
        },
      ),
    );
  });
});
