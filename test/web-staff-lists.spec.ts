import fc from 'fast-check';
import { HistoryEntry } from '../web/src/api/staff-types';
import { ThreadSummary } from '../web/src/api/types';
import { firstBrokenLink } from '../web/src/pages/history/chain';
import { byDue, withChange } from '../web/src/pages/inbox/inbox-order';

const thread = (id: string, overrides: Partial<ThreadSummary> = {}): ThreadSummary => ({
  id,
  title: `Aspirasi ${id}`,
  category: 'infrastruktur',
  regionCode: '62.06.02.1003',
  status: 'in_progress',
  agencyId: 'dinas-pupr',
  submittedAt: '2026-11-27T01:00:00.000Z',
  dueAt: null,
  endorsements: 0,
  messageCount: 1,
  updatedAt: '2026-11-27T01:00:00.000Z',
  position: '1',
  overdue: false,
  ...overrides,
});

const summaries = fc.array(
  fc.record({
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    dueAt: fc.option(fc.constantFrom('2026-12-01T16:59:59.999Z', '2026-12-04T16:59:59.999Z'), { nil: null }),
    agencyId: fc.constantFrom('dinas-pupr', 'dinas-perhubungan', null),
    status: fc.constantFrom('verified', 'in_progress', 'resolved'),
  }),
  { maxLength: 12 },
);

describe('the inbox as live changes keep it (web)', () => {
  it('orders by deadline, the earliest first and nothing due last', () => {
    const items = [
      thread('c'),
      thread('b', { dueAt: '2026-12-04T16:59:59.999Z' }),
      thread('a', { dueAt: '2026-12-01T16:59:59.999Z' }),
    ];
    expect([...items].sort(byDue).map((item) => item.id)).toEqual(['a', 'b', 'c']);
  });

  it('holds each thread once, only while it is with the agency and in progress, in order, whatever arrives', () => {
    fc.assert(
      fc.property(summaries, (changes) => {
        let inbox: readonly ThreadSummary[] = [];
        for (const change of changes)
          inbox = withChange(inbox, 'dinas-pupr', thread(change.id, change as Partial<ThreadSummary>));
        const ids = inbox.map((item) => item.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect([...inbox].sort(byDue)).toEqual(inbox);
        // Each thread's last change decides whether it is there.
        const last = new Map(changes.map((change) => [change.id, change]));
        const expected = [...last.values()].filter(
          (c) => c.agencyId === 'dinas-pupr' && c.status === 'in_progress',
        );
        expect(ids.sort()).toEqual(expected.map((c) => c.id).sort());
      }),
    );
  });
});

describe('the hash links a history page shows (web)', () => {
  const entry = (revision: number, hash: string, previousHash: string | null): HistoryEntry => ({
    position: String(revision + 10),
    revision,
    type: 'AspirationVerified',
    occurredAt: '2026-11-27T01:00:00.000Z',
    recordedAt: '2026-11-27T01:00:00.000Z',
    actor: { id: 'fasil-1', role: 'facilitator' },
    data: {},
    erased: [],
    withheld: [],
    hash,
    previousHash,
  });

  it('finds no break in a chain where each event names the hash before it', () => {
    expect(
      firstBrokenLink([entry(0, 'h0', null), entry(1, 'h1', 'h0'), entry(2, 'h2', 'h1')]),
    ).toBeUndefined();
  });

  it('names the first event whose link or revision does not follow', () => {
    expect(
      firstBrokenLink([entry(0, 'h0', null), entry(1, 'h1', 'hX'), entry(2, 'h2', 'h1')])?.revision,
    ).toBe(1);
    expect(firstBrokenLink([entry(0, 'h0', null), entry(2, 'h2', 'h0')])?.revision).toBe(2);
    expect(firstBrokenLink([entry(0, 'h0', 'h-1')])?.revision).toBe(0);
  });
});
