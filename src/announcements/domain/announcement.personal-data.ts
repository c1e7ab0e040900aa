import { PersonalDataPolicy } from '../../platform/domain/personal-data';
import { AnnouncementQuestionAsked } from './announcement.events';

/** An asker is a citizen: who they are and the name they go by are sealed with their own key. */
export const announcementPersonalData: PersonalDataPolicy = (event) => {
  if (event.type !== 'AnnouncementQuestionAsked') return [];
  const subject = (event.data as AnnouncementQuestionAsked['data']).askedBy;
  const fields = [{ field: 'askedBy', subject }];
  if ('askerName' in event.data) fields.push({ field: 'askerName', subject });
  return fields;
};
