/** The specification this endpoint serves, as discovery names it. */
export const GEOREPORT_V2 = 'http://wiki.open311.org/GeoReport_v2';

/** When the service list or its definitions last changed in code (categories, attributes, descriptions). */
export const SERVICES_REVISION = '2026-11-30T00:00:00.000Z';

/** The discovery changeset: sortable, and newer whenever the services change (a newly registered agency's name). */
export const changesetOf = (instants: readonly string[]): string =>
  [SERVICES_REVISION, ...instants].sort().at(-1)!.slice(0, 16).replace('T', ' ');

/** Service Discovery (wiki.open311.org/Service_Discovery): one production endpoint, in both formats. */
export function discoveryOf(origin: string, changeset: string) {
  return {
    changeset,
    contact: 'Ask the operator of this Suara Warga instance (Diskominfo); the API is described at /api/docs.',
    key_service:
      'An admin issues each client application its own key: POST /api/open311/clients {"name": …}.',
    endpoints: [
      {
        specification: GEOREPORT_V2,
        url: `${origin}/open311/v2`,
        changeset,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}
