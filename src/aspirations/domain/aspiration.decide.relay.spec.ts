import { AspirationEvent, AspirationSubmitted } from './aspiration.events';
import {
  assigned,
  at,
  citizen,
  command,
  facilitator,
  given,
  katinganFacilitator,
  kotawaringinFacilitator,
  replied,
  resolved,
  responded,
  submitted,
  verified,
} from './testing/aspiration.fixtures';

// A villager who is not online speaks through a facilitator: replies, ratings and reopenings are relayed for them.

const forVillager: AspirationSubmitted = {
  type: 'AspirationSubmitted',
  data: {
    ...submitted.data,
    submittedBy: katinganFacilitator.id,
    onBehalfOf: { name: 'Ibu Sari', contact: 'RT 03 Kasongan Baru' },
  },
};
const relayedHistory = {
  responded: [forVillager, verified, assigned, responded] as AspirationEvent[],
  resolved: [forVillager, verified, assigned, responded, resolved] as AspirationEvent[],
};

const reply = (actor = facilitator) =>
  command('ReplyToAspiration', { messageId: 'msg-3', body: replied.data.body }, actor, at.replied);
const rate = (actor = facilitator) =>
  command('RateAspiration', { rating: 4, comment: 'Sudah baik.' }, actor, at.resolved);

describe('Relaying for a villager', () => {
  it.each([facilitator, katinganFacilitator])(
    'records a reply relayed by a facilitator of the region: %o',
    (actor) => {
      given(relayedHistory.responded)
        .when(reply(actor))
        .then([{ type: 'CitizenReplied', data: { ...replied.data, relayedForVillager: true } }]);
    },
  );

  it('records a rating relayed for the villager', () => {
    given(relayedHistory.resolved)
      .when(rate())
      .then([
        {
          type: 'AspirationRated',
          data: { rating: 4, comment: 'Sudah baik.', ratedAt: at.resolved, relayedForVillager: true },
        },
      ]);
  });

  it('lets a facilitator reopen for the villager within the window', () => {
    const reopen = command('ReopenAspiration', { reason: 'Lubang muncul lagi.' }, facilitator, at.resolved);
    given(relayedHistory.resolved)
      .when(reopen)
      .then([
        {
          type: 'AspirationReopened',
          data: { reason: 'Lubang muncul lagi.', reopenedAt: at.resolved, followUpDueAt: expect.any(String) },
        },
      ]);
  });

  it('refuses a facilitator of another region', () => {
    given(relayedHistory.responded)
      .when(reply(kotawaringinFacilitator))
      .thenError('forbidden', 'outside_facilitator_region');
  });

  it('refuses a citizen: nobody but a facilitator speaks for the villager', () => {
    given(relayedHistory.responded).when(reply(citizen)).thenError('forbidden', 'relay_facilitator_only');
  });

  it('leaves an ordinary thread to its submitter: a facilitator replying there is refused', () => {
    given([submitted, verified, assigned, responded])
      .when(reply(facilitator))
      .thenError('forbidden', 'submitter_only');
    given([submitted, verified, assigned, responded]).when(reply(citizen)).then([replied]);
  });

  it('still rates once', () => {
    const rated: AspirationEvent = {
      type: 'AspirationRated',
      data: { rating: 4, ratedAt: at.resolved, relayedForVillager: true },
    };
    given([...relayedHistory.resolved, rated])
      .when(rate())
      .thenError('conflict', 'already_rated');
  });
});
