import { Cast } from './aspiration-stories';
import { DemoClient, Person } from './demo-client';
import { KATINGAN, place } from './katingan';

/** The groups the group stories made, in their order: Kasongan Baru, Pendahara, Samba Kahayan, Tewang Papari. */
export type DemoGroups = readonly [string, string, string, string];

/** Government information brought down to villagers: to the regency, a district, a group; read and asked about. */
export async function tellAnnouncementStories(
  client: DemoClient,
  cast: Cast,
  groups: DemoGroups,
): Promise<number> {
  const { siti, nur, elisabeth, yusuf, markus, hendra, rina, maria, budi, ratna } = cast;
  const [kasongan, pendahara] = groups;
  let count = 0;
  const publish = async (by: Person, body: object): Promise<string> => {
    count++;
    return (await client.must('POST', '/api/announcements', body, by.token)).id;
  };
  const on = (id: string, action: string, by: Person, body: object = {}) =>
    client.must('POST', `/api/announcements/${id}/${action}`, body, by.token);

  // To the whole regency; villagers acknowledge it, one asks and the agency answers.
  const immunisation = await publish(maria, {
    title: 'Imunisasi campak-rubela di seluruh posyandu Katingan, 7–18 Desember',
    body: 'Dinas Kesehatan mengadakan imunisasi campak-rubela gratis untuk anak usia 9 bulan sampai 15 tahun di semua posyandu dan sekolah dasar. Bawa buku KIA atau kartu imunisasi.',
    regionCode: KATINGAN,
  });
  for (const person of [siti, nur, elisabeth, yusuf]) await on(immunisation, 'acknowledgements', person);
  const asked = await on(immunisation, 'questions', nur, {
    text: 'Apakah posyandu Pendahara juga buka, dan hari apa?',
  });
  await on(immunisation, `questions/${asked.questionId}/answer`, maria, {
    text: 'Ya. Posyandu Pendahara buka Selasa 8 Desember pukul 08.00–12.00 di balai desa.',
  });

  // To one group: the facilitator calls its members to work together on the drainage their aspiration raised.
  const workday = await publish(rina, {
    title: 'Kerja bakti drainase RT 05 Kasongan Baru, Sabtu pukul 07.00',
    body: 'Bersama Dinas PUPR, warga membersihkan saluran di Jalan Jenderal Sudirman RT 05. Bawa cangkul dan karung; alat berat disediakan dinas.',
    groupIds: [kasongan],
  });
  for (const person of [siti, yusuf, hendra]) await on(workday, 'acknowledgements', person);

  // To a district, corrected when the date moved: both versions stay readable.
  const bridge = await publish(budi, {
    title: 'Perbaikan jembatan gantung Tewang Papari mulai 14 Desember',
    body: 'Jembatan gantung Tewang Papari ditutup selama perbaikan tali baja. Warga menyeberang dengan perahu yang disediakan desa.',
    regionCode: place.pulauMalan,
  });
  await on(bridge, 'corrections', budi, {
    title: 'Perbaikan jembatan gantung Tewang Papari mulai 21 Desember',
    body: 'Perbaikan diundur sepekan menunggu tali baja tiba. Jembatan ditutup mulai 21 Desember; warga menyeberang dengan perahu yang disediakan desa.',
  });
  await on(bridge, 'acknowledgements', markus);

  // To a group and withdrawn with its reason: the history keeps both.
  const ferry = await publish(ratna, {
    title: 'Kapal penumpang Kasongan–Pendahara tidak berlayar 5 Desember',
    body: 'Karena perawatan mesin, kapal penumpang tidak berlayar pada 5 Desember.',
    groupIds: [pendahara],
  });
  await on(ferry, 'withdraw', ratna, {
    reason: 'Perawatan mesin selesai lebih cepat; kapal berlayar seperti biasa.',
  });
  return count;
}
