import { waitFor } from '../support/wait-for';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { codesSentTo } from '../support/outbox';
import { registerKatinganAgencies, roadComplaint } from '../support/scenario';
import { projectionsCaughtUp, startTestApp, TestApp } from '../support/test-app';
import { describeInBrowser, launchChromium } from './support/chromium';
import { holdRequests } from './support/held-requests';
import { checkPage, phoneContext, watchErrors } from './support/page-checks';

/** The budget of the issue: each page's initial JavaScript, as transferred (compressed). */
const JS_BUDGET_BYTES = 100 * 1024;
const EMAIL = 'siti@example.id';
const PASSWORD = 'rumah di tepi sungai';

describeInBrowser('every page: reachable by its URL, accessible, light (browser e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  let browser: Browser;
  let threadId: string;
  let groupId: string;
  const problems: string[] = [];
  const errors: string[] = [];
  const weights: string[] = [];

  /** Signs in over the API; the page then starts with the refresh token, as after an earlier visit. */
  async function signedInContext(): Promise<BrowserContext> {
    const session = await api.send('POST', '/api/sessions', { body: { login: EMAIL, password: PASSWORD } });
    const context = await phoneContext(browser, running.url);
    // Only into a fresh tab: the app rotates the token, and putting back a spent one would end the session.
    const token = JSON.stringify(session.body.refreshToken);
    await context.addInitScript(
      `if (!localStorage.getItem('suara.refreshToken')) localStorage.setItem('suara.refreshToken', ${token})`,
    );
    return context;
  }

  /**
   * Opens a page in a fresh context (an empty cache, as on a first visit), waits for what shows it loaded, weighs
   * the JavaScript it transferred and checks it with axe.
   */
  async function visit(
    path: string,
    name: string,
    ready: (page: Page) => Promise<unknown>,
    signedIn = false,
  ) {
    const context = signedIn ? await signedInContext() : await phoneContext(browser, running.url);
    const page = await context.newPage();
    errors.push(...watchErrors(page));
    const scripts: Promise<number>[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.js'))
        scripts.push(
          response
            .request()
            .sizes()
            .then((sizes) => sizes.responseBodySize),
        );
    });
    await page.goto(path);
    await ready(page);
    const bytes = (await Promise.all(scripts)).reduce((sum, size) => sum + size, 0);
    if (bytes > JS_BUDGET_BYTES) problems.push(`${name}: ${bytes} bytes of JavaScript`);
    weights.push(`${name}: ${bytes}`);
    problems.push(...(await checkPage(page, name)));
    return page;
  }

  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
    await registerKatinganAgencies(api);
    const warga = api.as('warga-1', 'citizen');
    const facilitator = api.as('fasil-1', 'facilitator');
    for (const [title, regionCode] of [
      ['Jalan rusak di Kasongan Baru', '62.06.02.1003'],
      ['Jembatan kayu lapuk di Katingan Hulu', '62.06.08.2031'],
    ]) {
      const submitted = await warga.post('/api/aspirations', roadComplaint({ title, regionCode }));
      await facilitator.post(`/api/aspirations/${submitted.body.id}/verify`);
      await facilitator.post(`/api/aspirations/${submitted.body.id}/assign`);
      threadId = submitted.body.id;
    }
    await api.as('pupr-1', 'official:dinas-pupr').post(`/api/aspirations/${threadId}/responses`, {
      body: 'Kami perbaiki bulan depan.',
    });
    const group = await facilitator.post('/api/groups', {
      name: 'KIM Kasongan Baru',
      regionCode: '62.06.02.1003',
      joinPolicy: 'open',
    });
    groupId = group.body.id;
    await api.send('POST', '/api/accounts', {
      body: { email: EMAIL, displayName: 'Siti', password: PASSWORD },
    });
    const [code] = codesSentTo(running.config.dataDir, EMAIL);
    await api.send('POST', '/api/accounts/confirmations', { body: { login: EMAIL, code } });
    // Pages opened fresh read without a position: what was written above must be in the read models first.
    await projectionsCaughtUp(running);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('serves the public pages in Bahasa Indonesia', async () => {
    const feed = await visit('/', 'feed', (p) =>
      p.getByRole('link', { name: 'Jalan rusak di Kasongan Baru' }).waitFor(),
    );
    expect(await feed.locator('html').getAttribute('lang')).toBe('id');
    await visit(`/aspirasi/${threadId}`, 'thread', (p) =>
      p.getByText('Kami perbaiki bulan depan.').waitFor(),
    );
    await visit('/daftar', 'register-page', (p) => p.getByRole('heading', { name: 'Daftar' }).waitFor());
    await visit('/masuk', 'sign-in-page', (p) => p.getByRole('heading', { name: 'Masuk' }).waitFor());
    await visit('/konfirmasi', 'confirm-page', (p) =>
      p.getByRole('heading', { name: 'Masukkan kode' }).waitFor(),
    );
    const reset = await visit('/lupa-sandi', 'reset-password', (p) =>
      p.getByRole('heading', { name: 'Atur ulang kata sandi' }).waitFor(),
    );
    await reset.getByLabel('Nomor HP atau e-mail').fill('0812-0000-0000');
    await reset.getByRole('button', { name: 'Kirim kode' }).click();
    await reset.getByLabel('Kata sandi baru').waitFor();
    problems.push(...(await checkPage(reset, 'reset-password-code')));
    await visit('/tidak-ada', 'not-found', (p) =>
      p.getByRole('heading', { name: 'Halaman tidak ditemukan' }).waitFor(),
    );
  });

  it('filters the feed by region, picked step by step from the region tree, with the filters in the URL', async () => {
    const context = await phoneContext(browser, running.url);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByText('Cari dan saring').click();
    await page.getByLabel('Provinsi', { exact: true }).selectOption('62');
    await page.getByLabel('Kabupaten/kota', { exact: true }).selectOption('62.06');
    await page.getByLabel('Kecamatan', { exact: true }).selectOption('62.06.08');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.waitForURL(/wilayah=62\.06\.08/);
    await page.getByRole('link', { name: 'Jembatan kayu lapuk di Katingan Hulu' }).waitFor();
    // The filtered page may take a moment to arrive (slower on FerretDB).
    await waitFor(async () => (await page.locator('.thread-list > li').count()) === 1, 'the filtered list');
    problems.push(...(await checkPage(page, 'feed-filtered')));

    await page.goto('/?q=kasongan&urutan=endorsed');
    await page.getByRole('link', { name: 'Jalan rusak di Kasongan Baru' }).waitFor();
    expect(await page.locator('.thread-list > li').count()).toBe(1);
    await context.close();
  });

  it('never lets a slow answer for an earlier filter replace the list asked for after it', async () => {
    const context = await phoneContext(browser, running.url);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Jalan rusak di Kasongan Baru' }).waitFor();
    const everything = await page.locator('.thread-list > li').count();
    expect(everything).toBeGreaterThan(1);
    // The filtered answer is held until the person has gone back to the whole list.
    const filtered = (url: URL) =>
      url.pathname === '/api/aspirations' && url.searchParams.get('q') === 'jembatan';
    const held = await holdRequests(page, filtered);
    await page.getByText('Cari dan saring').click();
    await page.getByLabel('Kata kunci').fill('jembatan');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.waitForURL(/q=jembatan/);
    await waitFor(() => held.count() >= 1, 'the filtered list to be asked for');
    await page.goBack();
    await page.waitForURL((url) => url.search === '');
    await waitFor(
      async () => (await page.locator('.thread-list > li').count()) === everything,
      'the whole list',
    );
    const filteredAnswer = page.waitForResponse((response) => filtered(new URL(response.url())));
    held.release();
    await (await filteredAnswer).finished();
    // Two frames: time for the page to read the answer and render it, if it were to take it.
    for (let frame = 0; frame < 2; frame++)
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(resolve))');
    expect(await page.locator('.thread-list > li').count()).toBe(everything);
    await context.close();
  });

  it('switches to English and back, remembering the choice', async () => {
    const context = await phoneContext(browser, running.url);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: "Citizens' aspirations" }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    problems.push(...(await checkPage(page, 'feed-english')));
    await page.reload();
    await page.getByRole('link', { name: 'Submit an aspiration' }).waitFor();
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('heading', { name: 'Aspirasi warga' }).waitFor();
    await context.close();
  });

  it('lets a keyboard user skip to the content and reach every link of the menu', async () => {
    const context = await phoneContext(browser, running.url);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Jalan rusak di Kasongan Baru' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Langsung ke isi');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('location.hash')).toBe('#main');
    await page.goto('/');
    const reached: string[] = [];
    // The menu's links and a few past them: reaching one more link does not change what is asserted.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      reached.push(String(await page.evaluate('document.activeElement.textContent')));
    }
    expect(reached).toEqual(
      expect.arrayContaining(['Aspirasi warga', 'Kirim aspirasi', 'Kelompok', 'Masuk', 'Daftar']),
    );
    await context.close();
  });

  it('serves the signed-in pages: submit and my aspirations', async () => {
    const page = await visit('/kirim', 'submit-page', (p) => p.getByLabel('Judul').waitFor(), true);
    await page.getByLabel('Judul').fill('Lampu jalan padam');
    await page.getByLabel('Isi aspirasi').fill('Lampu jalan di depan balai desa padam sejak seminggu.');
    await page.getByLabel('Kategori').selectOption('infrastruktur');
    await page.getByLabel('Provinsi', { exact: true }).selectOption('62');
    await page.getByLabel('Kabupaten/kota', { exact: true }).selectOption('62.06');
    await page.getByLabel('Kecamatan', { exact: true }).selectOption('62.06.02');
    await page.getByLabel('Desa/kelurahan', { exact: true }).selectOption('62.06.02.1003');
    await page.getByLabel('Rahasiakan aspirasi ini').check();
    await page.getByRole('button', { name: 'Kirim aspirasi' }).click();
    await page.getByText('Aspirasi ini rahasia').waitFor();
    await visit('/saya', 'mine', (p) => p.getByRole('link', { name: 'Lampu jalan padam' }).waitFor(), true);
  });

  it('serves the signed-in pages: notifications (with the live badge) and their settings', async () => {
    await visit(
      '/notifikasi',
      'notifications-page',
      (p) => p.getByText('Belum ada notifikasi.').waitFor(),
      true,
    );
    await visit(
      '/notifikasi/pengaturan',
      'notification-settings-page',
      (p) => p.getByRole('button', { name: 'Simpan pengaturan' }).waitFor(),
      true,
    );
  });

  it('serves the groups pages: the list, a group for anyone, and for a citizen who may join it', async () => {
    await visit('/kelompok', 'groups-page', (p) =>
      p.getByRole('link', { name: 'KIM Kasongan Baru' }).waitFor(),
    );
    await visit(`/kelompok/${groupId}`, 'group-page', (p) => p.getByText('Kabar kelompok').waitFor());
    await visit(
      `/kelompok/${groupId}`,
      'group-page-citizen',
      (p) => p.getByRole('button', { name: 'Bergabung' }).waitFor(),
      true,
    );
  });

  it('finds nothing serious or critical for axe, no script or CSP error, and keeps every page light', () => {
    console.log(`JavaScript transferred per page (bytes, compressed): ${weights.join(', ')}`);
    expect(weights.length).toBeGreaterThanOrEqual(14);
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
  });
});
