import { PersonalDataPolicy, PersonalField } from '../../platform/domain/personal-data';
import { GroupProposed, MEMBER_EVENTS } from './group.events';

const memberEvents: ReadonlySet<string> = new Set(MEMBER_EVENTS);

/**
 * Members are citizens, private persons: who they are and the name they go by are sealed with their own key, so
 * erasing a member erases them from every group's history. Founding, approval and dissolution are acts in office.
 */
export const groupPersonalData: PersonalDataPolicy = (event) => {
  if (event.type === 'GroupProposed') {
    const subject = (event.data as GroupProposed['data']).proposedBy;
    return [
      { field: 'proposedBy', subject },
      { field: 'proposerName', subject },
    ];
  }
  if (!memberEvents.has(event.type)) return [];
  const subject = (event.data as { memberId: string }).memberId;
  const fields: PersonalField[] = [{ field: 'memberId', subject }];
  if ('displayName' in event.data) fields.push({ field: 'displayName', subject });
  return fields;
};
