import { AspirationSubmitted } from '../../../src/aspirations/domain/aspiration.events';
import { Actor } from '../../../src/platform/domain/decider';

// The story of aspiration.fixtures.ts, inlined: importing it would load the national region list from disk.
export const citizen: Actor = { id: 'citizen-1', role: 'citizen' };
export const otherCitizen: Actor = { id: 'citizen-2', role: 'citizen' };
export const facilitator: Actor = { id: 'facilitator-1', role: 'facilitator' };
export const pupr: Actor = { id: 'official-1', role: 'official:dinas-pupr' };
export const perkim: Actor = { id: 'official-3', role: 'official:dinas-perkim' };
export const system: Actor = { id: 'deadline-scheduler', role: 'system' };

/** A road complaint from Kasongan Baru, submitted on Friday 9 January 2026 at 10:00 WIB. */
export const submission: AspirationSubmitted['data'] = {
  aspirationId: 'asp-1',
  messageId: 'msg-1',
  title: 'Jalan rusak di Kasongan Baru',
  body: 'Jalan utama menuju pasar berlubang besar dan tergenang saat hujan.',
  category: 'infrastruktur',
  regionCode: '62.06.02.1003',
  visibility: 'public',
  anonymous: false,
  submittedBy: citizen.id,
  submittedAt: '2026-01-09T03:00:00.000Z',
  verificationDueAt: '2026-01-14T16:59:59.999Z',
};
