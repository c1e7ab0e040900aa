import { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { codesSentTo } from '../support/outbox';
import { freshDataDir, startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import { describeInBrowser, launchChromium } from './support/chromium';
import { checkPage, phoneContext, watchErrors } from './support/page-checks';

// Budi registers Siti's number with his password; Siti, in the browser, receives the code and takes it back.
const PHONE = '0812-7000-0009';
const ADDRESS = '+6281270000009';
const SITI_PASSWORD = 'rumah di tepi sungai';
const BUDI_PASSWORD = 'kata sandi penyusup';

describeInBrowser(
  'a phone number registered by someone else, taken back in the browser (browser e2e)',
  () => {
    const dataDir = freshDataDir();
    let running: TestApp;
    let api: ApiClient;
    let browser: Browser;
    let siti: BrowserContext;
    let page: Page;
    let errors: string[];
    const accessibility: string[] = [];
    const codes = () => codesSentTo(dataDir, ADDRESS);
    const signIn = (password: string) =>
      api.send('POST', '/api/sessions', { body: { login: PHONE, password } });

    beforeAll(async () => {
      running = await startTestApp(dataDir);
      api = new ApiClient(running.url);
      await api.send('POST', '/api/accounts', {
        body: { phone: PHONE, displayName: 'Budi', password: BUDI_PASSWORD },
      });
      browser = await launchChromium();
      siti = await phoneContext(browser, running.url);
      page = await siti.newPage();
      errors = watchErrors(page);
    });

    afterAll(async () => {
      await browser?.close();
      await running?.close();
    });

    afterEach(() => expect(errors).toEqual([]));

    it('asks for the password on a confirm page opened on its own, and a code meant for another confirms nothing', async () => {
      await page.goto(`/konfirmasi?login=${encodeURIComponent(PHONE)}`);
      await page.getByLabel('Kode 6 angka').fill(codes()[0]);
      await page.getByLabel('Kata sandi').fill(SITI_PASSWORD);
      accessibility.push(...(await checkPage(page, 'confirm-with-password')));
      await page.getByRole('button', { name: 'Aktifkan akun' }).click();
      await page.getByRole('alert').getByText('Kode atau kata sandinya salah').waitFor();
      expect((await signIn(BUDI_PASSWORD)).body.code).toBe('account_not_confirmed');
    });

    it('registers the number again, and confirms with the new code and her password held in memory only', async () => {
      await page.goto('/daftar');
      await page.getByRole('textbox', { name: 'Nomor HP' }).fill(PHONE);
      await page.getByLabel('Nama panggilan').fill('Siti Rahma');
      await page.getByLabel('Kata sandi').fill(SITI_PASSWORD);
      await page.getByRole('button', { name: 'Daftar dan kirim kode' }).click();

      await page.waitForURL(/\/konfirmasi\?login=/);
      await waitFor(() => codes().length === 2, 'the new code in the outbox');
      // The address changes before the confirm page's chunk has rendered: wait for its code field first.
      await page.getByLabel('Kode 6 angka').waitFor();
      expect(await page.getByLabel('Kata sandi').count()).toBe(0);
      const stored = await page.evaluate('JSON.stringify([{ ...localStorage }, { ...sessionStorage }])');
      expect(stored).not.toContain(SITI_PASSWORD);
      await page.getByLabel('Kode 6 angka').fill(codes()[1]);
      await page.getByRole('button', { name: 'Aktifkan akun' }).click();

      await page.waitForURL(/\/masuk\?/);
      await page.getByText('Akun Anda sudah aktif').waitFor();
      expect((await signIn(SITI_PASSWORD)).status).toBe(201);
      expect((await signIn(BUDI_PASSWORD)).status).toBe(401);
    });

    it('passes the accessibility checks', () => expect(accessibility).toEqual([]));
  },
);
