import { randomUUID } from 'node:crypto';
import { Browser, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { registerKatinganAgencies, roadComplaint } from '../support/scenario';
import { freshDataDir, startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import { describeInBrowser, launchChromium } from './support/chromium';
import { holdRequests } from './support/held-requests';
import { checkPage, watchErrors } from './support/page-checks';
import { registeredCitizen, signedInContext } from './support/staff-people';

const TITLE = 'Sumur bor desa kering';
const ANSWER = 'Tim kami memeriksa pompa sumur hari Kamis.';
/** The status each step's past view shows. */
const STATUSES = [
  'Menunggu verifikasi',
  'Terverifikasi',
  'Diproses instansi',
  'Diproses instansi',
  'Selesai ditangani',
  'Ditutup',
];
const RESPONDED = 3;
const SECOND = 1_000;
/** A date-time field's value in WIB (the thread's zone, Kalimantan Tengah), to the second. */
const wib = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19);

describeInBrowser('an auditor scrubs a thread through its lifecycle (browser e2e)', () => {
  const dataDir = freshDataDir();
  let running: TestApp;
  let api: ApiClient;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let aspirationId: string;
  let positions: string[];
  let recordedAt: number[];
  const accessibility: string[] = [];

  const auditor = () => api.as('inspektorat-1', 'auditor');
  const recorded = async () =>
    (await auditor().get(`/api/aspirations/${aspirationId}/history`)).body.events as Array<{
      position: string;
      recordedAt: string;
    }>;
  const pastView = () => page.locator('.past-view');
  /** The past view shows the thread after this step, with its status. */
  const showsStep = async (step: number) => {
    await page
      .locator(`.past-view[data-as-of-position="${positions[step]}"]`)
      .waitFor()
      .catch(async (error) => {
        // A string: this file is compiled without the DOM's types.
        const seen = await page.evaluate(`({
          url: location.href,
          shown: document.querySelector('.past-view')?.getAttribute('data-as-of-position'),
          slider: document.getElementById('as-of-step')?.value,
          focused: document.activeElement?.outerHTML.slice(0, 120),
          alert: document.querySelector('.as-of [role="alert"]')?.textContent,
        })`);
        throw new Error(`step ${step} (${positions[step]}) not shown: ${JSON.stringify(seen)}\n${error}`);
      });
    expect(await pastView().locator('.facts .badge').first().textContent()).toBe(STATUSES[step]);
    expect(await pastView().getByText(ANSWER).count()).toBe(step >= RESPONDED ? 1 : 0);
  };

  beforeAll(async () => {
    running = await startTestApp(dataDir);
    api = new ApiClient(running.url);
    await registerKatinganAgencies(api);
    const inspector = await registeredCitizen(api, dataDir, 'inspektorat@example.id', 'Inspektorat Katingan');
    const granted = await api.send('PUT', `/api/accounts/${inspector.accountId}/role`, {
      body: { role: 'auditor' },
      token: await api.tokenFor('admin-1', 'admin'),
    });
    expect(granted.status).toBe(200);

    // A confidential thread: the public never sees it, an auditor sees all of its past.
    const warga = api.as('warga-1', 'citizen');
    const submitted = await warga.post(
      '/api/aspirations',
      roadComplaint({ title: TITLE, visibility: 'confidential' }),
      randomUUID(),
    );
    aspirationId = submitted.body.id;
    const at = (verb: string) => `/api/aspirations/${aspirationId}/${verb}`;
    const facilitator = api.as('fasil-1', 'facilitator');
    const pupr = api.as('pupr-1', 'official:dinas-pupr');
    await facilitator.post(at('verify'));
    await facilitator.post(at('assign'));
    // The answer is recorded two wall-clock seconds after the routing, so a second between them can be typed.
    const routedAt = Date.parse((await recorded()).at(-1)!.recordedAt);
    await waitFor(() => Date.now() >= Math.floor(routedAt / SECOND) * SECOND + 2 * SECOND, 'a later second');
    await pupr.post(at('responses'), { body: ANSWER });
    await pupr.post(at('resolve'), { summary: 'Pompa sudah diganti.' });
    await warga.post(at('close'));
    const events = await recorded();
    positions = events.map((event) => event.position);
    recordedAt = events.map((event) => Date.parse(event.recordedAt));
    expect(positions).toHaveLength(STATUSES.length);

    browser = await launchChromium();
    page = await (await signedInContext(browser, running.url, inspector.refreshToken)).newPage();
    errors = watchErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  afterEach(() => expect(errors).toEqual([]));

  it('opens the history from the audit list, showing the thread after its last step, marked as the past', async () => {
    await page.goto('/audit');
    const item = page.locator(`[data-thread-id="${aspirationId}"]`);
    await item.getByRole('link', { name: 'Riwayat tercatat (hash)' }).click();
    await page.locator('[data-chain="intact"]').waitFor();
    await showsStep(5);
    await pastView().getByText('Tampilan masa lalu: aspirasi ini seperti setelah langkah 6 dari 6').waitFor();
    await pastView().getByRole('link', { name: 'Lihat keadaan sekarang' }).waitFor();
    accessibility.push(...(await checkPage(page, 'history-as-of')));
  });

  it('steps through every status with the slider’s keys and the buttons, the step kept in the address', async () => {
    const slider = page.getByLabel('Langkah dalam riwayat');
    await slider.focus();
    await page.keyboard.press('Home');
    await showsStep(0);
    expect(page.url()).toContain(`posisi=${positions[0]}`);
    accessibility.push(...(await checkPage(page, 'history-as-of-submitted')));
    for (let step = 1; step < STATUSES.length; step++) {
      await page.keyboard.press('ArrowRight');
      await showsStep(step);
    }
    // Two clicks before the first answer arrives (held here) go back two steps, not one.
    const held = await holdRequests(page, '**/api/aspirations/*?asOfPosition=*');
    await page.getByRole('button', { name: '← Langkah sebelumnya' }).click();
    await page.getByRole('button', { name: '← Langkah sebelumnya' }).click();
    held.release();
    await showsStep(RESPONDED);
    await page.unroute('**/api/aspirations/*?asOfPosition=*');
    expect(await slider.getAttribute('aria-valuetext')).toContain('Langkah 4 dari 6: Instansi menjawab');

    await page.reload();
    await showsStep(RESPONDED);
  });

  it('shows the thread at a typed moment in WIB, and says when it had not been submitted yet', async () => {
    const time = page.getByLabel('Tanggal dan jam (WIB)');
    // Within the second after the routing was recorded, before the answer: routed, not yet answered.
    await time.fill(wib(Math.floor(recordedAt[2] / SECOND) * SECOND + SECOND));
    await page.getByRole('button', { name: 'Tampilkan saat itu' }).click();
    await showsStep(2);
    await pastView()
      .getByText(/aspirasi ini seperti pada .* WIB, setelah langkah 3 dari 6/)
      .waitFor();
    expect(page.url()).toContain('waktu=');

    await time.fill(wib(recordedAt[0] - 60 * SECOND));
    await page.getByRole('button', { name: 'Tampilkan saat itu' }).click();
    await page.getByRole('alert').getByText('Pada saat itu aspirasi ini belum dikirim.').waitFor();
    expect(await pastView().count()).toBe(0);
  });

  it('finds nothing serious or critical for axe on the history with its past view', () => {
    expect(accessibility).toEqual([]);
  });
});
