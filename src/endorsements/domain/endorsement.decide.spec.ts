import { CommandMetadata, Role } from '../../platform/domain/decider';
import { givenEvents } from '../../platform/domain/testing/decider-spec';
import { EndorsedAspirationFacts } from './endorsement.commands';
import { endorsementDecider } from './endorsement.decider';
import { EndorsementEvent } from './endorsement.events';
import { endorsementPersonalData } from './endorsement.personal-data';
import { endorsementStream } from './endorsement.streams';

const NOW = new Date('2025-03-10T02:00:00.000Z');
const AT = NOW.toISOString();
const EARLIER = '2025-03-01T00:00:00.000Z';
const asCitizen: CommandMetadata = { actor: { id: 'acc-citizen-1', role: 'citizen' }, now: NOW };
const wrongRoles: Role[] = ['facilitator', 'auditor', 'admin', 'system', 'official:dinas-pupr'];

const KNOWN_DIGEST = 'efc34b2377f5b3dea5b159319344353f';

const given = givenEvents(endorsementDecider);

const verified: EndorsedAspirationFacts = {
  status: 'verified',
  visibility: 'public',
  endorserIsSubmitter: false,
};
const endorse = (
  aspiration: EndorsedAspirationFacts | null = verified,
  metadata = asCitizen,
  aspirationId = 'asp-1',
) => ({ type: 'EndorseAspiration', data: { aspirationId, aspiration }, metadata }) as const;
const withdraw = (metadata = asCitizen, aspirationId = 'asp-1') =>
  ({ type: 'WithdrawEndorsement', data: { aspirationId }, metadata }) as const;

const endorsed: EndorsementEvent = {
  type: 'AspirationEndorsed',
  data: { aspirationId: 'asp-1', endorsedAt: EARLIER },
};
const withdrawn: EndorsementEvent = {
  type: 'EndorsementWithdrawn',
  data: { aspirationId: 'asp-1', withdrawnAt: EARLIER },
};

describe('EndorseAspiration', () => {
  const nowEndorsed: EndorsementEvent = {
    type: 'AspirationEndorsed',
    data: { aspirationId: 'asp-1', endorsedAt: AT },
  };

  it.each(['verified', 'in_progress', 'resolved', 'closed'])('endorses a public %s aspiration', (status) =>
    given()
      .when(endorse({ ...verified, status }))
      .then(nowEndorsed),
  );

  it('endorses again after withdrawing', () => given(endorsed, withdrawn).when(endorse()).then(nowEndorsed));

  it('refuses a second endorsement', () =>
    given(endorsed).when(endorse()).thenFails('conflict', 'already_endorsed'));

  it('refuses an aspiration that does not exist', () =>
    given().when(endorse(null)).thenFails('not_found', 'aspiration_not_found'));

  it.each(wrongRoles)(
    'answers %s that an unseen aspiration does not exist before refusing the role',
    (role) =>
      given()
        .when(endorse(null, { ...asCitizen, actor: { id: 'someone', role } }))
        .thenFails('not_found', 'aspiration_not_found'),
  );

  it('refuses a confidential aspiration', () =>
    given()
      .when(endorse({ ...verified, visibility: 'confidential' }))
      .thenFails('conflict', 'aspiration_confidential'));

  it.each(['submitted', 'rejected', 'unknown'])('refuses a %s aspiration', (status) =>
    given()
      .when(endorse({ ...verified, status }))
      .thenFails('conflict', 'aspiration_not_verified'),
  );

  it('refuses the submitter endorsing their own aspiration', () =>
    given()
      .when(endorse({ ...verified, endorserIsSubmitter: true }))
      .thenFails('forbidden', 'own_aspiration'));

  it('refuses the submitter even before verification, as the one who may see it', () =>
    given()
      .when(endorse({ ...verified, status: 'submitted', endorserIsSubmitter: true }))
      .thenFails('forbidden', 'own_aspiration'));

  it('refuses a blank aspiration id', () =>
    given()
      .when(endorse(verified, asCitizen, ' '))
      .thenFails('invalid', 'missing_aspiration_id', 'aspirationId'));

  it.each(wrongRoles)('refuses the role %s', (role) =>
    given()
      .when(endorse(verified, { ...asCitizen, actor: { id: 'x', role } }))
      .thenFails('forbidden', 'citizen_only'),
  );
});

describe('WithdrawEndorsement', () => {
  it('withdraws an endorsement', () =>
    given(endorsed)
      .when(withdraw())
      .then({ type: 'EndorsementWithdrawn', data: { aspirationId: 'asp-1', withdrawnAt: AT } }));

  it('withdraws a renewed endorsement', () =>
    given(endorsed, withdrawn, endorsed)
      .when(withdraw())
      .then({ type: 'EndorsementWithdrawn', data: { aspirationId: 'asp-1', withdrawnAt: AT } }));

  it('refuses when never endorsed', () => given().when(withdraw()).thenFails('conflict', 'not_endorsed'));

  it('refuses when already withdrawn', () =>
    given(endorsed, withdrawn).when(withdraw()).thenFails('conflict', 'not_endorsed'));

  it('refuses a blank aspiration id', () =>
    given(endorsed)
      .when(withdraw(asCitizen, ''))
      .thenFails('invalid', 'missing_aspiration_id', 'aspirationId'));

  it.each(wrongRoles)('refuses the role %s', (role) =>
    given(endorsed)
      .when(withdraw({ ...asCitizen, actor: { id: 'x', role } }))
      .thenFails('forbidden', 'citizen_only'),
  );
});

describe('endorsement state', () => {
  it('remembers since when the citizen endorses', () =>
    expect([endorsed].reduce(endorsementDecider.evolve, endorsementDecider.initialState)).toEqual({
      status: 'endorsed',
      since: EARLIER,
    }));
});

describe('endorsementStream', () => {
  it('is deterministic', () =>
    expect(endorsementStream('asp-1', 'acc-citizen-1')).toBe(endorsementStream('asp-1', 'acc-citizen-1')));

  it('names the aspiration and a 32-hex digest of the pair, never the citizen', () => {
    const stream = endorsementStream('asp-1', 'acc-citizen-1');
    expect(stream).toMatch(/^endorsement-asp-1-[0-9a-f]{32}$/);
    expect(stream).not.toContain('acc-citizen-1');
  });

  it('matches the sha256 of "aspirationId:citizenId"', () =>
    // sha256('asp-1:acc-citizen-1'), computed independently of the code under test.
    expect(endorsementStream('asp-1', 'acc-citizen-1')).toBe(`endorsement-asp-1-${KNOWN_DIGEST}`));

  it('differs per citizen and per aspiration', () => {
    expect(endorsementStream('asp-1', 'acc-citizen-1')).not.toBe(endorsementStream('asp-1', 'acc-citizen-2'));
    expect(endorsementStream('asp-1', 'acc-citizen-1')).not.toBe(endorsementStream('asp-2', 'acc-citizen-1'));
  });
});

describe('endorsementPersonalData', () => {
  it('marks no field as personal', () => {
    expect(endorsementPersonalData(endorsed)).toEqual([]);
    expect(endorsementPersonalData(withdrawn)).toEqual([]);
  });
});
