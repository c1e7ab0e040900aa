import { randomUUID } from 'node:crypto';
import { Browser, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { registerKatinganAgencies, roadComplaint } from '../support/scenario';
import { freshDataDir, projectionsCaughtUp, startTestApp, TestApp } from '../support/test-app';
import { describeInBrowser, launchChromium } from './support/chromium';
import { Citizen, registerCitizen, signedInContext, signInOverApi } from './support/citizen';
import { checkPage, watchErrors } from './support/page-checks';

const CITIZEN: Citizen = { email: 'siti@example.id', password: 'rumah di tepi sungai' };
const TITLE = 'Jalan rusak di Kasongan Baru';
const ANSWER = 'Tim PUPR meninjau lokasi hari Senin.';

describeInBrowser('notifications in the browser: the live badge, the list, read marks (browser e2e)', () => {
  const dataDir = freshDataDir();
  let running: TestApp;
  let api: ApiClient;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let token: string;
  let aspirationId: string;
  /** Unread before the official answers: the submission's verification and routing. */
  let before: number;
  const accessibility: string[] = [];

  const pupr = () => api.as('pupr-1', 'official:dinas-pupr');
  const unreadOverApi = async () =>
    (await api.send('GET', '/api/me/notifications?limit=1', { token })).body.unread as number;
  const badge = (count: number) => page.locator(`nav [data-unread-count="${count}"]`);

  beforeAll(async () => {
    running = await startTestApp(dataDir);
    api = new ApiClient(running.url);
    await registerKatinganAgencies(api);
    await registerCitizen(api, dataDir, CITIZEN);
    token = (await signInOverApi(api, CITIZEN)).accessToken;
    const submitted = await api.send('POST', '/api/aspirations', {
      body: roadComplaint({ title: TITLE }),
      token,
      idempotencyKey: randomUUID(),
    });
    aspirationId = submitted.body.id;
    const facilitator = api.as('fasil-1', 'facilitator');
    await facilitator.post(`/api/aspirations/${aspirationId}/verify`);
    const assigned = await facilitator.post(`/api/aspirations/${aspirationId}/assign`);
    const list = await api.send('GET', `/api/me/notifications?minPosition=${assigned.body.position}`, {
      token,
    });
    before = list.body.unread;
    expect(before).toBeGreaterThan(0);
    // Pages opened fresh read without a position: what was written above must be in the read models first.
    await projectionsCaughtUp(running);
    browser = await launchChromium();
    page = await (await signedInContext(browser, running.url, api, CITIZEN)).newPage();
    errors = watchErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  afterEach(() => expect(errors).toEqual([]));

  it('raises the submitter’s badge when an official answers, without a reload', async () => {
    await page.goto('/');
    await badge(before).waitFor();
    await page.getByRole('link', { name: `Notifikasi (${before} belum dibaca)` }).waitFor();
    await page.evaluate('window.sameVisit = true');

    const answered = await pupr().post(`/api/aspirations/${aspirationId}/responses`, { body: ANSWER });
    expect(answered.status).toBe(201);
    await badge(before + 1).waitFor();
    expect(await page.evaluate('window.sameVisit')).toBe(true);
  });

  it('lists the answer first, linking to its thread, and marks it read: the badge follows', async () => {
    await page.getByRole('link', { name: /^Notifikasi/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifikasi' }).waitFor();
    const newest = page.locator('[data-notification-id]').first();
    await newest.getByText('Jawaban baru dari Dinas PUPR Katingan').waitFor();
    expect(await newest.getByRole('link', { name: TITLE }).getAttribute('href')).toBe(
      `/aspirasi/${aspirationId}`,
    );
    expect(await page.locator('[data-read="false"]').count()).toBe(before + 1);
    accessibility.push(...(await checkPage(page, 'notifications')));

    await newest.getByRole('button', { name: 'Tandai sudah dibaca' }).click();
    await badge(before).waitFor();
    expect(await newest.getAttribute('data-read')).toBe('true');
    expect(await unreadOverApi()).toBe(before);
    expect(await page.evaluate('window.sameVisit')).toBe(true);
  });

  it('shows a new notification at the top of the open list, live, and marks all read', async () => {
    await pupr().post(`/api/aspirations/${aspirationId}/resolve`, { summary: 'Lubang sudah ditambal.' });
    const newest = page.locator('[data-notification-id]').first();
    await newest.getByText('Aspirasi dinyatakan selesai').waitFor();
    expect(await newest.getAttribute('data-read')).toBe('false');
    await badge(before + 1).waitFor();

    await page.getByRole('button', { name: 'Tandai semua sudah dibaca' }).click();
    await page.getByText('Semua sudah dibaca.').waitFor();
    await badge(0).waitFor();
    expect(await page.locator('[data-read="false"]').count()).toBe(0);
    expect(await unreadOverApi()).toBe(0);
    accessibility.push(...(await checkPage(page, 'notifications-read')));

    await page.reload();
    await page.locator('[data-notification-id]').first().waitFor();
    expect(await page.locator('[data-read="false"]').count()).toBe(0);
    expect(await page.getByRole('link', { name: /belum dibaca/ }).count()).toBe(0);
  });

  it('finds nothing serious or critical for axe on the notification pages', () => {
    expect(accessibility).toEqual([]);
  });
});
