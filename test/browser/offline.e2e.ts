import { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { registerKatinganAgencies, roadComplaint } from '../support/scenario';
import { freshDataDir, projectionsCaughtUp, startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import { describeInBrowser, launchChromium } from './support/chromium';
import { Citizen, registerCitizen, shellCached, signedInContext, signInOverApi } from './support/citizen';
import { checkPage, phoneContext, watchErrors } from './support/page-checks';

const CITIZEN: Citizen = { email: 'rahma@example.id', password: 'perahu di sungai katingan' };

describeInBrowser('offline first: the app shell and what is written without a signal (browser e2e)', () => {
  const dataDir = freshDataDir();
  let running: TestApp;
  let api: ApiClient;
  let browser: Browser;
  let threadId: string;
  let citizenToken: string;
  const errors: string[] = [];
  const accessibility: string[] = [];
  const contexts: BrowserContext[] = [];

  async function phone(options: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<Page> {
    const context = await signedInContext(browser, running.url, api, CITIZEN, options);
    contexts.push(context);
    const page = await context.newPage();
    errors.push(...watchErrors(page));
    return page;
  }

  /** The thread as the server has it: the replies with this text. */
  const repliesSaying = async (text: string) => {
    const thread = await api.send('GET', `/api/aspirations/${threadId}`, { token: citizenToken });
    return thread.body.aspiration.messages.filter((m: { body: string }) => m.body === text);
  };

  beforeAll(async () => {
    running = await startTestApp(dataDir);
    api = new ApiClient(running.url);
    await registerKatinganAgencies(api);
    await registerCitizen(api, dataDir, CITIZEN);
    citizenToken = (await signInOverApi(api, CITIZEN)).accessToken;
    const submitted = await api.send('POST', '/api/aspirations', {
      body: roadComplaint({ title: 'Dermaga kayu di Kasongan lapuk' }),
      token: citizenToken,
    });
    threadId = submitted.body.id;
    const facilitator = api.as('fasil-1', 'facilitator');
    await facilitator.post(`/api/aspirations/${threadId}/verify`);
    await facilitator.post(`/api/aspirations/${threadId}/assign`);
    await api
      .as('pupr-1', 'official:dinas-pupr')
      .post(`/api/aspirations/${threadId}/responses`, { body: 'Kami jadwalkan pemeriksaan dermaga.' });
    // Pages opened fresh read without a position: what was written above must be in the read models first.
    await projectionsCaughtUp(running);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    expect(errors.splice(0)).toEqual([]);
  });

  it('opens the app shell without a network after one visit, and keeps no API response', async () => {
    const context = await phoneContext(browser, running.url);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Dermaga kayu di Kasongan lapuk' }).waitFor();
    await shellCached(page);

    await context.setOffline(true);
    await page.goto('/statistik');
    await page.getByRole('heading', { level: 1, name: 'Statistik layanan' }).waitFor();
    await page.getByText('Tidak ada koneksi.').waitFor();
    accessibility.push(...(await checkPage(page, 'offline-shell-statistics')));
    await page.goto(`/aspirasi/${threadId}`);
    await page.getByRole('link', { name: 'Aspirasi warga' }).waitFor();

    const cached = (await page.evaluate(`(async () => {
      const urls = [];
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      return urls;
    })()`)) as string[];
    expect(cached).toContain('/index.html');
    expect(cached.filter((path) => path.startsWith('/api') || path.startsWith('/socket.io'))).toEqual([]);
  });

  it('keeps a reply written offline across a reload, and delivers it exactly once when back online', async () => {
    const page = await phone();
    const reply = 'Terima kasih, dermaganya makin miring sejak hujan.';
    await page.goto(`/aspirasi/${threadId}`);
    await page.locator('[data-live-status="live"]').waitFor();
    await shellCached(page);

    await page.context().setOffline(true);
    await page.locator('[data-live-status="offline"]').waitFor();
    await page.getByLabel('Balasan Anda').fill(reply);
    await page.getByRole('button', { name: 'Kirim balasan' }).click();
    const pending = page.locator('[data-outbox-state="waiting"]');
    await pending.getByText('Menunggu sinyal…').waitFor();
    await page
      .locator('[data-outbox-banner]')
      .getByText(/Menunggu sinyal… 1 kiriman/)
      .waitFor();
    expect(await page.getByLabel('Balasan Anda').inputValue()).toBe('');
    accessibility.push(...(await checkPage(page, 'offline-reply-waiting')));

    await page.reload();
    await pending.getByText(reply).waitFor();
    await pending.getByText('Menunggu sinyal…').waitFor();
    accessibility.push(...(await checkPage(page, 'offline-reply-after-reload')));
    expect(await repliesSaying(reply)).toEqual([]);

    await page.context().setOffline(false);
    await page.locator('[data-message-id]').filter({ hasText: reply }).waitFor();
    await page.locator('[data-outbox-entry]').waitFor({ state: 'detached' });
    await page.locator('[data-outbox-banner]').waitFor({ state: 'detached' });
    expect(await page.locator('[data-message-id]').filter({ hasText: reply }).count()).toBe(1);
    expect(await repliesSaying(reply)).toHaveLength(1);
  });

  it('sends again with the same Idempotency-Key after an answer is lost, and the server keeps one reply', async () => {
    // Routing sees the page's own requests only while no service worker stands between.
    const page = await phone({ serviceWorkers: 'block' });
    const reply = 'Apakah pemeriksaannya jadi minggu ini?';
    const keys: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/replies'))
        keys.push(request.headers()['idempotency-key']);
    });
    await page.goto(`/aspirasi/${threadId}`);
    await page.locator('[data-live-status="live"]').waitFor();
    // The server receives and stores the reply; its answer never reaches the phone.
    await page.route('**/replies', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByLabel('Balasan Anda').fill(reply);
    await page.getByRole('button', { name: 'Kirim balasan' }).click();
    await page.locator('[data-outbox-entry]').getByText(reply).waitFor();
    await waitFor(async () => (await repliesSaying(reply)).length > 0, 'the reply whose answer was lost');

    await page.unroute('**/replies');
    // The network comes back (an `online` event): the outbox sends what it kept.
    await page.context().setOffline(true);
    await page.context().setOffline(false);
    // The banner counts what the phone still keeps (the thread already shows the reply the server has).
    await page.locator('[data-outbox-banner]').waitFor({ state: 'detached' });
    await page.locator('[data-message-id]').filter({ hasText: reply }).waitFor();
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(await repliesSaying(reply)).toHaveLength(1);
    expect(await page.locator('[data-message-id]').filter({ hasText: reply }).count()).toBe(1);
  });

  it('keeps a submission made offline across a reload, and submits it exactly once when back online', async () => {
    const page = await phone();
    const title = 'Lampu jalan dermaga padam';
    await page.goto('/kirim');
    await page.getByLabel('Judul').fill(title);
    await page
      .getByLabel('Isi aspirasi')
      .fill('Lampu jalan di dermaga padam sejak dua minggu, gelap sekali.');
    await page.getByLabel('Kategori').selectOption('infrastruktur');
    await page.getByLabel('Cari nama desa, kecamatan atau kabupaten').fill('kasongan baru');
    await page.getByRole('button', { name: /Kasongan Baru/ }).click();
    await page.getByText('Dipilih: Kasongan Baru, Katingan Hilir').waitFor();
    await shellCached(page);

    await page.context().setOffline(true);
    await page.getByRole('button', { name: 'Kirim aspirasi' }).click();
    await page.getByText('Tersimpan di HP ini.').waitFor();
    const pending = page.locator('[data-outbox-state="waiting"]');
    await pending.getByText(title).waitFor();
    accessibility.push(...(await checkPage(page, 'offline-submission-waiting')));

    await page.reload();
    await pending.getByText(title).waitFor();
    await pending.getByText('Menunggu sinyal…').waitFor();

    await page.context().setOffline(false);
    const delivered = page.locator('[data-delivered]');
    await delivered.getByRole('link', { name: title }).waitFor();
    await page.locator('[data-outbox-entry]').waitFor({ state: 'detached' });
    const id = await delivered.getAttribute('data-delivered');
    const mine = async () => (await api.send('GET', '/api/me/aspirations', { token: citizenToken })).body;
    await waitFor(
      async () => (await mine()).items.some((item: { id: string }) => item.id === id),
      'it listed',
    );
    const items = (await mine()).items as Array<{ title: string }>;
    expect(items.filter((item) => item.title === title)).toHaveLength(1);
    await delivered.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  });

  it('finds nothing serious or critical for axe on the offline states', () => {
    expect(accessibility).toEqual([]);
  });
});
