import { Cast } from './aspiration-stories';
import { DemoClient, Person } from './demo-client';
import { place } from './katingan';

/** One KIM group, acted on through its routes as its members and facilitators do. */
class Group {
  private lastPosition = '0';

  constructor(
    private readonly client: DemoClient,
    readonly id: string,
  ) {}

  static async found(client: DemoClient, by: Person, body: object): Promise<Group> {
    const created = await client.must('POST', '/api/groups', body, by.token);
    const group = new Group(client, created.id);
    group.lastPosition = created.position ?? '0';
    return group;
  }

  async act(by: Person, action: string, body?: object): Promise<Record<string, string>> {
    const answer = await this.client.must('POST', `/api/groups/${this.id}/${action}`, body ?? {}, by.token);
    if (typeof answer?.position === 'string') this.lastPosition = answer.position;
    return answer;
  }

  /** The member key a person goes by in this group (read back as them, after their own last write). */
  async keyOf(person: Person): Promise<string> {
    const read = await this.client.must(
      'GET',
      `/api/groups/${this.id}?minPosition=${this.lastPosition}`,
      undefined,
      person.token,
    );
    return read.group.memberKey;
  }

  async join(...people: Person[]): Promise<void> {
    for (const person of people) await this.act(person, 'join');
  }
}

/** KIM groups of Katingan: founded and proposed, members and coordinators, a co-signed aspiration, reports. */
export async function tellGroupStories(
  client: DemoClient,
  cast: Cast,
): Promise<[string, string, string, string]> {
  const { siti, hendra, nur, markus, elisabeth, yusuf, rina, yohanes, dewi, budi, fajar } = cast;

  // KIM Kasongan Baru: founded by the district's facilitator; its members co-sign an aspiration that is answered.
  const kasongan = await Group.found(client, rina, {
    name: 'KIM Kasongan Baru',
    description:
      'Kelompok Informasi Masyarakat Kelurahan Kasongan Baru: menampung aspirasi warga dan menyebarkan informasi pemerintah.',
    regionCode: place.kasonganBaru,
    joinPolicy: 'open',
    signatureThreshold: 3,
  });
  await kasongan.join(siti, yusuf, hendra);
  await kasongan.act(rina, `coordinators/${await kasongan.keyOf(siti)}`);
  const draft = await kasongan.act(siti, 'drafts', {
    title: 'Drainase di RT 05 Kasongan Baru tersumbat',
    body: 'Saluran drainase di sepanjang Jalan Jenderal Sudirman RT 05 tersumbat lumpur dan sampah. Setiap hujan deras air meluap ke rumah warga.',
    category: 'infrastruktur',
    anonymous: false,
  });
  await kasongan.act(yusuf, `drafts/${draft.id}/signatures`);
  const submitted = await kasongan.act(hendra, `drafts/${draft.id}/signatures`);
  const drainage = submitted.aspirationId;
  await client.must('POST', `/api/aspirations/${drainage}/verify`, {}, rina.token);
  await client.must('POST', `/api/aspirations/${drainage}/assign`, { agencyId: 'dinas-pupr' }, rina.token);
  await client.must(
    'POST',
    `/api/aspirations/${drainage}/responses`,
    {
      body: 'Terima kasih kepada KIM Kasongan Baru. Normalisasi saluran RT 05 dijadwalkan pekan depan bersama warga.',
    },
    budi.token,
  );

  // KIM Pendahara: proposed by a villager, approved by the regency's moderator; a closed group with a report
  // the group discusses and raises as an aspiration.
  const pendahara = await Group.found(client, nur, {
    name: 'KIM Pendahara',
    description: 'Warga Pendahara memantau layanan kesehatan, sungai dan angkutan.',
    regionCode: place.pendahara,
    joinPolicy: 'closed',
  });
  await pendahara.act(dewi, 'approve');
  await pendahara.act(markus, 'join');
  const report = await pendahara.act(nur, 'reports', {
    source: 'Pengamatan warga di dermaga Pendahara',
    summary:
      'Sejak seminggu air Sungai Katingan di depan dermaga keruh kecokelatan dan berbau setelah hujan di hulu. Warga yang memakai air sungai untuk mandi mengeluh gatal.',
    monitoredOn: new Date().toISOString().slice(0, 10),
    photo: 'foto-dermaga-pendahara-1.jpg',
  });
  await pendahara.act(dewi, `reports/${report.id}/comments`, {
    body: 'Terima kasih. Apakah ada kegiatan tambang atau pembukaan lahan di hulu yang warga ketahui?',
  });
  await pendahara.act(nur, `reports/${report.id}/comments`, {
    body: 'Menurut nelayan ada pembukaan lahan baru di sekitar Tewang Rangas.',
  });
  const raised = await pendahara.act(nur, `reports/${report.id}/aspiration`, {
    title: 'Air Sungai Katingan di Pendahara keruh dan berbau',
    body: 'Kami mohon Dinas Lingkungan Hidup memeriksa kualitas air Sungai Katingan di Pendahara dan sumber kekeruhan di hulu.',
    category: 'lingkungan',
    anonymous: false,
  });
  const river = raised.aspirationId;
  await client.must('POST', `/api/aspirations/${river}/verify`, {}, dewi.token);
  await client.must(
    'POST',
    `/api/aspirations/${river}/assign`,
    { agencyId: 'dinas-lingkungan-hidup' },
    dewi.token,
  );
  await client.must(
    'POST',
    `/api/aspirations/${river}/responses`,
    {
      body: 'Petugas kami mengambil sampel air di Pendahara dan Tewang Rangas hari Kamis; hasilnya kami umumkan.',
    },
    fajar.token,
  );

  // KIM Samba Kahayan: founded in Katingan Tengah; a report still under discussion.
  const samba = await Group.found(client, yohanes, {
    name: 'KIM Samba Kahayan',
    description: 'Guru, orang tua dan warga Samba Kahayan berbagi informasi pendidikan dan layanan desa.',
    regionCode: place.sambaKahayan,
    joinPolicy: 'open',
  });
  await samba.join(elisabeth);
  await samba.act(elisabeth, 'reports', {
    source: 'Rapat komite sekolah SD Negeri 2 Samba Kahayan',
    summary:
      'Buku pelajaran kelas 4 dan 5 kurikulum baru belum diterima sekolah, murid belajar dari fotokopi.',
    monitoredOn: new Date().toISOString().slice(0, 10),
  });

  // KIM Tewang Papari: a draft still waiting for signatures.
  const papari = await Group.found(client, dewi, {
    name: 'KIM Tewang Papari',
    description: 'Informasi dan aspirasi warga Tewang Papari, Kecamatan Pulau Malan.',
    regionCode: place.tewangPapari,
    joinPolicy: 'open',
  });
  await papari.join(markus);
  await papari.act(markus, 'drafts', {
    title: 'Sinyal telepon hilang di Tewang Papari',
    body: 'Sejak menara di seberang sungai rusak, warga Tewang Papari tidak mendapat sinyal telepon dan internet.',
    category: 'informasi-publik',
    anonymous: false,
  });

  return [kasongan.id, pendahara.id, samba.id, papari.id];
}
