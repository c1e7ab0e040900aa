import { Decider } from '../../platform/domain/decider';
import { AcknowledgeAnnouncement } from './announcement.commands';
import { announcementErrors as errors } from './announcement.errors';
import { AnnouncementAcknowledged } from './announcement.events';

export type AcknowledgementState = { readonly acknowledged: boolean };

/** One person's acknowledgement stream: once, and again answers the same (idempotent, nothing new written). */
export const acknowledgementDecider: Decider<
  AcknowledgeAnnouncement,
  AnnouncementAcknowledged,
  AcknowledgementState
> = {
  initialState: { acknowledged: false },
  evolve: () => ({ acknowledged: true }),
  decide(command, state) {
    const { announcement, announcementId } = command.data;
    if (announcement === null) throw errors.notFound();
    if (state.acknowledged) return [];
    if (announcement.status === 'withdrawn') throw errors.withdrawn();
    const acknowledgedAt = command.metadata.now.toISOString();
    return [{ type: 'AnnouncementAcknowledged', data: { announcementId, acknowledgedAt } }];
  },
};
