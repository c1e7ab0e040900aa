import fc from 'fast-check';
import { asOfFrom, asOfQuery, instantOf, localInputValue, stepAt } from '../web/src/pages/history/as-of';

describe('the as-of view of a thread’s history (web)', () => {
  it('reads a date-time field in the region’s own zone, which Indonesia never shifts', () => {
    expect(instantOf('2026-11-27T10:05', 'WIB')).toBe('2026-11-27T03:05:00.000Z');
    expect(instantOf('2026-11-27T10:05:09', 'WITA')).toBe('2026-11-27T02:05:09.000Z');
    expect(instantOf('2026-11-27T01:00:00', 'WIT')).toBe('2026-11-26T16:00:00.000Z');
    expect(localInputValue('2026-11-26T16:00:00.000Z', 'WIT')).toBe('2026-11-27T01:00:00');
  });

  it('turns a shown moment into the field and back to the same second', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2040-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom('WIB' as const, 'WITA' as const, 'WIT' as const),
        (date, zone) => {
          const second = new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString();
          expect(instantOf(localInputValue(second, zone), zone)).toBe(second);
        },
      ),
    );
  });

  it('refuses what is not a date-time rather than guessing', () => {
    for (const value of ['', 'kemarin', '2026-11-27', '2026-13-01T10:00', '2026-11-27T10:00Z'])
      expect(instantOf(value, 'WIB')).toBeUndefined();
  });

  it('finds the step a position shows: the last event at or before it, positions compared as big integers', () => {
    const positions = ['9', '10', '12', '100'];
    expect(stepAt(positions, '8')).toBe(-1);
    expect(stepAt(positions, '10')).toBe(1);
    expect(stepAt(positions, '11')).toBe(1);
    expect(stepAt(positions, '99')).toBe(2);
    expect(stepAt(positions, '18446744073709551616')).toBe(3);
    expect(stepAt(positions, 'kemarin')).toBe(-1);
  });

  it('takes the moment from the address, the latest step when it names none', () => {
    expect(asOfFrom({}, '12')).toEqual({ position: '12' });
    expect(asOfFrom({ posisi: '9' }, '12')).toEqual({ position: '9' });
    expect(asOfFrom({ waktu: '2026-11-27T03:05:00.000Z' }, '12')).toEqual({
      time: '2026-11-27T03:05:00.000Z',
    });
    expect(asOfQuery({ time: '2026-11-27T10:05:00+07:00' })).toBe(
      'asOfTime=2026-11-27T10%3A05%3A00%2B07%3A00',
    );
    expect(asOfQuery({ position: '12' })).toBe('asOfPosition=12');
  });
});
