import { DomainEvent } from '../../platform/domain/decider';

export type AgencyRegistered = DomainEvent<
  'AgencyRegistered',
  {
    agencyId: string;
    name: string;
    regionCode: string;
    parentAgencyId?: string;
    categories: string[];
    registeredAt: string;
  }
>;

/** The categories this agency serves: the default route for aspirations in them. */
export type AgencyCategoriesSet = DomainEvent<'AgencyCategoriesSet', { categories: string[]; setAt: string }>;

/** The agency aspirations escalate to; null detaches it. */
export type AgencyParentSet = DomainEvent<
  'AgencyParentSet',
  { parentAgencyId: string | null; setAt: string }
>;

export type OfficialAdded = DomainEvent<
  'OfficialAdded',
  { officialId: string; name: string; addedAt: string }
>;

export type OfficialRemoved = DomainEvent<'OfficialRemoved', { officialId: string; removedAt: string }>;

export type AgencyEvent =
  AgencyRegistered | AgencyCategoriesSet | AgencyParentSet | OfficialAdded | OfficialRemoved;
