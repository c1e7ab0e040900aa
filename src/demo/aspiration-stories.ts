import { DemoClient, Person } from './demo-client';
import { place } from './katingan';

/** The people of the demo by key, signed in. */
export type Cast = Readonly<Record<string, Person>>;

interface Submission {
  readonly title: string;
  readonly body: string;
  readonly category: string;
  readonly regionCode: string;
  readonly visibility?: 'public' | 'confidential';
  readonly anonymous?: boolean;
  readonly onBehalfOf?: { readonly name: string; readonly contact?: string };
}

/** One thread's life, told through the same commands people send: each step as its actor. */
class Thread {
  constructor(
    private readonly client: DemoClient,
    readonly id: string,
    readonly messageId: string,
  ) {}

  static async submit(client: DemoClient, by: Person, submission: Submission): Promise<Thread> {
    const body = { visibility: 'public', anonymous: false, ...submission };
    const created = await client.must('POST', '/api/aspirations', body, by.token);
    return new Thread(client, created.id, created.messageId);
  }

  async act(by: Person, action: string, body: object = {}): Promise<{ messageId?: string }> {
    return this.client.must('POST', `/api/aspirations/${this.id}/${action}`, body, by.token);
  }
  verify = (by: Person) => this.act(by, 'verify');
  assign = (by: Person, agencyId: string) => this.act(by, 'assign', { agencyId });
  respond = (by: Person, text: string) => this.act(by, 'responses', { body: text });
  reply = (by: Person, text: string) => this.act(by, 'replies', { body: text });
  endorse = (by: Person) => this.act(by, 'endorsements');
}

export interface StoryTally {
  readonly byStatus: Record<string, number>;
}

/** Aspirations of Katingan in every status, with dialogue, endorsements, a relay for a villager and moderation. */
export async function tellAspirationStories(client: DemoClient, cast: Cast): Promise<string[]> {
  const {
    siti,
    hendra,
    nur,
    markus,
    elisabeth,
    yusuf,
    rina,
    yohanes,
    dewi,
    budi,
    maria,
    agus,
    ratna,
    fajar,
    lina,
  } = cast;
  const ids: string[] = [];
  const submit = async (by: Person, submission: Submission) => {
    const thread = await Thread.submit(client, by, submission);
    ids.push(thread.id);
    return thread;
  };

  // Waiting for verification.
  await submit(siti, {
    title: 'Lampu jalan padam di Jalan Tjilik Riwut Kasongan',
    body: 'Sudah dua minggu lampu penerangan jalan di depan SMP Negeri 1 Kasongan padam. Malam hari sangat gelap dan rawan kecelakaan.',
    category: 'infrastruktur',
    regionCode: place.kasonganBaru,
  });

  // Rejected: not a matter for the regency government.
  const rejected = await submit(hendra, {
    title: 'Minta bantuan lapangan futsal untuk klub kami',
    body: 'Klub futsal kami di Kasongan Lama ingin dibangunkan lapangan sendiri oleh pemerintah kabupaten.',
    category: 'lainnya',
    regionCode: place.kasonganLama,
  });
  await rejected.act(rina, 'reject', {
    reason: 'Usulan sarana olahraga kelompok disampaikan melalui musrenbang desa, bukan sebagai aspirasi.',
  });

  // Verified, waiting to be routed.
  const posyandu = await submit(nur, {
    title: 'Jadwal posyandu Pendahara tidak pernah diumumkan',
    body: 'Ibu-ibu di Pendahara sering tidak tahu kapan posyandu buka. Mohon jadwal diumumkan di balai desa dan grup WhatsApp.',
    category: 'kesehatan',
    regionCode: place.pendahara,
  });
  await posyandu.verify(dewi);

  // With an agency, not yet answered; neighbours support it.
  const bridge = await submit(markus, {
    title: 'Jembatan gantung Tewang Papari putus sebagian',
    body: 'Tali baja jembatan gantung penghubung Tewang Papari dan kebun warga putus sebagian sejak banjir. Anak sekolah masih melintas setiap hari.',
    category: 'infrastruktur',
    regionCode: place.tewangPapari,
  });
  await bridge.verify(dewi);
  await bridge.assign(dewi, 'dinas-pupr');
  for (const supporter of [siti, nur, yusuf]) await bridge.endorse(supporter);

  // Answered, with the citizen's reply.
  const teachers = await submit(elisabeth, {
    title: 'Guru honorer SD Negeri 2 Samba Kahayan belum menerima honor tiga bulan',
    body: 'Tiga guru honorer di SD Negeri 2 Samba Kahayan belum menerima honor sejak Agustus. Mereka tetap mengajar setiap hari.',
    category: 'pendidikan',
    regionCode: place.sambaKahayan,
  });
  await teachers.verify(yohanes);
  await teachers.assign(yohanes, 'dinas-pendidikan');
  await teachers.respond(
    agus,
    'Terima kasih. Berkas honor triwulan III sudah kami terima dari sekolah; pencairan dijadwalkan minggu depan melalui rekening masing-masing guru.',
  );
  await teachers.reply(elisabeth, 'Terima kasih, kami tunggu. Mohon dikabari bila ada kekurangan berkas.');
  await teachers.endorse(nur);

  // Resolved and rated.
  const road = await submit(siti, {
    title: 'Jalan berlubang menuju Pasar Kasongan',
    body: 'Lubang besar di Jalan Pasar Kasongan dekat simpang tiga tergenang air saat hujan dan sudah membuat dua pengendara motor jatuh.',
    category: 'infrastruktur',
    regionCode: place.kasonganBaru,
  });
  await road.verify(rina);
  await road.assign(rina, 'dinas-pupr');
  await road.respond(
    budi,
    'Tim pemeliharaan jalan meninjau lokasi hari Senin dan menambal lubang terbesar hari Rabu.',
  );
  await road.reply(
    siti,
    'Terima kasih, lubang di simpang tiga sudah ditambal. Masih ada dua lubang kecil di dekat los ikan.',
  );
  await road.respond(budi, 'Dua lubang di dekat los ikan sudah kami tambal pagi ini.');
  await road.act(budi, 'resolve', { summary: 'Seluruh lubang di Jalan Pasar Kasongan sudah ditambal.' });
  await road.act(siti, 'rating', { rating: 4, comment: 'Cepat ditangani, semoga dirawat rutin.' });
  for (const supporter of [hendra, yusuf]) await road.endorse(supporter);

  // Closed by the submitter after the answer.
  const boat = await submit(nur, {
    title: 'Jadwal kapal penumpang Kasongan–Pendahara tidak menentu',
    body: 'Kapal penumpang dari Kasongan ke Pendahara sering berangkat tanpa jadwal, warga menunggu berjam-jam di dermaga.',
    category: 'perhubungan',
    regionCode: place.pendahara,
  });
  await boat.verify(dewi);
  await boat.assign(dewi, 'dinas-perhubungan');
  await boat.respond(
    ratna,
    'Mulai bulan depan jadwal keberangkatan dipasang di dermaga Kasongan dan Pendahara: pukul 07.00 dan 13.00.',
  );
  await boat.act(nur, 'close');

  // Forwarded to the agency whose work it is.
  const waste = await submit(yusuf, {
    title: 'Sampah menumpuk di tepi Sungai Katingan di Hampalit',
    body: 'Tumpukan sampah rumah tangga di tepi sungai dekat dermaga Hampalit makin tinggi dan berbau, anak-anak bermain di dekatnya.',
    category: 'kesehatan',
    regionCode: place.hampalit,
  });
  await waste.verify(rina);
  await waste.assign(rina, 'dinas-kesehatan');
  await waste.act(maria, 'forward', {
    toAgencyId: 'dinas-lingkungan-hidup',
    reason: 'Pengangkutan sampah dan tempat penampungan sementara adalah kewenangan Dinas Lingkungan Hidup.',
  });
  await waste.respond(
    fajar,
    'Truk pengangkut dijadwalkan ke Hampalit setiap Selasa dan Jumat mulai minggu ini; TPS baru sedang disiapkan.',
  );

  // Submitted by a facilitator for a villager who is not online; her reply relayed.
  const well = await submit(yohanes, {
    title: 'Sumur bor di Tumbang Lahang kering saat kemarau',
    body: 'Sumur bor satu-satunya di RT 02 Tumbang Lahang kering sejak Agustus. Warga mengambil air sungai untuk minum dan memasak.',
    category: 'lingkungan',
    regionCode: place.tumbangLahang,
    onBehalfOf: { name: 'Ibu Martha', contact: 'RT 02 Tumbang Lahang, lewat Kepala Desa' },
  });
  await well.verify(yohanes);
  await well.assign(yohanes, 'dinas-lingkungan-hidup');
  await well.respond(
    fajar,
    'Tim kami memeriksa sumur pada hari Kamis dan menyiapkan bantuan tangki air bersih sementara.',
  );
  await well.reply(
    yohanes,
    'Ibu Martha menyampaikan terima kasih; warga RT 02 siap membantu saat pemeriksaan.',
  );

  // Anonymous and confidential: only the facilitators, the agency and auditors read it.
  const levy = await submit(hendra, {
    title: 'Pungutan saat mengurus KTP elektronik',
    body: 'Saat mengurus KTP elektronik di kecamatan saya diminta membayar Rp50.000 tanpa kuitansi.',
    category: 'kependudukan',
    regionCode: place.kasonganLama,
    visibility: 'confidential',
    anonymous: true,
  });
  await levy.verify(rina);
  await levy.assign(rina, 'disdukcapil');
  await levy.respond(
    lina,
    'Pelayanan KTP elektronik tidak dipungut biaya. Kami memeriksa petugas di kecamatan tersebut dan melaporkan hasilnya.',
  );

  // Moderation: a reply naming a private phone number is hidden, with its reason kept.
  const school = await submit(markus, {
    title: 'Atap ruang kelas SD Buntut Bali bocor',
    body: 'Atap dua ruang kelas di SD Negeri Buntut Bali bocor; saat hujan murid dipindahkan ke teras.',
    category: 'pendidikan',
    regionCode: place.buntutBali,
  });
  await school.verify(dewi);
  await school.assign(dewi, 'dinas-pendidikan');
  await school.respond(
    agus,
    'Perbaikan atap masuk daftar rehabilitasi sekolah tahun ini; tim kami meninjau bulan depan.',
  );
  const careless = await school.reply(
    markus,
    'Terima kasih. Bila perlu hubungi kepala sekolah di 0813-0000-1234.',
  );
  await school.act(dewi, `messages/${careless.messageId}/hide`, { reason: 'Menyebut nomor HP pribadi' });

  return ids;
}
