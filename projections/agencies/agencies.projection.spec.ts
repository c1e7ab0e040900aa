import { AgencyDocument } from '../../src/agencies/read-models/agency.document';
import { ProjectedEvent } from '../runner/projection';
import { agenciesProjection, nextAgency } from './agencies.projection';

const admin = { id: 'admin-1', role: 'admin' };
let position = 10n;
const event = (type: string, data: Record<string, unknown>): ProjectedEvent => ({
  type,
  data,
  stream: 'agency-dinas-pupr',
  position: ++position,
  actor: admin,
  occurredAt: '2026-01-05T02:00:00.000Z',
});

const registered = event('AgencyRegistered', {
  agencyId: 'dinas-pupr',
  name: 'Dinas PUPR Katingan',
  regionCode: '62.06',
  parentAgencyId: 'pemkab-katingan',
  categories: ['infrastruktur'],
  registeredAt: '2026-01-05T02:00:00.000Z',
});

describe('agencies projection', () => {
  const pupr = nextAgency(registered, undefined)!;

  it('given nothing, when an agency is registered, then it is listed with its region and everything above it', () => {
    expect(pupr).toEqual<AgencyDocument>({
      _id: 'dinas-pupr',
      agencyId: 'dinas-pupr',
      name: 'Dinas PUPR Katingan',
      regionCode: '62.06',
      regions: ['62', '62.06'],
      parentAgencyId: 'pemkab-katingan',
      categories: ['infrastruktur'],
      registeredAt: '2026-01-05T02:00:00.000Z',
    });
  });

  it('given an agency, when its categories or parent change, then its document follows', () => {
    const categories = event('AgencyCategoriesSet', {
      categories: ['infrastruktur', 'perhubungan'],
      setAt: 'x',
    });
    expect(nextAgency(categories, pupr)?.categories).toEqual(['infrastruktur', 'perhubungan']);
    const detached = event('AgencyParentSet', { parentAgencyId: null, setAt: 'x' });
    expect(nextAgency(detached, pupr)?.parentAgencyId).toBeNull();
  });

  it('given no agency, when a later event arrives, then nothing is invented', () => {
    expect(
      nextAgency(event('AgencyParentSet', { parentAgencyId: 'x', setAt: 'x' }), undefined),
    ).toBeUndefined();
  });

  it('reads agency events only, and not the officials, whose names are personal', () => {
    expect(
      ['AgencyRegistered', 'AgencyCategoriesSet', 'AgencyParentSet'].every(agenciesProjection.handles),
    ).toBe(true);
    expect(agenciesProjection.handles('OfficialAdded')).toBe(false);
    expect(agenciesProjection.handles('AspirationSubmitted')).toBe(false);
    expect(agenciesProjection.touches(registered)).toEqual([{ collection: 'agencies', id: 'dinas-pupr' }]);
    expect(
      agenciesProjection.project(
        registered,
        () => undefined,
        () => [],
      ),
    ).toEqual({
      operations: [{ collection: 'agencies', put: pupr }],
      changes: [],
    });
  });
});
