import { CommandMetadata, Role } from '../../platform/domain/decider';
import { givenEvents } from '../../platform/domain/testing/decider-spec';
import { agencyDecider } from './agency.decider';
import { AgencyEvent } from './agency.events';
import { agencyPersonalData } from './agency.personal-data';
import { agencyStream } from './agency.streams';

const NOW = new Date('2025-03-10T02:00:00.000Z');
const AT = NOW.toISOString();
const asAdmin: CommandMetadata = { actor: { id: 'admin-1', role: 'admin' }, now: NOW };
const wrongRoles: Role[] = ['citizen', 'facilitator', 'auditor', 'system', 'official:dinas-pupr'];

const given = givenEvents(agencyDecider);

const registration = {
  agencyId: 'dinas-pupr',
  name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
  regionCode: '62.06',
  categories: ['jalan', 'jembatan'],
};
const registered: AgencyEvent = { type: 'AgencyRegistered', data: { ...registration, registeredAt: AT } };
const officialAdded: AgencyEvent = {
  type: 'OfficialAdded',
  data: { officialId: 'acc-7', name: 'Siti Rahma', addedAt: AT },
};

const register = (
  data: Partial<typeof registration> & { parentAgencyId?: string } = {},
  metadata = asAdmin,
) => ({ type: 'RegisterAgency', data: { ...registration, ...data }, metadata }) as const;
const setCategories = (categories: string[], metadata = asAdmin) =>
  ({ type: 'SetServedCategories', data: { agencyId: 'dinas-pupr', categories }, metadata }) as const;
const setParent = (parentAgencyId: string | null, metadata = asAdmin) =>
  ({ type: 'SetParentAgency', data: { agencyId: 'dinas-pupr', parentAgencyId }, metadata }) as const;
const addOfficial = (officialId = 'acc-7', name = 'Siti Rahma', metadata = asAdmin) =>
  ({ type: 'AddOfficial', data: { agencyId: 'dinas-pupr', officialId, name }, metadata }) as const;
const removeOfficial = (officialId = 'acc-7', metadata = asAdmin) =>
  ({ type: 'RemoveOfficial', data: { agencyId: 'dinas-pupr', officialId }, metadata }) as const;

describe('RegisterAgency', () => {
  it('registers an agency', () => given().when(register()).then(registered));

  it('keeps an optional parent agency', () =>
    given()
      .when(register({ parentAgencyId: 'setda-katingan' }))
      .then({
        type: 'AgencyRegistered',
        data: { ...registration, parentAgencyId: 'setda-katingan', registeredAt: AT },
      }));

  it('accepts an agency serving no category yet', () =>
    given()
      .when(register({ categories: [] }))
      .then({ type: 'AgencyRegistered', data: { ...registration, categories: [], registeredAt: AT } }));

  it('trims the name', () =>
    given()
      .when(register({ name: '  Dinas Kesehatan  ' }))
      .then({
        type: 'AgencyRegistered',
        data: { ...registration, name: 'Dinas Kesehatan', registeredAt: AT },
      }));

  it('refuses an agency already registered', () =>
    given(registered).when(register()).thenFails('conflict', 'agency_already_registered'));

  it.each(wrongRoles)('refuses the role %s', (role) =>
    given()
      .when(register({}, { ...asAdmin, actor: { id: 'x', role } }))
      .thenFails('forbidden', 'admin_only'),
  );

  it.each([
    ['too short', 'd'],
    ['too long', 'a'.repeat(65)],
    ['empty', ''],
    ['upper case', 'Dinas-PUPR'],
    ['underscored', 'dinas_pupr'],
    ['double-hyphened', 'dinas--pupr'],
    ['hyphen-led', '-dinas'],
    ['hyphen-ended', 'dinas-'],
  ])('refuses an agency id %s', (_case, agencyId) =>
    given().when(register({ agencyId })).thenFails('invalid', 'invalid_agency_id', 'agencyId'),
  );

  it('accepts agency ids of 2 and 64 characters', () => {
    for (const agencyId of ['pu', 'a'.repeat(64)]) {
      given()
        .when(register({ agencyId }))
        .then({ type: 'AgencyRegistered', data: { ...registration, agencyId, registeredAt: AT } });
    }
  });

  it.each([
    ['too short', 'ab'],
    ['short once trimmed', '   ab   '],
    ['too long', 'x'.repeat(201)],
  ])('refuses a name %s', (_case, name) =>
    given().when(register({ name })).thenFails('invalid', 'invalid_name', 'name'),
  );

  it('refuses a blank region code', () =>
    given()
      .when(register({ regionCode: ' ' }))
      .thenFails('invalid', 'missing_region_code', 'regionCode'));

  it('refuses an invalid parent agency id', () =>
    given()
      .when(register({ parentAgencyId: 'Setda' }))
      .thenFails('invalid', 'invalid_agency_id', 'parentAgencyId'));

  it('refuses itself as parent', () =>
    given()
      .when(register({ parentAgencyId: 'dinas-pupr' }))
      .thenFails('invalid', 'own_parent', 'parentAgencyId'));

  it('refuses a duplicate category', () =>
    given()
      .when(register({ categories: ['jalan', 'jalan'] }))
      .thenFails('invalid', 'duplicate_category', 'categories'));

  it('refuses a blank category', () =>
    given()
      .when(register({ categories: [' '] }))
      .thenFails('invalid', 'invalid_category', 'categories'));
});

describe('SetServedCategories', () => {
  it('sets the categories', () =>
    given(registered)
      .when(setCategories(['air-bersih']))
      .then({ type: 'AgencyCategoriesSet', data: { categories: ['air-bersih'], setAt: AT } }));

  it('may clear them', () =>
    given(registered)
      .when(setCategories([]))
      .then({ type: 'AgencyCategoriesSet', data: { categories: [], setAt: AT } }));

  it('emits nothing when the set is unchanged, whatever the order', () =>
    given(registered)
      .when(setCategories(['jembatan', 'jalan']))
      .then());

  it('compares with the last categories set', () =>
    given(registered, { type: 'AgencyCategoriesSet', data: { categories: ['air-bersih'], setAt: AT } })
      .when(setCategories(['air-bersih']))
      .then());

  it('refuses duplicates', () =>
    given(registered)
      .when(setCategories(['jalan', 'jalan']))
      .thenFails('invalid', 'duplicate_category', 'categories'));

  it('refuses a blank category', () =>
    given(registered)
      .when(setCategories(['']))
      .thenFails('invalid', 'invalid_category', 'categories'));

  it('refuses an unregistered agency', () =>
    given()
      .when(setCategories(['jalan']))
      .thenFails('not_found', 'agency_not_found'));

  it.each(wrongRoles)('refuses the role %s', (role) =>
    given(registered)
      .when(setCategories(['jalan'], { ...asAdmin, actor: { id: 'x', role } }))
      .thenFails('forbidden', 'admin_only'),
  );
});

describe('SetParentAgency', () => {
  const parentSet: AgencyEvent = {
    type: 'AgencyParentSet',
    data: { parentAgencyId: 'setda-katingan', setAt: AT },
  };

  it('sets the parent', () => given(registered).when(setParent('setda-katingan')).then(parentSet));

  it('detaches the parent', () =>
    given(registered, parentSet)
      .when(setParent(null))
      .then({ type: 'AgencyParentSet', data: { parentAgencyId: null, setAt: AT } }));

  it('emits nothing when the parent is unchanged', () =>
    given(registered, parentSet).when(setParent('setda-katingan')).then());

  it('emits nothing when detaching an agency without parent', () =>
    given(registered).when(setParent(null)).then());

  it('sees a parent given at registration', () =>
    given({
      type: 'AgencyRegistered',
      data: { ...registration, parentAgencyId: 'setda-katingan', registeredAt: AT },
    })
      .when(setParent('setda-katingan'))
      .then());

  it('refuses itself as parent', () =>
    given(registered).when(setParent('dinas-pupr')).thenFails('invalid', 'own_parent', 'parentAgencyId'));

  it('refuses an invalid parent id', () =>
    given(registered).when(setParent('Setda')).thenFails('invalid', 'invalid_agency_id', 'parentAgencyId'));

  it('refuses an unregistered agency', () =>
    given().when(setParent('setda-katingan')).thenFails('not_found', 'agency_not_found'));

  it.each(wrongRoles)('refuses the role %s', (role) =>
    given(registered)
      .when(setParent('setda-katingan', { ...asAdmin, actor: { id: 'x', role } }))
      .thenFails('forbidden', 'admin_only'),
  );
});

describe('AddOfficial', () => {
  it('adds an official', () => given(registered).when(addOfficial()).then(officialAdded));

  it('trims the name', () =>
    given(registered).when(addOfficial('acc-7', ' Siti Rahma ')).then(officialAdded));

  it('refuses an official already added', () =>
    given(registered, officialAdded).when(addOfficial()).thenFails('conflict', 'already_official'));

  it('adds an official again after removal', () =>
    given(registered, officialAdded, {
      type: 'OfficialRemoved',
      data: { officialId: 'acc-7', removedAt: AT },
    })
      .when(addOfficial())
      .then(officialAdded));

  it('treats an id named like an object property as any other', () =>
    given(registered)
      .when(addOfficial('constructor'))
      .then({ type: 'OfficialAdded', data: { officialId: 'constructor', name: 'Siti Rahma', addedAt: AT } }));

  it('refuses a blank official id', () =>
    given(registered).when(addOfficial(' ')).thenFails('invalid', 'missing_official_id', 'officialId'));

  it.each([
    ['blank', ' '],
    ['too long', 'x'.repeat(201)],
  ])('refuses a name %s', (_case, name) =>
    given(registered).when(addOfficial('acc-7', name)).thenFails('invalid', 'invalid_official_name', 'name'),
  );

  it('refuses an unregistered agency', () =>
    given().when(addOfficial()).thenFails('not_found', 'agency_not_found'));

  it.each(wrongRoles)('refuses the role %s', (role) =>
    given(registered)
      .when(addOfficial('acc-7', 'Siti Rahma', { ...asAdmin, actor: { id: 'x', role } }))
      .thenFails('forbidden', 'admin_only'),
  );
});

describe('RemoveOfficial', () => {
  const removed: AgencyEvent = { type: 'OfficialRemoved', data: { officialId: 'acc-7', removedAt: AT } };

  it('removes an official', () => given(registered, officialAdded).when(removeOfficial()).then(removed));

  it('refuses someone who is not an official', () =>
    given(registered).when(removeOfficial()).thenFails('not_found', 'official_not_found'));

  it('refuses an official already removed', () =>
    given(registered, officialAdded, removed)
      .when(removeOfficial())
      .thenFails('not_found', 'official_not_found'));

  it('refuses an id named like an object property', () =>
    given(registered).when(removeOfficial('toString')).thenFails('not_found', 'official_not_found'));

  it('refuses an unregistered agency', () =>
    given().when(removeOfficial()).thenFails('not_found', 'agency_not_found'));

  it.each(wrongRoles)('refuses the role %s', (role) =>
    given(registered, officialAdded)
      .when(removeOfficial('acc-7', { ...asAdmin, actor: { id: 'x', role } }))
      .thenFails('forbidden', 'admin_only'),
  );
});

describe('agency streams and personal data', () => {
  it('names one stream per agency', () => expect(agencyStream('dinas-pupr')).toBe('agency-dinas-pupr'));

  it("marks an official's name as theirs", () =>
    expect(agencyPersonalData(officialAdded)).toEqual([{ field: 'name', subject: 'acc-7' }]));

  it('marks nothing else', () => {
    expect(agencyPersonalData(registered)).toEqual([]);
    expect(
      agencyPersonalData({ type: 'OfficialRemoved', data: { officialId: 'acc-7', removedAt: AT } }),
    ).toEqual([]);
  });
});
