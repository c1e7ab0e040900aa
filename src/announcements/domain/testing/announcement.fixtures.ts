import { Actor } from '../../../platform/domain/decider';
import { givenEvents } from '../../../platform/domain/testing/decider-spec';
import { loadRegionCatalogue } from '../../../regions/region-catalogue';
import { AnnouncementCommand } from '../announcement.commands';
import { createAnnouncementDecider } from '../announcement.decide';
import { AnnouncementEvent } from '../announcement.events';

// The real national region list: Kasongan Baru is a village of Katingan Hilir, a district of Kabupaten Katingan.
export const decider = createAnnouncementDecider({ regions: loadRegionCatalogue() });
export const given = givenEvents(decider);

export const KASONGAN_BARU = '62.06.02.1003';
export const KATINGAN = '62.06';
export const KOBAR = '62.01';
export const ID = 'ann-1';
export const GROUP = 'group-1';
export const NOW = new Date('2026-02-02T03:00:00.000Z');
export const AT = NOW.toISOString();
export const EARLIER = '2026-01-20T03:00:00.000Z';

export const siti: Actor = { id: 'citizen-siti', role: 'citizen' };
export const katinganFacilitator: Actor = { id: 'fasil-katingan', role: 'facilitator', regionCode: KATINGAN };
export const kobarFacilitator: Actor = { id: 'fasil-kobar', role: 'facilitator', regionCode: KOBAR };
export const official: Actor = { id: 'pupr-1', role: 'official:dinas-pupr' };
export const otherOfficial: Actor = { id: 'dinkes-1', role: 'official:dinas-kesehatan' };
export const auditor: Actor = { id: 'auditor-1', role: 'auditor' };

export const command = <T extends AnnouncementCommand['type']>(
  type: T,
  data: Extract<AnnouncementCommand, { type: T }>['data'],
  actor: Actor,
): AnnouncementCommand => ({ type, data, metadata: { actor, now: NOW } }) as AnnouncementCommand;

export const text = {
  title: 'Jadwal perbaikan jalan',
  body: 'Perbaikan jalan poros desa dimulai Senin depan.',
  link: null,
};

export const published: AnnouncementEvent = {
  type: 'AnnouncementPublished',
  data: {
    announcementId: ID,
    ...text,
    target: { kind: 'region', regionCode: KATINGAN },
    publisher: { agencyId: 'dinas-pupr' },
    publishedAt: EARLIER,
  },
};

export const publishedToGroup: AnnouncementEvent = {
  type: 'AnnouncementPublished',
  data: {
    announcementId: ID,
    ...text,
    target: { kind: 'groups', groups: [{ groupId: GROUP, regionCode: KASONGAN_BARU }] },
    publisher: { agencyId: null },
    publishedAt: EARLIER,
  },
};

export const withdrawn: AnnouncementEvent = {
  type: 'AnnouncementWithdrawn',
  data: { reason: 'Jadwal berubah', withdrawnAt: EARLIER },
};

export const asked = (questionId = 'q-1'): AnnouncementEvent => ({
  type: 'AnnouncementQuestionAsked',
  data: { questionId, text: 'Jalan mana saja?', askedBy: siti.id, askedAt: EARLIER },
});
