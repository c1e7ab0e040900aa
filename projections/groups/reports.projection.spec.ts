import { MONITORING_REPORTS, ReportDocument } from '../../src/groups/read-models/group.document';
import { Actor } from '../../src/platform/domain/decider';
import { ProjectionHarness } from '../notifications/testing/projection-harness';
import { groupsProjection } from './groups.projection';

const GROUP = 'c0ffee00-0000-4000-8000-000000000001';
const REPORT = 'feedbac0-0000-4000-8000-000000000001';
const siti: Actor = { id: 'citizen-siti', role: 'citizen' };
const rahmat: Actor = { id: 'citizen-rahmat', role: 'citizen' };
const fasil: Actor = { id: 'fasil-katingan', role: 'facilitator', regionCode: '62.06' };
const at = '2026-02-02T03:00:00.000Z';

function world() {
  const h = new ProjectionHarness(groupsProjection);
  const inGroup = (type: string, actor: Actor, data: object) => h.event(type, actor, data, `group-${GROUP}`);
  const onReport = (type: string, actor: Actor | { id: null; role: string }, data: object) =>
    h.event(type, actor, { reportId: REPORT, ...data }, `monitoring-report-${REPORT}`);
  h.apply(
    inGroup('GroupFounded', fasil, {
      groupId: GROUP,
      name: 'KIM Kasongan Baru',
      description: '',
      regionCode: '62.06.02.1003',
      joinPolicy: 'open',
      signatureThreshold: 3,
      foundedAt: at,
    }),
    inGroup('MemberJoined', siti, { memberId: siti.id, displayName: 'Siti', joinedAt: at }),
    inGroup('MemberJoined', rahmat, { memberId: rahmat.id, displayName: 'Rahmat', joinedAt: at }),
    onReport('MonitoringReportRecorded', siti, {
      groupId: GROUP,
      source: 'Papan pengumuman kantor desa',
      summary: 'Penyaluran pupuk mundur dua minggu.',
      monitoredOn: '2026-02-01',
      photo: 'IMG_2031.jpg',
      recordedBy: siti.id,
      recordedAt: at,
    }),
  );
  const report = () => h.get<ReportDocument>(MONITORING_REPORTS, REPORT)!;
  return { h, onReport, report };
}

describe('groups projection: monitoring reports', () => {
  it('records a report with the name its member goes by, and its discussion by name', () => {
    const { h, onReport, report } = world();
    h.apply(
      onReport('MonitoringReportCommented', rahmat, {
        groupId: GROUP,
        commentId: 'c-1',
        body: 'Saya juga lihat.',
        commentedAt: at,
      }),
      onReport('MonitoringReportCommented', fasil, {
        groupId: GROUP,
        commentId: 'c-2',
        body: 'Saya tanyakan ke dinas.',
        commentedAt: at,
      }),
    );
    expect(report()).toMatchObject({
      recordedBy: siti.id,
      recordedByName: 'Siti',
      photo: 'IMG_2031.jpg',
      comments: [
        { commentId: 'c-1', authorId: rahmat.id, authorRole: 'citizen', authorName: 'Rahmat' },
        { commentId: 'c-2', authorId: fasil.id, authorRole: 'facilitator', authorName: null },
      ],
    });
    expect(h.changes.at(-1)?.payloads.member).toMatchObject({ report: { id: REPORT, commentCount: 2 } });
  });

  it('links the aspiration both when raised as one and when a draft made from it is submitted', () => {
    const { h, onReport, report } = world();
    h.apply(onReport('MonitoringReportRaised', rahmat, { draftId: 'draft-1', raisedAt: at }));
    expect(report()).toMatchObject({ draftId: 'draft-1', aspirationId: null, raisedAt: at });
    h.apply(
      h.event(
        'AspirationSubmitted',
        siti,
        { aspirationId: 'asp-1', groupId: GROUP, groupDraftId: 'draft-1', monitoringReportId: REPORT },
        'aspiration-asp-1',
      ),
    );
    expect(report()).toMatchObject({ draftId: 'draft-1', aspirationId: 'asp-1' });
  });

  it('forgets who recorded and who commented once erased', () => {
    const { h, onReport, report } = world();
    h.apply(
      onReport('MonitoringReportCommented', rahmat, {
        groupId: GROUP,
        commentId: 'c-1',
        body: 'Ya.',
        commentedAt: at,
      }),
      h.event(
        'AccountErased',
        { id: null, role: 'citizen' },
        { accountId: rahmat.id, erasedAt: at },
        'account-r',
      ),
      h.event(
        'AccountErased',
        { id: null, role: 'citizen' },
        { accountId: siti.id, erasedAt: at },
        'account-s',
      ),
    );
    expect(report()).toMatchObject({
      recordedBy: null,
      recordedByName: null,
      comments: [{ commentId: 'c-1', authorId: null, authorName: null, body: 'Ya.' }],
    });
  });
});
