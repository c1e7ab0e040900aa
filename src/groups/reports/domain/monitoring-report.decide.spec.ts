import { Actor } from '../../../platform/domain/decider';
import { givenEvents } from '../../../platform/domain/testing/decider-spec';
import {
  AT,
  EARLIER,
  katinganFacilitator,
  NOW,
  official,
  rahmat,
  siti,
} from '../../domain/testing/group.fixtures';
import { ReportingGroupFacts } from './monitoring-report.commands';
import { monitoringReportDecider } from './monitoring-report.decide';
import { MonitoringReportEvent } from './monitoring-report.events';
import { monitoringReportPersonalData } from './monitoring-report.personal-data';

const given = givenEvents(monitoringReportDecider);
const group: ReportingGroupFacts = {
  groupId: 'group-1',
  status: 'active',
  actorIsMember: true,
  actorFacilitates: false,
};
const as = (actor: Actor) => ({ actor, now: NOW });

const report = {
  source: 'Papan pengumuman kantor desa',
  summary: 'Jadwal penyaluran bantuan pupuk diumumkan mundur dua minggu tanpa penjelasan.',
  monitoredOn: '2026-02-01',
};
const record = (data: object = {}, actor: Actor = siti) =>
  ({
    type: 'RecordMonitoringReport',
    data: { reportId: 'report-1', ...report, group, ...data },
    metadata: as(actor),
  }) as const;
const recorded: MonitoringReportEvent = {
  type: 'MonitoringReportRecorded',
  data: { reportId: 'report-1', groupId: 'group-1', ...report, recordedBy: siti.id, recordedAt: EARLIER },
};
const comment = (
  facts: Partial<ReportingGroupFacts> = {},
  actor: Actor = rahmat,
  body: unknown = 'Benar, saya juga lihat.',
) =>
  ({
    type: 'CommentOnMonitoringReport',
    data: { commentId: 'comment-1', body: body as string, group: { ...group, ...facts } },
    metadata: as(actor),
  }) as const;
const raise = (
  data: object = { aspirationId: 'asp-1' },
  facts: Partial<ReportingGroupFacts> = {},
  actor: Actor = rahmat,
) =>
  ({
    type: 'RaiseMonitoringReport',
    data: { ...data, group: { ...group, ...facts } },
    metadata: as(actor),
  }) as const;

describe('RecordMonitoringReport', () => {
  it('records what a member monitored', () =>
    given()
      .when(record())
      .then({ ...recorded, data: { ...recorded.data, recordedAt: AT } }));

  it('keeps a photo by reference: an https URL or an opaque reference', () => {
    for (const photo of ['https://foto.contoh.id/pupuk.jpg', 'IMG_2031.jpg', 'kim/2026/02/pupuk-01'])
      given()
        .when(record({ photo: ` ${photo} ` }))
        .then({ ...recorded, data: { ...recorded.data, photo, recordedAt: AT } });
  });

  it.each([
    ['a URL of another scheme', { photo: 'javascript:alert(1)' }, 'invalid_photo', 'photo'],
    ['a plain-http URL', { photo: 'http://foto.contoh.id/a.jpg' }, 'invalid_photo', 'photo'],
    ['a reference with spaces', { photo: 'foto pupuk.jpg' }, 'invalid_photo', 'photo'],
    ['a date not in the calendar', { monitoredOn: '2026-02-30' }, 'invalid_monitored_on', 'monitoredOn'],
    ['a date after today', { monitoredOn: '2026-02-04' }, 'invalid_monitored_on', 'monitoredOn'],
    [
      'a time instead of a date',
      { monitoredOn: '2026-02-01T00:00:00Z' },
      'invalid_monitored_on',
      'monitoredOn',
    ],
    ['a one-letter source', { source: 'x' }, 'invalid_source', 'source'],
    ['a short summary', { summary: 'Mundur.' }, 'invalid_summary', 'summary'],
  ])('refuses %s', (_, data, code, field) => given().when(record(data)).thenFails('invalid', code, field));

  it('refuses one who is no member, and a facilitator', () => {
    given()
      .when(record({ group: { ...group, actorIsMember: false } }, rahmat))
      .thenFails('forbidden', 'members_only');
    given().when(record({}, katinganFacilitator)).thenFails('forbidden', 'members_only');
  });

  it('refuses a dissolved group, and answers a group the member may not see as not found', () => {
    given()
      .when(record({ group: { ...group, status: 'dissolved' } }))
      .thenFails('conflict', 'group_not_active');
    given()
      .when(record({ group: null }))
      .thenFails('not_found', 'group_not_found');
  });
});

describe('CommentOnMonitoringReport', () => {
  const commented = {
    type: 'MonitoringReportCommented',
    data: {
      reportId: 'report-1',
      groupId: 'group-1',
      commentId: 'comment-1',
      body: 'Benar, saya juga lihat.',
      commentedAt: AT,
    },
  } as const;

  it('lets a member and the region’s facilitator discuss it', () => {
    given(recorded).when(comment()).then(commented);
    given(recorded)
      .when(comment({ actorIsMember: false, actorFacilitates: true }, katinganFacilitator))
      .then(commented);
  });

  it('refuses outsiders, a report of another group and a blank comment', () => {
    given(recorded)
      .when(comment({ actorIsMember: false }, official))
      .thenFails('forbidden', 'members_only');
    given(recorded)
      .when(comment({ groupId: 'group-2' }))
      .thenFails('not_found', 'report_not_found');
    given().when(comment()).thenFails('not_found', 'report_not_found');
    given(recorded)
      .when(comment({}, rahmat, '  '))
      .thenFails('invalid', 'invalid_body', 'body');
    given(recorded, commented).when(comment()).thenFails('conflict', 'comment_already_exists');
  });
});

describe('RaiseMonitoringReport', () => {
  it('links the report to the aspiration it became, or the draft', () => {
    given(recorded)
      .when(raise())
      .then({
        type: 'MonitoringReportRaised',
        data: { reportId: 'report-1', aspirationId: 'asp-1', raisedAt: AT },
      });
    given(recorded)
      .when(raise({ draftId: 'draft-1' }))
      .then({
        type: 'MonitoringReportRaised',
        data: { reportId: 'report-1', draftId: 'draft-1', raisedAt: AT },
      });
  });

  it('raises once', () =>
    given(recorded, {
      type: 'MonitoringReportRaised',
      data: { reportId: 'report-1', aspirationId: 'asp-1', raisedAt: AT },
    })
      .when(raise({ draftId: 'draft-1' }))
      .thenFails('conflict', 'report_already_raised'));

  it('refuses a facilitator (a member speaks for the group) and a dissolved group', () => {
    given(recorded)
      .when(
        raise(
          { aspirationId: 'asp-1' },
          { actorFacilitates: true, actorIsMember: false },
          katinganFacilitator,
        ),
      )
      .thenFails('forbidden', 'members_only');
    given(recorded)
      .when(raise({ aspirationId: 'asp-1' }, { status: 'dissolved' }))
      .thenFails('conflict', 'group_not_active');
  });
});

describe('monitoringReportPersonalData', () => {
  it('seals who recorded it, and nothing of a comment', () => {
    expect(monitoringReportPersonalData(recorded)).toEqual([{ field: 'recordedBy', subject: siti.id }]);
    expect(monitoringReportPersonalData({ type: 'MonitoringReportCommented', data: {} })).toEqual([]);
  });
});
