import fc from 'fast-check';
import { parseW3DateTime } from './w3-datetime';

describe('w3 date-times', () => {
  it.each([
    ['2010-01-01T00:00:00Z', '2010-01-01T00:00:00.000Z'],
    ['1994-11-05T08:15:30-05:00', '1994-11-05T13:15:30.000Z'],
    ['2026-09-14T09:00+07:00', '2026-09-14T02:00:00.000Z'],
    ['2026-09-14T09:00:00.25+07:00', '2026-09-14T02:00:00.250Z'],
    ['2026-09-14', '2026-09-14T00:00:00.000Z'],
    ['0050-01-01T00:00:00Z', '0050-01-01T00:00:00.000Z'],
  ])('reads %s', (text, iso) => expect(parseW3DateTime(text)?.toISOString()).toBe(iso));

  it.each([
    '2010-02-30T00:00:00Z',
    '2010-13-01T00:00:00Z',
    '2010-01-01T24:00:00Z',
    '2010-01-01T10:00:00',
    '2010-01-01T10:00:00+15:00',
    '2010-1-1',
    '20100101',
    ' 2010-01-01',
    '',
  ])('refuses %j', (text) => expect(parseW3DateTime(text)).toBeUndefined());

  it('reads back every instant it writes in UTC (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
        (d) => {
          expect(parseW3DateTime(d.toISOString())?.getTime()).toBe(d.getTime());
        },
      ),
    );
  });
});
