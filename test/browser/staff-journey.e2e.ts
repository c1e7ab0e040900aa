import { randomUUID } from 'node:crypto';
import { Browser, Page } from 'playwright-core';
import { firstAdmin, SignedIn } from '../support/accounts';
import { ApiClient } from '../support/api-client';
import { roadComplaint } from '../support/scenario';
import { freshDataDir, startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import { describeInBrowser, launchChromium } from './support/chromium';
import { checkPage, phoneContext, watchErrors } from './support/page-checks';
import { Invitee, latestCode, registeredCitizen, signedInContext } from './support/staff-people';

const FACILITATOR: Invitee = {
  phone: '0812-7000-0002',
  e164: '+6281270000002',
  name: 'Rina Lestari',
  password: 'kebun karet di tepi sungai',
};
const OFFICIAL: Invitee = {
  phone: '0812-7000-0001',
  e164: '+6281270000001',
  name: 'Budi Santoso',
  password: 'jembatan kayu di hulu sungai',
};
const TITLE = 'Jalan rusak di Kasongan Baru';
const ANSWER = 'Tim PUPR meninjau lokasi hari Senin dan menambal lubang terbesar.';
const UUID = /\/aspirasi\/([0-9a-f-]{36})$/;
/** The budget for a page's initial JavaScript; each person's whole visit here stays under it. */
const JS_BUDGET_BYTES = 100 * 1024;

describeInBrowser('staff in the browser: invite, verify, route, answer live, audit (browser e2e)', () => {
  const dataDir = freshDataDir();
  let running: TestApp;
  let api: ApiClient;
  let browser: Browser;
  let admin: Page;
  let facilitator: Page;
  let official: Page;
  let citizen: Page;
  let warga: SignedIn;
  let aspirationId: string;
  const errors: string[] = [];
  const accessibility: string[] = [];
  /** Per person (browser context): the size of each script downloaded. */
  const downloads: Array<Array<Promise<number>>> = [];

  const check = async (page: Page, name: string) => accessibility.push(...(await checkPage(page, name)));
  const open = async (refreshToken?: string) => {
    const context = refreshToken
      ? await signedInContext(browser, running.url, refreshToken)
      : await phoneContext(browser, running.url);
    const page = await context.newPage();
    errors.push(...watchErrors(page));
    const transferred: Array<Promise<number>> = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.js'))
        transferred.push(
          response
            .request()
            .sizes()
            .then((sizes) => sizes.responseBodySize),
        );
    });
    downloads.push(transferred);
    return page;
  };
  /** The invitee opens the acceptance page, types the code the outbox holds and a password of their own. */
  const accept = async (invitee: Invitee, name: string) => {
    const page = await open();
    await page.goto(`/terima-undangan?login=${encodeURIComponent(invitee.phone)}`);
    await page.getByLabel('Kode undangan 6 angka').fill(await latestCode(dataDir, invitee.e164));
    await page.getByLabel('Kata sandi baru').fill(invitee.password);
    await check(page, name);
    await page.getByRole('button', { name: 'Terima undangan dan masuk' }).click();
    return page;
  };

  beforeAll(async () => {
    running = await startTestApp(dataDir);
    api = new ApiClient(running.url);
    browser = await launchChromium();
    admin = await open((await firstAdmin(running, api)).refreshToken);
  });

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('the first admin registers Dinas PUPR and invites a facilitator of Katingan and an official of it', async () => {
    await admin.goto('/admin/instansi');
    await admin.getByRole('link', { name: 'Undang petugas' }).waitFor();
    await admin.getByText('Masuk sebagai admin').waitFor();
    await admin.getByLabel('Kode instansi').fill('dinas-pupr');
    await admin.getByLabel('Nama instansi').fill('Dinas PUPR Katingan');
    await admin.getByLabel('Provinsi', { exact: true }).selectOption('62');
    await admin.getByLabel('Kabupaten/kota', { exact: true }).selectOption('62.06');
    await admin.getByLabel('Infrastruktur (jalan, jembatan, drainase)').check();
    await admin.getByRole('button', { name: 'Daftarkan instansi' }).click();
    await admin.locator('[data-agency-id="dinas-pupr"]').waitFor();
    await check(admin, 'admin-agencies');

    await admin.getByRole('link', { name: 'Undang petugas' }).click();
    await admin.getByRole('textbox', { name: 'Nomor HP' }).fill(FACILITATOR.phone);
    await admin.getByLabel('Nama', { exact: true }).fill(FACILITATOR.name);
    await admin.getByLabel('Fasilitator (memverifikasi dan meneruskan)').check();
    await admin.getByLabel('Provinsi', { exact: true }).selectOption('62');
    await admin.getByLabel('Kabupaten/kota', { exact: true }).selectOption('62.06');
    await admin.getByRole('button', { name: 'Kirim undangan' }).click();
    await admin.locator('[data-invitation-id]', { hasText: FACILITATOR.name }).waitFor();

    await admin.getByRole('textbox', { name: 'Nomor HP' }).fill(OFFICIAL.phone);
    await admin.getByLabel('Nama', { exact: true }).fill(OFFICIAL.name);
    await admin.getByLabel('Petugas instansi (menjawab aspirasi)').check();
    await admin.getByLabel('Instansi', { exact: true }).selectOption('dinas-pupr');
    await admin.getByRole('button', { name: 'Kirim undangan' }).click();
    await admin.locator('[data-invitation-id]', { hasText: OFFICIAL.name }).waitFor();
    await check(admin, 'admin-invite');
  });

  it('each invitee accepts with the code from the outbox and lands on their own page', async () => {
    facilitator = await accept(FACILITATOR, 'accept-invitation');
    await facilitator.waitForURL(/\/fasilitator\/antrean$/);
    await facilitator.getByText('Masuk sebagai fasilitator wilayah 62.06').waitFor();
    await facilitator.getByText('Tidak ada yang menunggu di tahap ini.').waitFor();
    expect(await facilitator.getByRole('link', { name: 'Kirim aspirasi', exact: true }).count()).toBe(0);

    official = await accept(OFFICIAL, 'accept-invitation-official');
    await official.waitForURL(/\/petugas\/kotak-masuk$/);
    await official.getByText('Kotak masuk kosong.').waitFor();
    await official.locator('[data-live-status="live"]').waitFor();
    await check(official, 'inbox-empty');
  });

  it('a citizen submits; the facilitator verifies and routes it, and the open inbox shows it arrive', async () => {
    warga = await registeredCitizen(api, dataDir, 'siti@example.id', 'Siti Rahma');
    const submitted = await api.send('POST', '/api/aspirations', {
      body: roadComplaint({ title: TITLE }),
      token: warga.accessToken,
      idempotencyKey: randomUUID(),
    });
    expect(submitted.status).toBe(201);
    aspirationId = submitted.body.id;
    // Submitted over the API, not by this browser: the page cannot ask for the position, so wait for it here.
    const read = `/api/aspirations/${aspirationId}?minPosition=${submitted.body.position}`;
    const known = async () => (await api.send('GET', read, { token: warga.accessToken })).status === 200;
    await waitFor(known, 'the read model to know the new aspiration', 20_000);
    citizen = await open(warga.refreshToken);
    await citizen.goto(`/aspirasi/${aspirationId}`);
    await citizen.locator('[data-live-status="live"]').waitFor();
    await citizen.evaluate('window.sameVisit = true');

    await facilitator.getByRole('button', { name: 'Muat ulang daftar' }).click();
    await facilitator.getByRole('link', { name: TITLE }).waitFor();
    await facilitator
      .getByText(/^Tenggat: /)
      .first()
      .waitFor();
    await check(facilitator, 'queue');
    await facilitator.getByRole('link', { name: TITLE }).click();
    await facilitator.getByRole('heading', { name: 'Tindakan fasilitator' }).waitFor();
    await check(facilitator, 'thread-facilitator');
    await facilitator.getByRole('button', { name: 'Verifikasi aspirasi' }).click();
    await facilitator.getByLabel('Instansi', { exact: true }).selectOption('dinas-pupr');
    await facilitator.getByRole('button', { name: 'Teruskan ke instansi' }).click();
    await facilitator.getByText('Diproses instansi').first().waitFor();

    // The official's inbox was open all along: the item appears without a reload.
    await official.getByRole('link', { name: TITLE }).waitFor();
    await official.getByText('Baru masuk', { exact: true }).waitFor();
    await check(official, 'inbox');
  });

  it('the official answers from the thread and the citizen’s open page shows it without reloading', async () => {
    await official.getByRole('link', { name: TITLE }).click();
    await official.getByRole('heading', { name: 'Tindakan instansi' }).waitFor();
    await official.getByLabel('Jawaban instansi').fill(ANSWER);
    await check(official, 'thread-official');
    await official.getByRole('button', { name: 'Kirim jawaban' }).click();
    await official.getByText(ANSWER).waitFor();

    await citizen.getByText(ANSWER).waitFor();
    expect(await citizen.evaluate('window.sameVisit')).toBe(true);
    await check(citizen, 'thread-citizen-answered');
  });

  it('the facilitator hides a reply naming a phone number, and submits for a villager into Katingan only', async () => {
    const reply = await api.send('POST', `/api/aspirations/${aspirationId}/replies`, {
      body: { body: 'Terima kasih. Hubungi istri saya di 0812-9999-0000.' },
      token: warga.accessToken,
      idempotencyKey: randomUUID(),
    });
    expect(reply.status).toBe(201);
    await facilitator.locator('.message-body', { hasText: 'Hubungi istri saya' }).waitFor();
    await facilitator.getByLabel('Pesan', { exact: true }).selectOption(reply.body.messageId);
    await facilitator.locator('#hide-reason').fill('Menyebut nomor HP pribadi');
    await facilitator.getByRole('button', { name: 'Sembunyikan', exact: true }).click();
    await citizen.getByText('Pesan ini disembunyikan moderator. Alasan: Menyebut nomor HP pribadi').waitFor();

    await facilitator.getByRole('link', { name: 'Kirim atas nama warga' }).click();
    await facilitator.getByLabel('Nama warga').fill('Pak Darto');
    await facilitator.getByLabel('Judul').fill('Sumur bor desa kering');
    await facilitator
      .getByLabel('Isi aspirasi')
      .fill('Sumur bor di RT 03 kering sejak kemarau, warga membeli air.');
    await facilitator.getByLabel('Kategori').selectOption('lingkungan');
    expect(await facilitator.getByLabel('Provinsi', { exact: true }).count()).toBe(0);
    await facilitator.getByLabel('Kecamatan', { exact: true }).selectOption('62.06.02');
    await facilitator.getByLabel('Desa/kelurahan', { exact: true }).selectOption('62.06.02.1003');
    await check(facilitator, 'on-behalf');
    await facilitator.getByRole('button', { name: 'Kirim atas nama warga' }).click();
    await facilitator.waitForURL(UUID);
    await facilitator.getByText('Dikirim atas nama: Pak Darto').waitFor();
    await facilitator.locator('#reject-reason').fill('Sudah dilaporkan lewat musrenbang desa');
    await facilitator.getByRole('button', { name: 'Tolak aspirasi' }).click();
    await facilitator.getByText('Ditolak').first().waitFor();
  });

  it('the admin grants an account the auditor role; the auditor reads the thread’s history with its hash links', async () => {
    const inspector = await registeredCitizen(api, dataDir, 'inspektorat@example.id', 'Inspektorat Katingan');
    await admin.getByRole('link', { name: 'Peran akun' }).click();
    await admin.getByLabel('Nomor akun').fill(inspector.accountId);
    await admin.getByLabel('Pengawas (membaca semua, tanpa tindakan)').check();
    await admin.getByRole('button', { name: 'Berikan peran' }).click();
    await admin.locator('[data-role="auditor"]').waitFor();
    await check(admin, 'admin-roles');

    const auditor = await open(inspector.refreshToken);
    await auditor.goto('/audit');
    await auditor.getByText('Masuk sebagai pengawas (auditor)').waitFor();
    const item = auditor.locator(`[data-thread-id="${aspirationId}"]`);
    await item.waitFor();
    await check(auditor, 'audit');
    await item.getByRole('link', { name: 'Riwayat tercatat (hash)' }).click();
    await auditor.locator('[data-chain="intact"]').waitFor();
    await check(auditor, 'history');

    const shown = await auditor.locator('.history-entry').evaluateAll((entries) =>
      entries.map((entry) => ({
        position: entry.getAttribute('data-position'),
        hash: entry.getAttribute('data-hash'),
        previousHash: entry.getAttribute('data-previous-hash') || null,
        text: entry.textContent ?? '',
      })),
    );
    // The public view of the same stream: redaction blanks fields, never hashes.
    const history = await api.send('GET', `/api/aspirations/${aspirationId}/history`);
    const recorded = history.body.events as Array<{
      position: string;
      hash: string;
      previousHash: string | null;
      type: string;
    }>;
    expect(shown.map(({ position, hash, previousHash }) => ({ position, hash, previousHash }))).toEqual(
      recorded.map(({ position, hash, previousHash }) => ({ position, hash, previousHash })),
    );
    shown.slice(1).forEach((entry, i) => expect(entry.previousHash).toBe(shown[i].hash));
    expect(recorded.map((event) => event.type)).toEqual([
      'AspirationSubmitted',
      'AspirationVerified',
      'AspirationAssigned',
      'OfficialResponded',
      'CitizenReplied',
      'MessageHidden',
    ]);
    expect(shown[1].text).toContain('Diverifikasi fasilitator');
    expect(shown[1].text).toContain('Fasilitator ·');
    expect(shown[3].text).toContain('Petugas dinas-pupr');

    await auditor.getByRole('button', { name: 'English' }).click();
    await auditor.getByRole('heading', { name: 'Recorded history' }).waitFor();
    await auditor.getByText('6 events, every hash link holds.').waitFor();
    await check(auditor, 'history-english');
  });

  it('finds nothing serious or critical for axe on any staff page, no script or CSP error, and stays light', async () => {
    const visits = await Promise.all(
      downloads.map(async (sizes) => (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0)),
    );
    console.log(`JavaScript transferred per person's whole visit (bytes, compressed): ${visits.join(', ')}`);
    expect(visits.filter((bytes) => bytes > JS_BUDGET_BYTES)).toEqual([]);
    expect(accessibility).toEqual([]);
    expect(errors).toEqual([]);
  });
});
