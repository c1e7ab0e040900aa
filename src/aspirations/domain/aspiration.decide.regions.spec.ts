import { Actor } from '../../platform/domain/decider';
import { AspirationCommand } from './aspiration.commands';
import { AspirationEvent } from './aspiration.events';
import {
  at,
  command,
  decider,
  facilitator,
  given,
  history,
  katinganFacilitator,
  kotawaringinFacilitator,
  submitted,
  verified,
} from './testing/aspiration.fixtures';

// Kasongan Baru (62.06.02.1003) lies in Katingan (62.06): its facilitators act there, Kotawaringin Barat's (62.01)
// do not, and a facilitator without a region (provincial Diskominfo) acts everywhere.
const afterFollowUp = '2026-01-21T01:00:00.000Z';
const afterVerification = '2026-01-14T17:00:00.000Z';
const reason = 'Bukan kewenangan pemerintah daerah';

type Case = [
  string,
  readonly AspirationEvent[],
  (actor: Actor) => AspirationCommand,
  AspirationEvent['type'],
];
const facilitatorCommands: Case[] = [
  ['verify', history.submitted, (a) => command('VerifyAspiration', {}, a, at.verified), 'AspirationVerified'],
  [
    'reject',
    history.submitted,
    (a) => command('RejectAspiration', { reason }, a, at.verified),
    'AspirationRejected',
  ],
  [
    'escalate a missed verification',
    history.submitted,
    (a) => command('EscalateAspiration', { stage: 'verification', toAgencyId: null }, a, afterVerification),
    'AspirationEscalated',
  ],
  [
    'hide a message before verification',
    history.submitted,
    (a) => command('HideMessage', { messageId: 'msg-1', reason }, a, at.verified),
    'MessageHidden',
  ],
  [
    'assign',
    history.verified,
    (a) => command('AssignAspiration', { agencyId: 'dinas-pupr' }, a, at.assigned),
    'AspirationAssigned',
  ],
  [
    'forward',
    history.inProgress,
    (a) => command('ForwardAspiration', { toAgencyId: 'dinas-perhubungan', reason }, a, at.responded),
    'AspirationForwarded',
  ],
  [
    'resolve',
    history.responded,
    (a) => command('ResolveAspiration', { summary: 'Sudah ditambal.' }, a, at.resolved),
    'AspirationResolved',
  ],
  [
    'close as a facilitator',
    history.inProgress,
    (a) => command('CloseAspiration', { reason: 'by_facilitator' }, a, at.resolved),
    'AspirationClosed',
  ],
  [
    'hide a response',
    history.responded,
    (a) => command('HideMessage', { messageId: 'msg-2', reason }, a, at.resolved),
    'MessageHidden',
  ],
  [
    'escalate a missed response',
    history.inProgress,
    (a) => command('EscalateAspiration', { stage: 'response', toAgencyId: null }, a, afterFollowUp),
    'AspirationEscalated',
  ],
];

const decided = (events: readonly AspirationEvent[], cmd: AspirationCommand) =>
  decider.decide(cmd, events.reduce(decider.evolve, decider.initialState)).map((event) => event.type);

const confidential = (events: readonly AspirationEvent[]) =>
  events.map((event) =>
    event.type === 'AspirationSubmitted'
      ? { ...event, data: { ...event.data, visibility: 'confidential' as const } }
      : event,
  );

const published = (events: readonly AspirationEvent[]) =>
  events.some((event) => event.type === 'AspirationVerified');

describe("a facilitator's region", () => {
  describe.each(facilitatorCommands)('%s', (_, events, commandBy, eventType) => {
    // Outside their region a facilitator is the public: what the public cannot see does not exist for them.
    const refusedTo = (actor: Actor, history: readonly AspirationEvent[]) => {
      const when = given(history).when(commandBy(actor));
      if (published(history)) when.thenError('forbidden', 'outside_facilitator_region');
      else when.thenError('not_found', 'aspiration_not_found');
    };

    it("is allowed to the region's facilitator, one of a district within it and a platform-wide one", () => {
      const district: Actor = { ...katinganFacilitator, regionCode: '62.06.02' };
      for (const actor of [katinganFacilitator, district, facilitator])
        expect(decided(events, commandBy(actor))).toEqual([eventType]);
    });

    it('is refused to a facilitator of another regency: 404 while they cannot see it, 403 once public', () => {
      refusedTo(kotawaringinFacilitator, events);
    });

    it('is refused with 404 to a facilitator of another regency when the aspiration is confidential', () => {
      given(confidential(events))
        .when(commandBy(kotawaringinFacilitator))
        .thenError('not_found', 'aspiration_not_found');
    });

    it('is refused to a facilitator of one village when the aspiration names only the regency above it', () => {
      const village: Actor = { ...katinganFacilitator, regionCode: '62.06.02.1003' };
      const regencyWide = events.map((event) =>
        event.type === 'AspirationSubmitted'
          ? { ...event, data: { ...event.data, regionCode: '62.06' } }
          : event,
      );
      refusedTo(village, regencyWide);
      expect(decided(events, commandBy(village))).toEqual([eventType]);
    });
  });

  it("lets a facilitator follow what they submitted elsewhere, but not verify it: that is the region's task", () => {
    const theirs = { ...submitted, data: { ...submitted.data, submittedBy: kotawaringinFacilitator.id } };
    given([theirs])
      .when(command('VerifyAspiration', {}, kotawaringinFacilitator, at.verified))
      .thenError('forbidden', 'outside_facilitator_region');
    given([theirs])
      .when(command('VerifyAspiration', {}, katinganFacilitator, at.verified))
      .then([verified]);
  });
});

describe("SubmitAspiration on a villager's behalf, by region", () => {
  const onBehalf = (actor: Actor, regionCode: string) =>
    command(
      'SubmitAspiration',
      {
        ...submitted.data,
        regionCode,
        onBehalfOf: { name: 'Ibu Sari' },
      },
      actor,
      at.submitted,
    );
  const expected = (actor: Actor) => [
    {
      type: 'AspirationSubmitted',
      data: { ...submitted.data, submittedBy: actor.id, onBehalfOf: { name: 'Ibu Sari' } },
    },
  ];

  it('is taken from a facilitator of the region and from a platform-wide one', () => {
    for (const actor of [katinganFacilitator, facilitator])
      given([])
        .when(onBehalf(actor, submitted.data.regionCode))
        .then(expected(actor) as AspirationEvent[]);
  });

  it('is refused from a facilitator of another regency, and into the province above their own region', () => {
    for (const [actor, regionCode] of [
      [kotawaringinFacilitator, submitted.data.regionCode],
      [katinganFacilitator, '62'],
    ] as const)
      given([]).when(onBehalf(actor, regionCode)).thenError('forbidden', 'outside_facilitator_region');
  });

  it('still names an unknown region first: nothing about the region is decided on a code that does not exist', () => {
    given([])
      .when(onBehalf(kotawaringinFacilitator, '62.06.02.9999'))
      .thenError('invalid', 'unknown_region', 'regionCode');
  });
});
