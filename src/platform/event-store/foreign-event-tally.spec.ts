import { ForeignEventTally } from './foreign-event-tally';

const foreign = (position: bigint) => ({
  stream: 'orders-1',
  id: `id-${position}`,
  type: 'OrderPlaced',
  position,
  reason: 'its metadata is not a JSON object',
});

describe('the tally of foreign events', () => {
  it('starts at none', () => {
    expect(new ForeignEventTally().snapshot()).toEqual({ count: 0 });
  });

  it('counts each record once however often it is met again (resubscriptions, re-reads), and names the last', () => {
    const tally = new ForeignEventTally();
    for (const position of [10n, 20n, 10n, 20n, 30n]) tally.record(foreign(position));
    expect(tally.snapshot()).toEqual({ count: 3, last: foreign(30n) });
  });

  it('remembers the last 10,000 records only: one forgotten and met again counts again', () => {
    const tally = new ForeignEventTally();
    for (let position = 1n; position <= 10_001n; position++) tally.record(foreign(position));
    tally.record(foreign(10_001n));
    expect(tally.snapshot().count).toBe(10_001);
    tally.record(foreign(1n));
    expect(tally.snapshot().count).toBe(10_002);
  });
});
