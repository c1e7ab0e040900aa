import { Browser, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { freshDataDir, projectionsCaughtUp, startTestApp, TestApp } from '../support/test-app';
import { describeInBrowser, launchChromium } from './support/chromium';
import { Citizen, registerCitizen, signedInContext, signInOverApi } from './support/citizen';
import { checkPage, watchErrors } from './support/page-checks';

const MEMBER: Citizen = { email: 'sari@example.id', password: 'kebun karet di hulu' };
const TITLE = 'Penyaluran pupuk bersubsidi minggu depan';

describeInBrowser(
  'announcements in the browser: a member sees one arrive live and acknowledges it (browser e2e)',
  () => {
    const dataDir = freshDataDir();
    let running: TestApp;
    let api: ApiClient;
    let browser: Browser;
    let page: Page;
    let errors: string[];
    let groupId: string;

    beforeAll(async () => {
      running = await startTestApp(dataDir);
      api = new ApiClient(running.url);
      await registerCitizen(api, dataDir, MEMBER);
      const token = (await signInOverApi(api, MEMBER)).accessToken;
      const founded = await api.as('fasil-1', 'facilitator').post('/api/groups', {
        name: 'KIM Kasongan Baru',
        regionCode: '62.06.02.1003',
        joinPolicy: 'open',
      });
      groupId = founded.body.id;
      await api.send('POST', `/api/groups/${groupId}/join`, { token, body: {} });
      // Pages opened fresh read without a position: what was written above must be in the read models first.
      await projectionsCaughtUp(running);
      browser = await launchChromium();
      page = await (await signedInContext(browser, running.url, api, MEMBER)).newPage();
      errors = watchErrors(page);
    });

    afterAll(async () => {
      await browser?.close();
      await running?.close();
    });

    afterEach(() => expect(errors).toEqual([]));

    it('shows an announcement to the member’s group without a reload, and counts their acknowledgement', async () => {
      await page.goto('/pengumuman');
      await page.getByRole('heading', { level: 1, name: 'Pengumuman pemerintah' }).waitFor();
      await page.getByText('Belum ada pengumuman.').waitFor();
      await page.evaluate('window.sameVisit = true');

      const published = await api.as('pupr-1', 'official:dinas-pupr').post('/api/announcements', {
        title: TITLE,
        body: 'Pupuk bersubsidi disalurkan lewat kios desa mulai Senin, bawa kartu tani.',
        groupIds: [groupId],
      });
      expect(published.status).toBe(201);
      await page.getByRole('link', { name: TITLE }).waitFor();
      expect(await page.evaluate('window.sameVisit')).toBe(true);

      await page.getByRole('link', { name: TITLE }).click();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await page.locator('[data-ack-count="0"]').waitFor();
      await page.getByRole('button', { name: 'Saya sudah membaca' }).click();
      await page.locator('[data-ack-count="1"]').waitFor();
      await page.getByRole('button', { name: 'Anda sudah membaca' }).waitFor();
      expect(await checkPage(page, 'announcement')).toEqual([]);
    });
  },
);
