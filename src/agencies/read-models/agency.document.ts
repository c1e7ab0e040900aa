import { Doc } from '../../platform/document-store/document-store.port';

/** The read model of registered agencies: what pages list and filter by. Officials are not in it. */
export const AGENCIES_PROJECTION = 'agencies';
export const AGENCIES = 'agencies';

export interface AgencyDocument extends Doc {
  readonly _id: string;
  readonly agencyId: string;
  readonly name: string;
  readonly regionCode: string;
  /** The region and every region above it (62, 62.06): a region filter matches any of them. */
  readonly regions: readonly string[];
  readonly parentAgencyId: string | null;
  readonly categories: readonly string[];
  readonly registeredAt: string;
}
