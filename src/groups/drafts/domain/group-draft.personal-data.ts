import { PersonalDataPolicy } from '../../../platform/domain/personal-data';
import { GroupDraftStarted } from './group-draft.events';

/** The drafter is a citizen: sealed with their key. Signers live only in the (sealed) metadata of their streams. */
export const groupDraftPersonalData: PersonalDataPolicy = (event) =>
  event.type === 'GroupDraftStarted'
    ? [{ field: 'draftedBy', subject: (event.data as GroupDraftStarted['data']).draftedBy }]
    : [];
