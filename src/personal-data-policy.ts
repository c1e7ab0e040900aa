import { agencyPersonalData } from './agencies/domain/agency.personal-data';
import { endorsementPersonalData } from './endorsements/domain/endorsement.personal-data';
import { combinePolicies } from './platform/event-log/event-sealer';

/** Every feature's declaration of which event fields are personal, and whose. */
export const personalDataPolicy = combinePolicies(agencyPersonalData, endorsementPersonalData);
