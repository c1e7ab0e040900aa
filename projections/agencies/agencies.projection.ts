import { AgencyEvent } from '../../src/agencies/domain/agency.events';
import {
  AGENCIES,
  AGENCIES_PROJECTION,
  AgencyDocument,
} from '../../src/agencies/read-models/agency.document';
import { DocumentLookup, ProjectedEvent, Projection, ProjectionResult } from '../runner/projection';

/** Officials come and go without changing what the list shows, so their events are not read at all. */
const AGENCY_EVENTS = new Set<AgencyEvent['type']>([
  'AgencyRegistered',
  'AgencyCategoriesSet',
  'AgencyParentSet',
]);

const agencyIdOf = (event: ProjectedEvent) => event.stream.slice('agency-'.length);

const regionsOf = (code: string) => code.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'));

/** The agency's document after the event; undefined when the event changes nothing the list shows. */
export function nextAgency(
  event: ProjectedEvent,
  before: AgencyDocument | undefined,
): AgencyDocument | undefined {
  const type = event.type as AgencyEvent['type'];
  if (type === 'AgencyRegistered') {
    const data = event.data as Extract<AgencyEvent, { type: 'AgencyRegistered' }>['data'];
    return {
      _id: data.agencyId,
      agencyId: data.agencyId,
      name: data.name,
      regionCode: data.regionCode,
      regions: regionsOf(data.regionCode),
      parentAgencyId: data.parentAgencyId ?? null,
      categories: data.categories,
      registeredAt: data.registeredAt,
    };
  }
  // Later events belong to a registered agency: without its document there is nothing to change.
  if (before === undefined) return undefined;
  if (type === 'AgencyCategoriesSet') return { ...before, categories: event.data.categories as string[] };
  if (type === 'AgencyParentSet')
    return { ...before, parentAgencyId: (event.data.parentAgencyId as string | null) ?? null };
  return undefined;
}

/** Registered agencies with their region, parent and categories, from the agency streams. */
export const agenciesProjection: Projection = {
  name: AGENCIES_PROJECTION,
  // The list's order (name, then _id) after each of its filters.
  collections: {
    [AGENCIES]: [
      { fields: { name: 1, _id: 1 } },
      { fields: { regions: 1, name: 1, _id: 1 } },
      { fields: { categories: 1, name: 1, _id: 1 } },
    ],
  },
  handles: (type) => AGENCY_EVENTS.has(type as AgencyEvent['type']),
  touches: (event) => [{ collection: AGENCIES, id: agencyIdOf(event) }],
  project(event, documents: DocumentLookup): ProjectionResult {
    const before = documents({ collection: AGENCIES, id: agencyIdOf(event) }) as AgencyDocument | undefined;
    const after = nextAgency(event, before);
    return { operations: after ? [{ collection: AGENCIES, put: after }] : [], changes: [] };
  },
};
