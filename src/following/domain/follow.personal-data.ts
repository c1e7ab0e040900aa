import { PersonalDataPolicy } from '../../platform/domain/personal-data';

/** No event data is personal: who follows lives only in the metadata, which the event log seals for citizens. */
export const followPersonalData: PersonalDataPolicy = () => [];
