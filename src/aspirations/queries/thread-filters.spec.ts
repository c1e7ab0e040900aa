import fc from 'fast-check';
import { Query } from 'mingo';
import { Actor, Role } from '../../platform/domain/decider';
import { audienceOf, isPublished } from '../aspiration-access';
import { regionPrefixes, THREAD_STATUSES } from '../read-models/thread.document';
import { visibleTo } from './thread-filters';

// The list filter is audienceOf's rule written as a query: a thread is found exactly when its detail would show.
const REGIONS = ['62.06', '62.06.02.1003', '62.06.05.2001', '62.01.01.1001', '62', '51.03'];

const viewer: fc.Arbitrary<Actor | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record({ id: fc.constantFrom('warga-1', 'warga-2'), role: fc.constant<Role>('citizen') }),
  fc.record({ id: fc.constantFrom('fasil-a', 'fasil-b'), role: fc.constant<Role>('facilitator') }),
  fc.record({
    id: fc.constantFrom('fasil-a', 'fasil-b'),
    role: fc.constant<Role>('facilitator'),
    regionCode: fc.constantFrom(...REGIONS, '62.06.02'),
  }),
  fc.record({
    id: fc.constant('pupr-1'),
    role: fc.constantFrom<Role>('official:dinas-pupr', 'official:dishub'),
  }),
  fc.record({ id: fc.constant('x-1'), role: fc.constantFrom<Role>('auditor', 'admin') }),
);

const thread = fc
  .record({
    status: fc.constantFrom(...THREAD_STATUSES),
    visibility: fc.constantFrom('public' as const, 'confidential' as const),
    submittedBy: fc.constantFrom('warga-1', 'fasil-a', null),
    regionCode: fc.constantFrom(...REGIONS),
    agencyId: fc.constantFrom('dinas-pupr', 'dishub'),
  })
  .map((facts) => {
    const handled = !['submitted', 'verified', 'rejected'].includes(facts.status);
    return {
      ...facts,
      agencyId: handled ? facts.agencyId : null,
      regions: regionPrefixes(facts.regionCode),
      published: isPublished(facts),
    };
  });

describe('visibleTo', () => {
  it('finds a thread exactly when audienceOf lets the viewer see it', () => {
    fc.assert(
      fc.property(viewer, thread, (who, doc) => {
        const found = new Query(visibleTo(who), { scriptEnabled: false }).test(doc);
        const audience = audienceOf(who, { ...doc, agencyId: doc.agencyId ?? undefined });
        expect(found).toBe(audience !== undefined);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives a facilitator bound to Katingan its unverified threads, and no other regency’s', () => {
    const katingan: Actor = { id: 'fasil-k', role: 'facilitator', regionCode: '62.06' };
    const unverified = (regionCode: string) => ({
      status: 'submitted',
      published: false,
      submittedBy: 'warga-1',
      regions: regionPrefixes(regionCode),
    });
    const query = new Query(visibleTo(katingan), { scriptEnabled: false });
    expect(query.test(unverified('62.06.02.1003'))).toBe(true);
    expect(query.test(unverified('62.01.01.1001'))).toBe(false);
    expect(query.test(unverified('62'))).toBe(false);
  });
});
