import { PersonalDataPolicy } from '../../platform/domain/personal-data';

/** No event data is personal: who endorsed lives only in the metadata, which the event log encrypts. */
export const endorsementPersonalData: PersonalDataPolicy = () => [];
