import { Actor } from '../platform/domain/decider';
import { audienceOf, AudienceFacts, facilitatesIn } from './aspiration-access';

const katingan: Actor = { id: 'fasil-katingan', role: 'facilitator', regionCode: '62.06' };
const kotawaringin: Actor = { id: 'fasil-kobar', role: 'facilitator', regionCode: '62.01' };
const provincial: Actor = { id: 'fasil-prov', role: 'facilitator' };

const thread = (status: 'submitted' | 'verified', visibility: 'public' | 'confidential' = 'public') =>
  ({ status, visibility, submittedBy: 'warga-1', regionCode: '62.06.02.1003' }) satisfies AudienceFacts;

describe('facilitatesIn', () => {
  it('holds for a facilitator of the region or of a region above it, and for one without a region', () => {
    for (const actor of [katingan, provincial, { ...katingan, regionCode: '62' }])
      expect(facilitatesIn(actor, '62.06.02.1003')).toBe(true);
  });

  it('fails for a facilitator of another region or of a region below it, and for every other role', () => {
    expect(facilitatesIn(kotawaringin, '62.06.02.1003')).toBe(false);
    expect(facilitatesIn({ ...katingan, regionCode: '62.06.02.1003' }, '62.06')).toBe(false);
    for (const role of ['citizen', 'auditor', 'admin', 'system', 'official:dinas-pupr'] as const)
      expect(facilitatesIn({ id: 'x', role, regionCode: '62.06' }, '62.06')).toBe(false);
    expect(facilitatesIn(undefined, '62.06')).toBe(false);
  });
});

describe('audienceOf a facilitator', () => {
  it('is the facilitator audience in their region, before verification and when confidential', () => {
    for (const facts of [thread('submitted'), thread('verified', 'confidential')]) {
      expect(audienceOf(katingan, facts)).toBe('facilitator');
      expect(audienceOf(provincial, facts)).toBe('facilitator');
    }
  });

  it('is the public elsewhere: nothing before verification, nothing confidential', () => {
    expect(audienceOf(kotawaringin, thread('verified'))).toBe('public');
    expect(audienceOf(kotawaringin, thread('submitted'))).toBeUndefined();
    expect(audienceOf(kotawaringin, thread('verified', 'confidential'))).toBeUndefined();
  });

  it('is still the submitter for what they submitted themselves, wherever it is', () => {
    expect(audienceOf(kotawaringin, { ...thread('submitted'), submittedBy: kotawaringin.id })).toBe(
      'submitter',
    );
  });
});
