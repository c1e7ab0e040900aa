import { agenciesProjection } from './agencies/agencies.projection';
import { aspirationsProjection } from './aspirations/aspirations.projection';
import { notificationsProjection } from './notifications/notifications.projection';
import { endorsementStreamsProjection } from './endorsements/endorsement-streams.projection';
import { groupsProjection } from './groups/groups.projection';
import { announcementsProjection } from './announcements/announcements.projection';
import { Projection } from './runner/projection';

/** Every read model of the platform. */
export const projections: readonly Projection[] = [
  aspirationsProjection,
  agenciesProjection,
  notificationsProjection,
  endorsementStreamsProjection,
  groupsProjection,
  announcementsProjection,
];

export function projectionNamed(name: string): Projection {
  const found = projections.find((p) => p.name === name);
  if (!found) throw new Error(`No projection "${name}"; known: ${projections.map((p) => p.name).join(', ')}`);
  return found;
}
