import { SubmitAspiration } from './aspiration.commands';
import {
  admin,
  assigned,
  at,
  auditor,
  BADUNG,
  citizen,
  command,
  deciderWith,
  facilitator,
  given,
  history,
  KASONGAN_BARU,
  otherCitizen,
  puprOfficial,
  submitted,
  system,
} from './testing/aspiration.fixtures';
import { defaultDeadlineRules } from './aspiration.decider';

const submission: SubmitAspiration['data'] = {
  aspirationId: 'asp-1',
  messageId: 'msg-1',
  title: 'Jalan rusak di Kasongan Baru',
  body: 'Jalan utama menuju pasar berlubang besar dan tergenang saat hujan.',
  category: 'infrastruktur',
  regionCode: KASONGAN_BARU,
  visibility: 'public',
  anonymous: false,
};
const submit = (data: Partial<SubmitAspiration['data']> | object, actor = citizen, now = at.submitted) =>
  command('SubmitAspiration', { ...submission, ...data } as SubmitAspiration['data'], actor, now);

describe('SubmitAspiration', () => {
  it('submits with a verification deadline three working days after the submission day', () => {
    given([]).when(submit({})).then([submitted]);
  });

  it('trims the title and body and keeps the optional group', () => {
    const data = { title: '  Jalan rusak di Kasongan Baru ', groupId: 'kim-kasongan', anonymous: true };
    given([])
      .when(submit({ ...data, body: `\n${submission.body}\n` }))
      .then([{ ...submitted, data: { ...submitted.data, groupId: 'kim-kasongan', anonymous: true } }]);
  });

  it('keeps what the platform adds for a group: its name, the signatures, the draft and the report', () => {
    const group = {
      groupId: 'group-1',
      groupName: 'KIM Kasongan Baru',
      groupSignatures: 3,
      groupDraftId: 'draft-1',
      monitoringReportId: 'report-1',
    };
    given([])
      .when(submit(group))
      .then([{ ...submitted, data: { ...submitted.data, ...group } }]);
  });

  it('drops group facts from a submission that names no group', () => {
    given([])
      .when(submit({ groupSignatures: 3, monitoringReportId: 'report-1' }))
      .then([submitted]);
  });

  it('lets a facilitator submit on behalf of a villager', () => {
    const onBehalfOf = { name: ' Ibu Sari ', contact: '0812-0000-0000' };
    given([])
      .when(submit({ onBehalfOf, visibility: 'confidential' }, facilitator))
      .then([
        {
          type: 'AspirationSubmitted',
          data: {
            ...submitted.data,
            visibility: 'confidential',
            submittedBy: facilitator.id,
            onBehalfOf: { name: 'Ibu Sari', contact: '0812-0000-0000' },
          },
        },
      ]);
  });

  it('counts the deadline in the region’s zone: WITA ends an hour earlier in UTC', () => {
    given([])
      .when(submit({ regionCode: BADUNG }))
      .then([
        {
          ...submitted,
          data: { ...submitted.data, regionCode: BADUNG, verificationDueAt: '2026-01-14T15:59:59.999Z' },
        },
      ]);
  });

  it('skips Independence Day: Friday 14 August 2026 is due Thursday 20 August', () => {
    const now = '2026-08-14T02:00:00.000Z';
    given([])
      .when(submit({}, citizen, now))
      .then([
        {
          ...submitted,
          data: { ...submitted.data, submittedAt: now, verificationDueAt: '2026-08-20T16:59:59.999Z' },
        },
      ]);
  });

  it('follows configured rules', () => {
    const oneDay = deciderWith({ ...defaultDeadlineRules, verificationDays: 1 });
    given([], oneDay)
      .when(submit({}))
      .then([{ ...submitted, data: { ...submitted.data, verificationDueAt: '2026-01-12T16:59:59.999Z' } }]);
  });

  it('accepts any known region level, from province to village', () => {
    for (const regionCode of ['62', '62.06', '62.06.02']) {
      given([])
        .when(submit({ regionCode }))
        .then([{ ...submitted, data: { ...submitted.data, regionCode } }]);
    }
  });

  it('refuses a citizen speaking for someone else', () => {
    given([])
      .when(submit({ onBehalfOf: { name: 'Ibu Sari' } }))
      .thenError('forbidden', 'on_behalf_of_not_allowed');
  });

  it('reads a citizen’s onBehalfOf: null as absent', () => {
    given([])
      .when(submit({ onBehalfOf: null }))
      .then([submitted]);
  });

  it('refuses a facilitator submitting for nobody', () => {
    given([]).when(submit({}, facilitator)).thenError('invalid', 'on_behalf_of_required', 'onBehalfOf');
  });

  it.each([puprOfficial, auditor, admin, system])('refuses %o', (actor) => {
    given([]).when(submit({}, actor)).thenError('forbidden', 'submit_not_allowed');
  });

  it('refuses a second submission to the same stream', () => {
    given(history.submitted).when(submit({})).thenError('conflict', 'aspiration_already_exists');
  });

  it.each([
    ['title', 'under 5 characters once trimmed', { title: '  Jal ' }, 'invalid_title'],
    ['title', 'over 150 characters', { title: 'x'.repeat(151) }, 'invalid_title'],
    ['title', 'not text', { title: 42 }, 'invalid_title'],
    ['body', 'under 10 characters once trimmed', { body: 'Rusak.   ' }, 'invalid_body'],
    ['body', 'over 5000 characters', { body: 'x'.repeat(5001) }, 'invalid_body'],
    ['category', 'not in the catalogue', { category: 'jalan' }, 'unknown_category'],
    ['category', 'missing', { category: undefined }, 'unknown_category'],
    ['regionCode', 'an unknown village', { regionCode: '62.06.02.9999' }, 'unknown_region'],
    ['regionCode', 'empty', { regionCode: '' }, 'unknown_region'],
    ['visibility', 'neither public nor confidential', { visibility: 'secret' }, 'invalid_visibility'],
    ['anonymous', 'not a boolean', { anonymous: 'yes' }, 'invalid_anonymous'],
    ['groupId', 'blank', { groupId: '  ' }, 'invalid_group_id'],
  ])('names %s when it is %s', (field, _why, data, code) => {
    given([]).when(submit(data)).thenError('invalid', code, field);
  });

  it('accepts the bounds: a title of 5 and 150 characters, a body of 10 and 5000', () => {
    for (const [title, body] of [
      ['Jalan', 'x'.repeat(10)],
      ['x'.repeat(150), 'x'.repeat(5000)],
    ]) {
      given([])
        .when(submit({ title, body }))
        .then([{ ...submitted, data: { ...submitted.data, title, body } }]);
    }
  });

  it('counts characters, not UTF-16 units: five emoji make a title', () => {
    const title = '🚧🚧🚧🚧🚧';
    given([])
      .when(submit({ title }))
      .then([{ ...submitted, data: { ...submitted.data, title } }]);
  });

  it.each([
    ['onBehalfOf', 'null', null, 'on_behalf_of_required'],
    ['onBehalfOf.name', 'blank', { name: '  ' }, 'invalid_on_behalf_of_name'],
    ['onBehalfOf.name', 'over 200 characters', { name: 'x'.repeat(201) }, 'invalid_on_behalf_of_name'],
    ['onBehalfOf.contact', 'empty', { name: 'Ibu Sari', contact: '' }, 'invalid_on_behalf_of_contact'],
  ])('names %s for a facilitator’s submission when it is %s', (field, _why, onBehalfOf, code) => {
    given([]).when(submit({ onBehalfOf }, facilitator)).thenError('invalid', code, field);
  });
});

describe('VerifyAspiration', () => {
  const verify = (actor = facilitator) => command('VerifyAspiration', {}, actor, at.verified);

  it('verifies a submitted aspiration', () => {
    given(history.submitted)
      .when(verify())
      .then([{ type: 'AspirationVerified', data: { verifiedAt: at.verified } }]);
  });

  it.each([citizen, system])('is for facilitators only, not %o', (actor) => {
    given(history.submitted).when(verify(actor)).thenError('forbidden', 'facilitator_only');
  });

  // Before verification only its submitter, facilitators and auditors see it: to anyone else it does not exist.
  it.each([otherCitizen, puprOfficial, admin])('does not exist for %o', (actor) => {
    given(history.submitted).when(verify(actor)).thenError('not_found', 'aspiration_not_found');
  });
});

describe('RejectAspiration', () => {
  const reject = (reason: unknown, actor = facilitator) =>
    command('RejectAspiration', { reason } as { reason: string }, actor, at.verified);

  it('rejects a submitted aspiration with a trimmed reason', () => {
    given(history.submitted)
      .when(reject(' Bukan kewenangan daerah '))
      .then([
        { type: 'AspirationRejected', data: { reason: 'Bukan kewenangan daerah', rejectedAt: at.verified } },
      ]);
  });

  it('is for facilitators only', () => {
    given(history.submitted).when(reject('Spam', citizen)).thenError('forbidden', 'facilitator_only');
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['missing', undefined],
    ['over 1000 characters', 'x'.repeat(1001)],
  ])('requires a reason of 1–1000 characters, not one %s', (_why, reason) => {
    given(history.submitted).when(reject(reason)).thenError('invalid', 'invalid_reason', 'reason');
  });
});

describe('AssignAspiration', () => {
  const assign = (agencyId: string, actor = facilitator) =>
    command('AssignAspiration', { agencyId }, actor, at.assigned);

  it('assigns a verified aspiration with a follow-up deadline of five working days (16 January is a holiday)', () => {
    given(history.verified).when(assign('dinas-pupr')).then([assigned]);
  });

  it('is for facilitators only', () => {
    given(history.verified)
      .when(assign('dinas-pupr', puprOfficial))
      .thenError('forbidden', 'facilitator_only');
  });

  it('names the agency', () => {
    given(history.verified).when(assign(' ')).thenError('invalid', 'invalid_agency_id', 'agencyId');
  });

  it('assigns once; later moves are forwards', () => {
    given(history.inProgress).when(assign('dinas-sosial')).thenError('conflict', 'invalid_transition');
  });
});
