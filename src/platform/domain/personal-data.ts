/**
 * Which fields of an event's data are personal, and whose. The event log encrypts each such field with
 * that person's own data key, so erasing the key erases the person while every hash still verifies.
 * A subject of undefined means the field is absent in this event.
 */
export interface PersonalField {
  readonly field: string;
  readonly subject: string;
}

export type PersonalDataPolicy = (event: { type: string; data: object }) => PersonalField[];
