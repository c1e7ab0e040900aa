import { PersonalDataPolicy } from '../../platform/domain/personal-data';

/** A session names its account: sealed, so that erasure unlinks the person from every session. */
export const sessionPersonalData: PersonalDataPolicy = (event) => {
  if (!['SessionStarted', 'SessionRefreshed', 'SessionEnded'].includes(event.type)) return [];
  const subject = (event.data as { accountId: string }).accountId;
  return [{ field: 'accountId', subject }];
};
