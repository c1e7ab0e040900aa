import { accountStream, loginReservationStream, sessionStream } from '../../accounts/domain/account.streams';
import { FIRST_ADMIN_STREAM } from '../../accounts/domain/first-admin.decide';
import { securityAuditStream } from '../../accounts/domain/security-audit.decide';
import { agencyStream } from '../../agencies/domain/agency.streams';
import { aspirationStream } from '../../aspirations/domain/aspiration.streams';
import { endorsementStream } from '../../endorsements/domain/endorsement.streams';
import { open311ClientStream } from '../../open311/domain/open311-client.streams';
import { groupStream } from '../../groups/domain/group.streams';
import { draftSignatureStream, groupDraftStream } from '../../groups/drafts/domain/group-draft.streams';
import { monitoringReportStream } from '../../groups/reports/domain/monitoring-report.streams';
import { acknowledgementStream, announcementStream } from '../../announcements/domain/announcement.streams';
import { CHECKPOINT_STREAM } from '../checkpoints/checkpoint-stream';
import { categoryOf, STREAM_CATEGORIES } from './stream-category';

const id = '58b91eaf-ed88-8635-a0b6-f56e3d9f733e';

describe('stream categories', () => {
  it('names every stream the platform writes after its kind', () => {
    const streams = {
      aspiration: aspirationStream(id),
      endorsement: endorsementStream(id, 'warga-1'),
      agency: agencyStream('dinas-pupr'),
      group: groupStream(id),
      'group-draft': groupDraftStream(id),
      'group-signature': draftSignatureStream(id, 'warga-1'),
      'monitoring-report': monitoringReportStream(id),
      announcement: announcementStream(id),
      'announcement-ack': acknowledgementStream(id, 'warga-1'),
      account: accountStream(id),
      login: loginReservationStream({ kind: 'phone', value: '+6281234567890' }, Buffer.alloc(32, 1)),
      session: sessionStream(id),
      'platform-first-admin': FIRST_ADMIN_STREAM,
      'security-audit': securityAuditStream(new Date('2026-03-02T04:05:06Z')),
      'audit-checkpoints': CHECKPOINT_STREAM,
      'open311-client': open311ClientStream(id),
    };
    expect(Object.keys(streams).sort()).toEqual([...STREAM_CATEGORIES].sort());
    for (const [category, stream] of Object.entries(streams))
      expect({ stream, category: categoryOf(stream) }).toEqual({ stream, category });
  });

  it('takes an unknown stream’s first word as its category', () => {
    expect(categoryOf('follow-kim-kasongan')).toBe('follow');
    expect(categoryOf('auditor')).toBe('auditor');
    expect(categoryOf('security')).toBe('security');
  });
});
