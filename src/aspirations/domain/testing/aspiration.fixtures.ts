import { Actor } from '../../../platform/domain/decider';
import { givenEvents } from '../../../platform/domain/testing/decider-spec';
import { createIndonesianCalendar } from '../../../platform/domain/working-days';
import { loadRegionCatalogue } from '../../../regions/region-catalogue';
import { AspirationCommand } from '../aspiration.commands';
import { createAspirationDecider, DeadlineRules, defaultDeadlineRules } from '../aspiration.decider';
import {
  AspirationAssigned,
  AspirationClosed,
  AspirationEvent,
  AspirationRejected,
  AspirationResolved,
  AspirationSubmitted,
  AspirationVerified,
  CitizenReplied,
  OfficialResponded,
} from '../aspiration.events';

// The real national region list and the real holiday calendar: deadlines below are real 2026 instants.
export const regions = loadRegionCatalogue();
export const calendar = createIndonesianCalendar();
export const deciderWith = (rules: DeadlineRules) => createAspirationDecider({ regions, calendar, rules });
export const decider = deciderWith(defaultDeadlineRules);

export const KASONGAN_BARU = '62.06.02.1003'; // Kalimantan Tengah: WIB (UTC+7)
export const BADUNG = '51.03'; // Bali: WITA (UTC+8)

export const citizen: Actor = { id: 'citizen-1', role: 'citizen' };
export const otherCitizen: Actor = { id: 'citizen-2', role: 'citizen' };
export const facilitator: Actor = { id: 'facilitator-1', role: 'facilitator' };
/** Facilitators bound to a regency (`facilitator` above is platform-wide): Katingan holds Kasongan Baru. */
export const katinganFacilitator: Actor = {
  id: 'facilitator-katingan',
  role: 'facilitator',
  regionCode: '62.06',
};
export const kotawaringinFacilitator: Actor = {
  id: 'facilitator-kobar',
  role: 'facilitator',
  regionCode: '62.01',
};
export const puprOfficial: Actor = { id: 'official-1', role: 'official:dinas-pupr' };
export const healthOfficial: Actor = { id: 'official-2', role: 'official:dinas-kesehatan' };
export const system: Actor = { id: 'deadline-scheduler', role: 'system' };
export const auditor: Actor = { id: 'auditor-1', role: 'auditor' };
export const admin: Actor = { id: 'admin-1', role: 'admin' };

/** The story's clock, in UTC; WIB is seven hours ahead. */
export const at = {
  submitted: '2026-01-09T03:00:00.000Z', // Friday 10:00 WIB
  verified: '2026-01-12T02:00:00.000Z', // Monday
  assigned: '2026-01-12T03:00:00.000Z', // Monday
  responded: '2026-01-14T03:00:00.000Z', // Wednesday
  replied: '2026-01-14T05:00:00.000Z',
  resolved: '2026-01-15T03:00:00.000Z', // Thursday; Friday 16 January is a public holiday
};

/** Deadlines from the clock above, counted by hand on the 2026 calendar (16 January is a holiday). */
export const due = {
  verification: '2026-01-14T16:59:59.999Z', // Mon 12, Tue 13, Wed 14
  followUp: '2026-01-20T16:59:59.999Z', // Tue 13 … Thu 15, Mon 19, Tue 20
  autoClose: '2026-01-29T16:59:59.999Z', // Thu 15, Mon 19 … Fri 23, Mon 26 … Thu 29
  reopenUntil: '2026-01-30T16:59:59.999Z', // Mon 19 … Fri 23, Mon 26 … Fri 30
};

export const submitted: AspirationSubmitted = {
  type: 'AspirationSubmitted',
  data: {
    aspirationId: 'asp-1',
    messageId: 'msg-1',
    title: 'Jalan rusak di Kasongan Baru',
    body: 'Jalan utama menuju pasar berlubang besar dan tergenang saat hujan.',
    category: 'infrastruktur',
    regionCode: KASONGAN_BARU,
    visibility: 'public',
    anonymous: false,
    submittedBy: citizen.id,
    submittedAt: at.submitted,
    verificationDueAt: due.verification,
  },
};
export const verified: AspirationVerified = { type: 'AspirationVerified', data: { verifiedAt: at.verified } };
export const rejected: AspirationRejected = {
  type: 'AspirationRejected',
  data: { reason: 'Bukan kewenangan pemerintah daerah', rejectedAt: at.verified },
};
export const assigned: AspirationAssigned = {
  type: 'AspirationAssigned',
  data: { agencyId: 'dinas-pupr', assignedAt: at.assigned, followUpDueAt: due.followUp },
};
export const responded: OfficialResponded = {
  type: 'OfficialResponded',
  data: {
    messageId: 'msg-2',
    body: 'Tim kami akan meninjau lokasi minggu ini.',
    agencyId: 'dinas-pupr',
    respondedAt: at.responded,
    autoCloseDueAt: due.autoClose,
  },
};
export const replied: CitizenReplied = {
  type: 'CitizenReplied',
  data: { messageId: 'msg-3', body: 'Terima kasih, kami tunggu.', repliedAt: at.replied },
};
export const resolved: AspirationResolved = {
  type: 'AspirationResolved',
  data: { summary: 'Lubang sudah ditambal.', resolvedAt: at.resolved, reopenUntil: due.reopenUntil },
};
export const closedBySubmitter: AspirationClosed = {
  type: 'AspirationClosed',
  data: { reason: 'by_submitter', closedAt: at.resolved, reopenUntil: due.reopenUntil },
};

/** Histories that lead to each status. */
export const history = {
  none: [] as AspirationEvent[],
  submitted: [submitted],
  verified: [submitted, verified],
  rejected: [submitted, rejected],
  inProgress: [submitted, verified, assigned],
  responded: [submitted, verified, assigned, responded],
  resolved: [submitted, verified, assigned, responded, resolved],
  closed: [submitted, verified, assigned, closedBySubmitter],
};

type CommandOf<T extends AspirationCommand['type']> = Extract<AspirationCommand, { type: T }>;

export function command<T extends AspirationCommand['type']>(
  type: T,
  data: CommandOf<T>['data'],
  actor: Actor,
  now: string,
): CommandOf<T> {
  return { type, data, metadata: { actor, now: new Date(now) } } as CommandOf<T>;
}

/** given(events).when(command).then(events) | .thenError(kind, code, field?) */
export function given(events: readonly AspirationEvent[], using = decider) {
  const scenario = givenEvents(using)(...events);
  return {
    when: (cmd: AspirationCommand) => {
      const step = scenario.when(cmd);
      return { then: (expected: AspirationEvent[]) => step.then(...expected), thenError: step.thenFails };
    },
  };
}
