import { Actor } from '../../../platform/domain/decider';
import { givenEvents } from '../../../platform/domain/testing/decider-spec';
import { loadRegionCatalogue } from '../../../regions/region-catalogue';
import { GroupCommand } from '../group.commands';
import { createGroupDecider } from '../group.decider';
import { GroupEvent } from '../group.events';
import { memberKeyOf } from '../group.streams';

// The real national region list: Kasongan Baru is a village of Katingan Hilir, a district of Kabupaten Katingan.
export const regions = loadRegionCatalogue();
export const decider = createGroupDecider({ regions });
export const given = givenEvents(decider);

export const KASONGAN_BARU = '62.06.02.1003';
export const KATINGAN_HILIR = '62.06.02';
export const KATINGAN = '62.06';

export const GROUP = 'group-1';
export const NOW = new Date('2026-02-02T03:00:00.000Z');
export const AT = NOW.toISOString();
export const EARLIER = '2026-01-20T03:00:00.000Z';

export const siti: Actor = { id: 'citizen-siti', role: 'citizen' };
export const rahmat: Actor = { id: 'citizen-rahmat', role: 'citizen' };
export const budi: Actor = { id: 'citizen-budi', role: 'citizen' };
export const katinganFacilitator: Actor = { id: 'fasil-katingan', role: 'facilitator', regionCode: KATINGAN };
export const kobarFacilitator: Actor = { id: 'fasil-kobar', role: 'facilitator', regionCode: '62.01' };
export const provincialFacilitator: Actor = { id: 'fasil-prov', role: 'facilitator' };
export const official: Actor = { id: 'pupr-1', role: 'official:dinas-pupr' };
export const auditor: Actor = { id: 'auditor-1', role: 'auditor' };
export const admin: Actor = { id: 'admin-1', role: 'admin' };

export const keyOf = (actor: Actor): string => memberKeyOf(GROUP, actor.id);

export const command = <T extends GroupCommand['type']>(
  type: T,
  data: Extract<GroupCommand, { type: T }>['data'],
  actor: Actor,
): GroupCommand => ({ type, data, metadata: { actor, now: NOW } }) as GroupCommand;

export const charter = {
  groupId: GROUP,
  name: 'KIM Kasongan Baru',
  description: 'Kelompok Informasi Masyarakat desa Kasongan Baru',
  regionCode: KASONGAN_BARU,
  joinPolicy: 'open' as const,
  signatureThreshold: 3,
};

export const founded: GroupEvent = { type: 'GroupFounded', data: { ...charter, foundedAt: EARLIER } };
export const closedFounded: GroupEvent = {
  type: 'GroupFounded',
  data: { ...charter, joinPolicy: 'closed', foundedAt: EARLIER },
};
export const proposed: GroupEvent = {
  type: 'GroupProposed',
  data: { ...charter, proposedBy: siti.id, proposerName: 'Siti Rahma', proposedAt: EARLIER },
};
export const joined = (actor: Actor, displayName = 'Warga'): GroupEvent => ({
  type: 'MemberJoined',
  data: { memberId: actor.id, displayName, joinedAt: EARLIER },
});
export const requested = (actor: Actor, displayName = 'Warga'): GroupEvent => ({
  type: 'JoinRequested',
  data: { memberId: actor.id, displayName, requestedAt: EARLIER },
});
export const appointed = (actor: Actor): GroupEvent => ({
  type: 'CoordinatorAppointed',
  data: { memberId: actor.id, appointedAt: EARLIER },
});
export const dissolved: GroupEvent = {
  type: 'GroupDissolved',
  data: { reason: 'Tidak aktif lagi', dissolvedAt: EARLIER },
};
