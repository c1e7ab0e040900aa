import { acknowledgementDecider } from './acknowledgement.decide';
import { AcknowledgeAnnouncement } from './announcement.commands';
import { givenEvents } from '../../platform/domain/testing/decider-spec';
import {
  asked,
  AT,
  command,
  EARLIER,
  given,
  ID,
  katinganFacilitator,
  kobarFacilitator,
  NOW,
  official,
  otherOfficial,
  published,
  siti,
  withdrawn,
} from './testing/announcement.fixtures';

describe('AskQuestion', () => {
  const ask = (data: object = {}, actor = siti) =>
    command('AskQuestion', { questionId: 'q-1', text: ' Jalan mana saja? ', sees: true, ...data }, actor);

  it('records a citizen’s question with the name they go by', () =>
    given(published)
      .when(ask({ displayName: 'Siti' }))
      .then({
        type: 'AnnouncementQuestionAsked',
        data: {
          questionId: 'q-1',
          text: 'Jalan mana saja?',
          askedBy: siti.id,
          askerName: 'Siti',
          askedAt: AT,
        },
      }));

  it('answers 404 to one who may not see it', () =>
    given(published)
      .when(ask({ sees: false }))
      .thenFails('not_found', 'announcement_not_found'));

  it('refuses staff, a withdrawn announcement, a repeated id and empty text', () => {
    given(published).when(ask({}, official)).thenFails('forbidden', 'citizen_only');
    given(published, withdrawn).when(ask()).thenFails('conflict', 'announcement_withdrawn');
    given(published, asked()).when(ask()).thenFails('conflict', 'question_already_exists');
    given(published)
      .when(ask({ text: '  ' }))
      .thenFails('invalid', 'invalid_text', 'text');
  });
});

describe('AnswerQuestion', () => {
  const answer = (actor = official, questionId = 'q-1') =>
    command('AnswerQuestion', { questionId, text: 'Jalan poros desa.' }, actor);

  it('lets the publisher or a facilitator of the region answer once', () => {
    for (const actor of [official, katinganFacilitator])
      given(published, asked())
        .when(answer(actor))
        .then({
          type: 'AnnouncementQuestionAnswered',
          data: { questionId: 'q-1', text: 'Jalan poros desa.', answeredAt: AT },
        });
    given(published, asked(), {
      type: 'AnnouncementQuestionAnswered',
      data: { questionId: 'q-1', text: 'x', answeredAt: EARLIER },
    })
      .when(answer())
      .thenFails('conflict', 'question_already_answered');
  });

  it('still answers after a withdrawal', () =>
    given(published, asked(), withdrawn)
      .when(answer())
      .then({
        type: 'AnnouncementQuestionAnswered',
        data: { questionId: 'q-1', text: 'Jalan poros desa.', answeredAt: AT },
      }));

  it('refuses others and an unknown question', () => {
    for (const actor of [otherOfficial, kobarFacilitator, siti])
      given(published, asked()).when(answer(actor)).thenFails('forbidden', 'publisher_only');
    given(published).when(answer(official, 'q-9')).thenFails('not_found', 'question_not_found', 'questionId');
  });
});

describe('AcknowledgeAnnouncement', () => {
  const given = givenEvents(acknowledgementDecider);
  const ack = (status: 'published' | 'withdrawn' | null = 'published'): AcknowledgeAnnouncement => ({
    type: 'AcknowledgeAnnouncement',
    data: { announcementId: ID, announcement: status === null ? null : { status } },
    metadata: { actor: siti, now: NOW },
  });
  const acknowledged = {
    type: 'AnnouncementAcknowledged' as const,
    data: { announcementId: ID, acknowledgedAt: EARLIER },
  };

  it('records a first acknowledgement, and nothing the second time', () => {
    given()
      .when(ack())
      .then({ type: 'AnnouncementAcknowledged', data: { announcementId: ID, acknowledgedAt: AT } });
    given(acknowledged).when(ack()).then();
  });

  it('refuses an unseen or withdrawn announcement', () => {
    given().when(ack(null)).thenFails('not_found', 'announcement_not_found');
    given().when(ack('withdrawn')).thenFails('conflict', 'announcement_withdrawn');
  });
});
