import { Browser, BrowserContext, Page } from 'playwright-core';
import { LiveGateway } from '../../src/live/live.gateway';
import { ApiClient } from '../support/api-client';
import { codesSentTo } from '../support/outbox';
import { registerKatinganAgencies } from '../support/scenario';
import { freshDataDir, projectionsCaughtUp, startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import { describeInBrowser, launchChromium } from './support/chromium';
import { checkPage, phoneContext, watchErrors } from './support/page-checks';

const PHONE = '0812-3456-7890';
const PASSWORD = 'rumah di tepi sungai';
const TITLE = 'Jalan rusak di Kasongan Baru';
const UUID = /\/aspirasi\/([0-9a-f-]{36})$/;

describeInBrowser('a citizen in the browser: register, submit, follow the answer live (browser e2e)', () => {
  const dataDir = freshDataDir();
  let running: TestApp;
  let api: ApiClient;
  let browser: Browser;
  let citizen: BrowserContext;
  let page: Page;
  let errors: string[];
  let aspirationId: string;
  const accessibility: string[] = [];

  beforeAll(async () => {
    running = await startTestApp(dataDir);
    api = new ApiClient(running.url);
    await registerKatinganAgencies(api);
    browser = await launchChromium();
    citizen = await phoneContext(browser, running.url);
    page = await citizen.newPage();
    errors = watchErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  afterEach(() => expect(errors).toEqual([]));

  it('registers with a phone number, confirms it with the code sent, and signs in', async () => {
    await page.goto('/daftar');
    await page.getByRole('textbox', { name: 'Nomor HP' }).fill(PHONE);
    await page.getByLabel('Nama panggilan').fill('Siti Rahma');
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    accessibility.push(...(await checkPage(page, 'register')));
    await page.getByRole('button', { name: 'Daftar dan kirim kode' }).click();

    await page.waitForURL(/\/konfirmasi\?login=/);
    await waitFor(() => codesSentTo(dataDir, '+6281234567890').length > 0, 'the code in the outbox');
    await page.getByLabel('Kode 6 angka').fill(codesSentTo(dataDir, '+6281234567890')[0]);
    accessibility.push(...(await checkPage(page, 'confirm')));
    await page.getByRole('button', { name: 'Aktifkan akun' }).click();

    await page.waitForURL(/\/masuk\?/);
    await page.getByText('Akun Anda sudah aktif').waitFor();
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    accessibility.push(...(await checkPage(page, 'sign-in')));
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL(/\/saya$/);
    await page.getByText('Anda belum mengirim aspirasi.').waitFor();
    accessibility.push(...(await checkPage(page, 'mine-empty')));
  });

  it('submits an aspiration, picking the village by searching its name', async () => {
    await page.getByRole('link', { name: 'Kirim aspirasi' }).first().click();
    await page.getByLabel('Judul').fill(TITLE);
    await page.getByLabel('Isi aspirasi').fill('Jalan utama desa berlubang besar sejak bulan lalu.');
    await page.getByLabel('Kategori').selectOption('infrastruktur');
    await page.getByLabel('Cari nama desa, kecamatan atau kabupaten').fill('kasongan baru');
    await page.getByRole('button', { name: /Kasongan Baru/ }).click();
    await page.getByText('Dipilih: Kasongan Baru, Katingan Hilir').waitFor();
    accessibility.push(...(await checkPage(page, 'submit')));
    await page.getByRole('button', { name: 'Kirim aspirasi' }).click();

    await page.waitForURL(UUID);
    aspirationId = UUID.exec(page.url())![1];
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('Menunggu verifikasi').first().waitFor();
    const mine = await api.as('fasil-1', 'facilitator').get(`/api/aspirations/${aspirationId}`);
    expect(mine.body.aspiration).toMatchObject({
      title: TITLE,
      regionCode: '62.06.02.1003',
      status: 'submitted',
    });
  });

  it('shows an official’s answer to an anonymous reader without reloading, once verified', async () => {
    const facilitator = api.as('fasil-1', 'facilitator');
    expect((await facilitator.post(`/api/aspirations/${aspirationId}/verify`)).status).toBe(200);
    expect((await facilitator.post(`/api/aspirations/${aspirationId}/assign`)).status).toBe(200);

    // A fresh reader asks without a position: the verification must be in the read models first.
    await projectionsCaughtUp(running);
    const reader = await phoneContext(browser, running.url);
    const readerPage = await reader.newPage();
    const readerErrors = watchErrors(readerPage);
    await readerPage.goto(`/aspirasi/${aspirationId}`);
    await readerPage.getByText('Tersambung: pesan baru muncul sendiri').waitFor();
    const answer = 'Tim kami meninjau lokasi hari Senin.';
    await api
      .as('pupr-1', 'official:dinas-pupr')
      .post(`/api/aspirations/${aspirationId}/responses`, { body: answer });
    await readerPage.getByText(answer).waitFor();
    await readerPage.getByText('Diproses instansi').first().waitFor();
    accessibility.push(...(await checkPage(readerPage, 'thread-public')));
    expect(readerErrors).toEqual([]);
    await reader.close();
  });

  it('misses nothing while the citizen’s connection is cut, and shows what came meanwhile once', async () => {
    await page.goto(`/aspirasi/${aspirationId}`);
    const indicator = page.locator('[data-live-status]');
    await page.locator('[data-live-status="live"]').waitFor();
    accessibility.push(...(await checkPage(page, 'thread-submitter')));

    await citizen.setOffline(true);
    // The server drops the transport as a failing mobile network would.
    running.app.get(LiveGateway).namespace.sockets.forEach((socket) => socket.conn.close());
    await page.locator('[data-live-status="offline"]').waitFor();
    expect(await indicator.textContent()).toContain('Offline');

    const meanwhile = 'Lubang terbesar sudah kami tandai dengan cat.';
    await api
      .as('pupr-1', 'official:dinas-pupr')
      .post(`/api/aspirations/${aspirationId}/responses`, { body: meanwhile });
    await citizen.setOffline(false);
    await page.locator('[data-live-status="live"]').waitFor();
    await page.getByText(meanwhile).waitFor();
    expect(await page.getByText(meanwhile).count()).toBe(1);
    expect(await page.locator('[data-message-id]').count()).toBe(3);
  });

  it('replies to the agency from the thread', async () => {
    const reply = 'Terima kasih, saya tunggu hari Senin.';
    await page.getByLabel('Balasan Anda').fill(reply);
    await page.getByRole('button', { name: 'Kirim balasan' }).click();
    await page.getByText(reply, { exact: true }).waitFor();
    // Shown at once as sent; it becomes a message of the thread (with its id) when the projection has it.
    await waitFor(
      async () => (await page.locator('[data-message-id]').count()) === 4,
      'the reply in the thread',
    );
    const thread = await api.send('GET', `/api/aspirations/${aspirationId}`);
    expect(thread.body.aspiration.messages.map((m: { kind: string }) => m.kind)).toEqual([
      'submission',
      'response',
      'response',
      'reply',
    ]);
  });

  it('finds nothing serious or critical for axe on any page it went through', () => {
    expect(accessibility).toEqual([]);
  });
});
