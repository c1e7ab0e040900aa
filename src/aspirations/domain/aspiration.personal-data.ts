import { PersonalDataPolicy, PersonalField } from '../../platform/domain/personal-data';
import { AspirationSubmitted } from './aspiration.events';

/** A villager has no account; their data is keyed to the aspiration, so erasing it spares the facilitator. */
export const villagerSubject = (aspirationId: string): string => `villager:${aspirationId}`;

// Only the submission names people: who submitted, and the villager a facilitator spoke for.
export const aspirationPersonalData: PersonalDataPolicy = (event) => {
  if (event.type !== 'AspirationSubmitted') return [];
  const data = event.data as AspirationSubmitted['data'];
  const fields: PersonalField[] = [{ field: 'submittedBy', subject: data.submittedBy }];
  if (data.onBehalfOf !== undefined)
    fields.push({ field: 'onBehalfOf', subject: villagerSubject(data.aspirationId) });
  return fields;
};
