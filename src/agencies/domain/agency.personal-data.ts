import { PersonalDataPolicy } from '../../platform/domain/personal-data';
import { OfficialAdded } from './agency.events';

/** An official's name is theirs: erasing the official erases it. Agency names are public. */
export const agencyPersonalData: PersonalDataPolicy = (event) => {
  if (event.type !== 'OfficialAdded') return [];
  const { officialId } = event.data as OfficialAdded['data'];
  return [{ field: 'name', subject: officialId }];
};
