import { randomUUID } from 'node:crypto';
import { Browser, Page } from 'playwright-core';
import { firstAdmin, SignedIn, signIn } from '../support/accounts';
import { ApiClient } from '../support/api-client';
import { registerKatinganAgencies, roadComplaint } from '../support/scenario';
import { freshDataDir, projectionsCaughtUp, startTestApp, TestApp } from '../support/test-app';
import { describeInBrowser, launchChromium } from './support/chromium';
import { checkPage, watchErrors } from './support/page-checks';
import { registeredCitizen, signedInContext } from './support/staff-people';

const ANSWER = 'Tim PUPR menambal jalan ini pada hari Senin.';
const VILLAGER_REPLY = 'Bu Sari berterima kasih, lubang terbesar sudah ditambal.';

// A villager who is not online: the facilitator replies and rates for her from the thread page, then prints the
// answer sheet (Chromium's own PDF of the page) to read out in the village.
describeInBrowser('a facilitator relays for a villager and prints the answer sheet (browser e2e)', () => {
  const dataDir = freshDataDir();
  let running: TestApp;
  let api: ApiClient;
  let browser: Browser;
  let facilitator: Page;
  let official: SignedIn;
  let id: string;
  const errors: string[] = [];
  const accessibility: string[] = [];

  /** A registered account the admin gives a staff role, signed in again so its token carries the role. */
  const staff = async (email: string, name: string, role: object, admin: SignedIn) => {
    const person = await registeredCitizen(api, dataDir, email, name);
    const granted = await api.send('PUT', `/api/accounts/${person.accountId}/role`, {
      body: role,
      token: admin.accessToken,
    });
    expect(granted.status).toBe(200);
    return signIn(api, email, 'sawah hijau di pinggir desa');
  };
  const command = async (path: string, token: string, body: object = {}) => {
    const response = await api.send('POST', path, { body, token, idempotencyKey: randomUUID() });
    if (response.status >= 300) throw new Error(`${path}: ${JSON.stringify(response.body)}`);
  };

  beforeAll(async () => {
    running = await startTestApp(dataDir);
    api = new ApiClient(running.url);
    browser = await launchChromium();
    await registerKatinganAgencies(api);
    const admin = await firstAdmin(running, api);
    const rina = await staff(
      'rina@example.id',
      'Rina Lestari',
      { role: 'facilitator', regionCode: '62.06' },
      admin,
    );
    official = await staff(
      'budi@example.id',
      'Budi Santoso',
      { role: 'official', agencyId: 'dinas-pupr' },
      admin,
    );
    const onBehalfOf = { name: 'Ibu Sari', contact: 'RT 03 Kasongan Baru' };
    const submitted = await api.send('POST', '/api/aspirations', {
      body: roadComplaint({ onBehalfOf }),
      token: rina.accessToken,
      idempotencyKey: randomUUID(),
    });
    id = submitted.body.id;
    await command(`/api/aspirations/${id}/verify`, rina.accessToken);
    await command(`/api/aspirations/${id}/assign`, rina.accessToken);
    await command(`/api/aspirations/${id}/responses`, official.accessToken, { body: ANSWER });
    // Pages opened fresh read without a position: what was written above must be in the read models first.
    await projectionsCaughtUp(running);
    const context = await signedInContext(browser, running.url, rina.refreshToken);
    facilitator = await context.newPage();
    errors.push(...watchErrors(facilitator));
  });

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('the facilitator replies for the villager; the thread says it was relayed', async () => {
    await facilitator.goto(`/aspirasi/${id}`);
    await facilitator.getByRole('heading', { name: 'Sampaikan untuk Ibu Sari' }).waitFor();
    await facilitator.getByLabel('Balasan Anda').fill(VILLAGER_REPLY);
    await facilitator.getByRole('button', { name: 'Kirim balasan' }).click();
    const relayed = facilitator.locator('.message-reply', { hasText: VILLAGER_REPLY });
    await relayed.waitFor();
    expect(await relayed.locator('.message-meta').textContent()).toContain('Warga, disampaikan fasilitator');
    accessibility.push(...(await checkPage(facilitator, 'thread-relay')));
  });

  it('rates for the villager once the agency resolved it', async () => {
    await command(`/api/aspirations/${id}/resolve`, official.accessToken, {
      summary: 'Jalan sudah ditambal.',
    });
    await facilitator.reload();
    await facilitator.getByText('Selesai ditangani').first().waitFor();
    await facilitator.getByLabel('Sangat puas').check();
    await facilitator.getByRole('button', { name: 'Kirim penilaian' }).click();
    await facilitator.locator('dd', { hasText: 'Sangat puas' }).waitFor();
    const history = await api.send('GET', `/api/aspirations/${id}/history`, { token: official.accessToken });
    const rated = (history.body.events as Array<{ type: string; data: object }>).find(
      (event) => event.type === 'AspirationRated',
    );
    expect(rated?.data).toMatchObject({ rating: 5, relayedForVillager: true });
  });

  it('prints the answer sheet: the villager, the answer, her reply and room to sign, as a real PDF', async () => {
    await facilitator.getByRole('link', { name: 'Cetak lembar jawaban untuk Ibu Sari' }).click();
    await facilitator.getByRole('heading', { name: 'Lembar jawaban aspirasi' }).waitFor();
    const sheet = facilitator.locator('.answer-sheet');
    await sheet.getByText(ANSWER).waitFor();
    for (const text of ['Ibu Sari', 'RT 03 Kasongan Baru', VILLAGER_REPLY, 'Tanda tangan warga', id])
      expect(await sheet.textContent()).toContain(text);
    accessibility.push(...(await checkPage(facilitator, 'answer-sheet')));

    await facilitator.emulateMedia({ media: 'print' });
    expect(await facilitator.locator('.site-header').isVisible()).toBe(false);
    expect(await facilitator.getByRole('button', { name: 'Cetak' }).isVisible()).toBe(false);
    const pdf = await facilitator.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    await facilitator.emulateMedia({ media: 'screen' });
  });

  it('finds nothing serious for axe and no script or CSP error', () => {
    expect(accessibility).toEqual([]);
    expect(errors).toEqual([]);
  });
});
