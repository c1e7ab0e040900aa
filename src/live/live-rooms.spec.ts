import fc from 'fast-check';
import { facilitatesIn } from '../aspirations/aspiration-access';
import { Actor } from '../platform/domain/decider';
import { changeRooms, subscriberRoom } from './live-rooms';

const REGIONS = ['62', '62.06', '62.06.02', '62.06.02.1003', '62.06.05', '62.01', '62.01.01.1001', '51.03'];
const inboxPayload = (regionCode: string) => ({ thread: { agencyId: 'dinas-pupr', regionCode } });

describe('live rooms', () => {
  it("sends an inbox's facilitator payload to exactly the facilitators of the thread's region", () => {
    const facilitator = fc.record(
      {
        id: fc.constant('fasil'),
        role: fc.constant('facilitator' as const),
        regionCode: fc.constantFrom(...REGIONS),
      },
      { requiredKeys: ['id', 'role'] },
    );
    fc.assert(
      fc.property(facilitator, fc.constantFrom(...REGIONS), (viewer: Actor, regionCode) => {
        const room = subscriberRoom('agency:dinas-pupr', 'facilitator', viewer);
        const rooms = changeRooms('agency:dinas-pupr', 'facilitator', inboxPayload(regionCode));
        expect(rooms.includes(room)).toBe(facilitatesIn(viewer, regionCode));
      }),
      { numRuns: 300 },
    );
  });

  it('sends no regional copy when a payload names no region: only platform-wide facilitators hear it', () => {
    expect(changeRooms('agency:dinas-pupr', 'facilitator', { thread: {} })).toEqual([
      'agency:dinas-pupr#facilitator',
    ]);
  });

  it('keeps one room per audience elsewhere, and per agency for an agency on a thread', () => {
    const bound: Actor = { id: 'fasil', role: 'facilitator', regionCode: '62.06' };
    const official: Actor = { id: 'pupr-1', role: 'official:dinas-pupr' };
    const topic = 'aspiration:0b8a2d3e-5a43-4f2b-9a55-3c8b1f3f7d10';
    expect(subscriberRoom(topic, 'facilitator', bound)).toBe(`${topic}#facilitator`);
    expect(subscriberRoom(topic, 'agency', official)).toBe(`${topic}#agency:dinas-pupr`);
    expect(subscriberRoom('region:62.06', 'public', bound)).toBe('region:62.06#public');
    expect(changeRooms(topic, 'agency', inboxPayload('62.06'))).toEqual([`${topic}#agency:dinas-pupr`]);
    expect(changeRooms(topic, 'agency', { thread: { agencyId: null } })).toEqual([]);
  });
});
