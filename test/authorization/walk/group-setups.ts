import { memberKeyOf } from '../../../src/groups/domain/group.streams';
import { ApiClient } from '../../support/api-client';
import { GroupSetup, GroupSituation } from '../row';
import { Identity, SignedInRole } from './role-accounts';

type Send = (role: SignedInRole, path: string, body?: unknown) => Promise<{ id: string; position: string }>;

export const WALK_GROUP = {
  name: 'KIM Kasongan Baru',
  regionCode: '62.06.02.1003',
  signatureThreshold: 3,
};

/**
 * Groups as people make them: the facilitator founds (or the submitter proposes), the submitter joins and is
 * appointed coordinator, other people (development tokens) join or ask to join.
 */
export class GroupSetups {
  constructor(
    private readonly api: ApiClient,
    private readonly identities: Readonly<Record<SignedInRole, Identity>>,
    private readonly send: Send,
    private readonly unique: (prefix: string) => string,
  ) {}

  async make(situation: GroupSituation): Promise<GroupSetup> {
    if (situation === 'proposed') {
      const proposed = await this.send('submitter', '/api/groups', { ...WALK_GROUP, joinPolicy: 'open' });
      return { ...proposed, memberKey: this.keyOf(proposed.id, 'submitter') };
    }
    const joinPolicy = situation === 'closed' ? 'closed' : 'open';
    const { id } = await this.send('facilitator', '/api/groups', { ...WALK_GROUP, joinPolicy });
    await this.send('submitter', `/api/groups/${id}/join`);
    if (joinPolicy === 'closed')
      await this.send(
        'facilitator',
        `/api/groups/${id}/join-requests/${this.keyOf(id, 'submitter')}/approve`,
      );
    await this.send('facilitator', `/api/groups/${id}/coordinators/${this.keyOf(id, 'submitter')}`);
    if (situation === 'draft') {
      await this.send('citizen', `/api/groups/${id}/join`);
      const draft = await this.send('submitter', `/api/groups/${id}/drafts`, {
        title: 'Lampu jalan desa padam',
        body: 'Lampu jalan di sepanjang jalan desa padam sejak sebulan, warga takut keluar malam.',
        category: 'infrastruktur',
        anonymous: false,
      });
      return { id, position: draft.position, memberKey: this.keyOf(id, 'citizen'), draftId: draft.id };
    }
    if (situation === 'report') {
      const report = await this.send('submitter', `/api/groups/${id}/reports`, {
        source: 'Papan pengumuman kantor desa',
        summary: 'Jadwal penyaluran pupuk bersubsidi mundur dua minggu tanpa penjelasan.',
        monitoredOn: '2026-09-01',
      });
      return { id, position: report.position, memberKey: this.keyOf(id, 'submitter'), reportId: report.id };
    }
    const other = this.unique('warga-lain-');
    const token = await this.api.tokenFor(other, 'citizen');
    const joined = await this.api.send('POST', `/api/groups/${id}/join`, { token, body: {} });
    let last: { position: string } = joined.body;
    const memberKey = memberKeyOf(id, other);
    if (situation === 'coordinated')
      last = await this.send('facilitator', `/api/groups/${id}/coordinators/${memberKey}`);
    return { id, position: last.position, memberKey };
  }

  private keyOf(groupId: string, role: SignedInRole): string {
    return memberKeyOf(groupId, this.identities[role].accountId);
  }
}
