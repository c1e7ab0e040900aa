import { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { freshDataDir, startTestApp, TestApp } from '../support/test-app';
import { describeInBrowser, launchChromium } from './support/chromium';
import { Citizen, registerCitizen, signedInContext, signInOverApi } from './support/citizen';
import { checkPage, watchErrors } from './support/page-checks';

const CITIZEN: Citizen = { email: 'dewi@example.id', password: 'rotan dari hulu sungai' };
const NEW_PASSWORD = 'jukung kecil di tepi dermaga';

describeInBrowser('the citizen’s account page: password, sessions, erasure (browser e2e)', () => {
  const dataDir = freshDataDir();
  let running: TestApp;
  let api: ApiClient;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const accessibility: string[] = [];

  const signInStatus = (password: string) =>
    api
      .send('POST', '/api/sessions', { body: { login: CITIZEN.email, password } })
      .then((answer) => answer.status);
  const refreshStatus = (refreshToken: string) =>
    api.send('POST', '/api/sessions/refresh', { body: { refreshToken } }).then((answer) => answer.status);

  beforeAll(async () => {
    running = await startTestApp(dataDir);
    api = new ApiClient(running.url);
    await registerCitizen(api, dataDir, CITIZEN);
    browser = await launchChromium();
    context = await signedInContext(browser, running.url, api, CITIZEN);
    page = await context.newPage();
    errors = watchErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  afterEach(() => expect(errors).toEqual([]));

  it('changes the password: every other session ends, this one goes on', async () => {
    const elsewhere = await signInOverApi(api, CITIZEN);
    await page.goto('/akun');
    await page.getByRole('heading', { level: 1, name: 'Akun saya' }).waitFor();
    accessibility.push(...(await checkPage(page, 'account')));

    await page.getByLabel('Kata sandi sekarang').fill('bukan kata sandinya');
    await page.getByLabel('Kata sandi baru').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await page.getByRole('alert').getByText('Kata sandi salah.').waitFor();

    await page.getByLabel('Kata sandi sekarang').fill(CITIZEN.password);
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await page.getByText('Kata sandi sudah diganti.').waitFor();
    expect(await refreshStatus(elsewhere.refreshToken)).toBe(401);
    expect(await signInStatus(CITIZEN.password)).toBe(401);
    expect(await signInStatus(NEW_PASSWORD)).toBe(201);
    await page.reload();
    await page.getByRole('heading', { name: 'Ganti kata sandi' }).waitFor();
  });

  it('signs out of every device', async () => {
    const elsewhere = await signInOverApi(api, { ...CITIZEN, password: NEW_PASSWORD });
    await page.getByRole('button', { name: 'Keluar dari semua perangkat' }).click();
    await page.waitForURL(/\/masuk$/);
    expect(await refreshStatus(elsewhere.refreshToken)).toBe(401);
    expect(await page.evaluate("localStorage.getItem('suara.refreshToken')")).toBeNull();
  });

  it('erases the account after saying what that means, and it cannot sign in afterwards', async () => {
    await page.getByLabel('Nomor HP atau e-mail').fill(CITIZEN.email);
    await page.getByLabel('Kata sandi').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL(/\/saya$/);
    await page.getByRole('link', { name: 'Akun', exact: true }).click();
    const erase = page.getByRole('region', { name: 'Hapus akun' });
    await erase.getByText('Tidak bisa dibatalkan atau dipulihkan.').waitFor();
    const button = erase.getByRole('button', { name: 'Hapus akun saya' });
    await erase.getByLabel('Kata sandi Anda').fill(NEW_PASSWORD);
    expect(await button.isDisabled()).toBe(true);
    await erase.getByLabel('Saya mengerti: akun saya dihapus untuk selamanya.').check();
    accessibility.push(...(await checkPage(page, 'account-erase')));
    await button.click();

    await page.getByRole('heading', { level: 1, name: 'Akun dihapus' }).waitFor();
    accessibility.push(...(await checkPage(page, 'account-erased')));
    expect(await signInStatus(NEW_PASSWORD)).toBe(401);
    expect(await page.evaluate("localStorage.getItem('suara.refreshToken')")).toBeNull();
    await page.getByRole('link', { name: 'Masuk' }).first().waitFor();
  });

  it('finds nothing serious or critical for axe on the account pages', () => {
    expect(accessibility).toEqual([]);
  });
});
