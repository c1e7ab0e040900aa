import { randomUUID } from 'node:crypto';
import { Browser, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { freshDataDir, startTestApp, TestApp } from '../support/test-app';
import { describeInBrowser, launchChromium } from './support/chromium';
import { waitFor } from '../support/wait-for';
import { Citizen, registerCitizen, shellCached, signedInContext, signInOverApi } from './support/citizen';
import { checkPage, watchErrors } from './support/page-checks';

const CITIZEN: Citizen = { email: 'yohana@example.id', password: 'noken dari lembah baliem' };

describeInBrowser(
  'notification settings in the browser: channels, quiet hours, province, Web Push (browser e2e)',
  () => {
    const dataDir = freshDataDir();
    let running: TestApp;
    let api: ApiClient;
    let browser: Browser;
    let page: Page;
    let errors: string[];
    const accessibility: string[] = [];

    const kind = (name: string) => page.getByRole('group', { name });
    /** The settings as the API reads them, at least as of `position` (a save's) when given. */
    const settingsOverApi = async (position?: string) => {
      const { accessToken } = await signInOverApi(api, CITIZEN);
      const query = position ? `?minPosition=${position}` : '';
      return (await api.send('GET', `/api/me/notification-preferences${query}`, { token: accessToken })).body;
    };
    /** Clicks save and returns the position of the write the page's request made. */
    const save = async (): Promise<string> => {
      const response = page.waitForResponse(
        (r) => r.url().endsWith('/api/me/notification-preferences') && r.request().method() === 'PUT',
      );
      await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
      return (await (await response).json()).position;
    };

    beforeAll(async () => {
      running = await startTestApp(dataDir);
      api = new ApiClient(running.url);
      await registerCitizen(api, dataDir, CITIZEN);
      browser = await launchChromium();
      page = await (await signedInContext(browser, running.url, api, CITIZEN)).newPage();
      errors = watchErrors(page);
    });

    afterAll(async () => {
      await browser?.close();
      await running?.close();
    });

    afterEach(() => expect(errors).toEqual([]));

    it('shows the defaults until the person chooses', async () => {
      await page.goto('/notifikasi');
      await page.getByRole('link', { name: 'Atur ke mana notifikasi dikirim' }).click();
      await page.getByRole('heading', { level: 1, name: 'Pengaturan notifikasi' }).waitFor();
      await page.getByText('yang tercentang adalah bawaan Suara Warga').waitFor();
      expect(await kind('Jawaban instansi').getByLabel('E-mail').isChecked()).toBe(true);
      expect(await kind('Jawaban instansi').getByLabel('SMS/WhatsApp').isChecked()).toBe(true);
      expect(await kind('Balasan').getByLabel('E-mail').isChecked()).toBe(false);
      expect(await page.getByLabel('Jangan kirim pada jam tenang').isChecked()).toBe(false);
      accessibility.push(...(await checkPage(page, 'notification-settings')));
    });

    it('saves channels per kind, quiet hours and the home province, and they are there after a reload', async () => {
      await kind('Jawaban instansi').getByLabel('SMS/WhatsApp').uncheck();
      await kind('Balasan').getByLabel('Push di browser').check();
      await kind('Tenggat terlewat').getByLabel('E-mail').uncheck();
      await page.getByLabel('Jangan kirim pada jam tenang').check();
      await page.getByLabel('Provinsi tempat tinggal').selectOption('94');
      await page.getByLabel('Mulai (WIT)').fill('21:30');
      await page.getByLabel('Selesai (WIT)').fill('05:30');
      accessibility.push(...(await checkPage(page, 'notification-settings-quiet')));
      const saved = await save();
      await page.getByText('Pengaturan tersimpan.').waitFor();

      // The tab remembers its last write across the reload, so the read waits for it (read-your-writes).
      const read = page.waitForRequest((request) =>
        request.url().includes('/api/me/notification-preferences'),
      );
      await page.reload();
      expect(new URL((await read).url()).searchParams.get('minPosition')).toBe(saved);
      await page.getByRole('heading', { level: 1, name: 'Pengaturan notifikasi' }).waitFor();
      await page.getByLabel('Mulai (WIT)').waitFor();
      expect(await kind('Jawaban instansi').getByLabel('E-mail').isChecked()).toBe(true);
      expect(await kind('Jawaban instansi').getByLabel('SMS/WhatsApp').isChecked()).toBe(false);
      expect(await kind('Balasan').getByLabel('Push di browser').isChecked()).toBe(true);
      expect(await kind('Tenggat terlewat').getByLabel('E-mail').isChecked()).toBe(false);
      expect(await page.getByLabel('Mulai (WIT)').inputValue()).toBe('21:30');
      expect(await page.getByLabel('Selesai (WIT)').inputValue()).toBe('05:30');
      expect(await page.getByLabel('Provinsi tempat tinggal').inputValue()).toBe('94');
      expect(await page.getByText('yang tercentang adalah bawaan').count()).toBe(0);

      const { preferences } = await settingsOverApi(saved);
      expect(preferences).toMatchObject({
        channels: { response: ['email'], reply: ['push'], escalation: ['sms'] },
        quietHours: { start: '21:30', end: '05:30' },
        regionCode: '94',
        timeZone: 'WIT',
        chosen: true,
      });
    });

    it('names the field the API refuses, and saves nothing', async () => {
      await page.getByLabel('Mulai (WIT)').fill('05:30');
      await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
      await page.getByRole('alert').getByText('Jam mulai dan selesai tidak boleh sama.').first().waitFor();
      expect((await settingsOverApi()).preferences.quietHours).toEqual({ start: '21:30', end: '05:30' });

      await page.getByLabel('Jangan kirim pada jam tenang').uncheck();
      const saved = await save();
      await page.getByText('Pengaturan tersimpan.').waitFor();
      expect((await settingsOverApi(saved)).preferences.quietHours).toBeNull();
    });

    it('offers Web Push through the app’s service worker, with no browser subscribed yet', async () => {
      await page.getByRole('heading', { name: 'Push di browser' }).waitFor();
      await page.getByText('Belum ada browser yang menerima push.').waitFor();
      await page.getByRole('button', { name: 'Aktifkan push di browser ini' }).waitFor();
    });

    it('shows a pushed message through the service worker once per message id, with the link to its thread', async () => {
      await page.context().grantPermissions(['notifications']);
      await shellCached(page);
      const devtools = await page.context().newCDPSession(page);
      const registration = new Promise<string>((resolve) =>
        devtools.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
          const ours = registrations.find((r: { scopeURL: string }) => r.scopeURL.startsWith(running.url));
          if (ours) resolve(ours.registrationId);
        }),
      );
      await devtools.send('ServiceWorker.enable');
      const registrationId = await registration;
      const push = (message: object) =>
        devtools.send('ServiceWorker.deliverPushMessage', {
          origin: running.url,
          registrationId,
          data: JSON.stringify(message),
        });
      // As the platform sends them (docs/api.md, "Web Push"); a message sent again keeps its id.
      const message = (id: string, title: string, thread: string) => ({
        id,
        kind: 'notification',
        title,
        body: `${title}: “Jalan rusak di Kasongan Baru”.`,
        link: `/aspirasi/${thread}`,
      });
      const answered = message(randomUUID(), 'Tanggapan baru dari instansi', randomUUID());
      const resolved = message(randomUUID(), 'Aspirasi dinyatakan selesai', randomUUID());
      // The copy differs only so the test can see it arrive: in use a copy says the same.
      const again = { ...answered, body: `${answered.body} (dikirim ulang)` };
      for (const pushed of [answered, resolved, again]) await push(pushed);
      const shown = async () =>
        (
          (await page.evaluate(
            'navigator.serviceWorker.ready.then((ready) => ready.getNotifications())' +
              '.then((list) => list.map(({ title, body, tag, data }) => ({ title, body, tag, data })))',
          )) as Array<{ title: string; body: string; tag: string; data: unknown }>
        ).sort((a, b) => a.tag.localeCompare(b.tag));
      // Each push shows its notification in its own time: wait for both, then look at everything shown.
      await waitFor(async () => {
        const now = await shown();
        return now.some((n) => n.body === again.body) && now.some((n) => n.tag === resolved.id);
      }, 'the copy and the other message shown');
      expect(await shown()).toEqual(
        [again, resolved]
          .map(({ id, title, body, link }) => ({ title, body, tag: id, data: { link } }))
          .sort((a, b) => a.tag.localeCompare(b.tag)),
      );
    });

    it('finds nothing serious or critical for axe on the settings page', () => {
      expect(accessibility).toEqual([]);
    });
  },
);
