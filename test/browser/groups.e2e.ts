import { randomUUID } from 'node:crypto';
import { Browser, Page } from 'playwright-core';
import { firstAdmin, SignedIn, signIn } from '../support/accounts';
import { ApiClient } from '../support/api-client';
import { registerKatinganAgencies } from '../support/scenario';
import { freshDataDir, startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import { describeInBrowser, launchChromium } from './support/chromium';
import { holdRequests } from './support/held-requests';
import { checkPage, watchErrors } from './support/page-checks';
import { registeredCitizen, signedInContext } from './support/staff-people';

const PASSWORD = 'sawah hijau di pinggir desa';
const GROUP = 'KIM Kasongan Baru';
const DRAFT_TITLE = 'Perbaiki jembatan kayu ke sekolah';

// A KIM group in the browser: a facilitator founds it and watches members arrive live, a member drafts an aspiration
// that the others co-sign until it is submitted for the group, and a monitoring report becomes an aspiration.
describeInBrowser(
  'KIM groups: found, join live, co-sign a draft, raise a monitoring report (browser e2e)',
  () => {
    const dataDir = freshDataDir();
    let running: TestApp;
    let api: ApiClient;
    let browser: Browser;
    let facilitator: Page;
    const citizens: Page[] = [];
    let groupPath: string;
    const errors: string[] = [];
    const accessibility: string[] = [];

    const open = async (refreshToken: string): Promise<Page> => {
      const page = await (await signedInContext(browser, running.url, refreshToken)).newPage();
      errors.push(...watchErrors(page));
      return page;
    };

    beforeAll(async () => {
      running = await startTestApp(dataDir);
      api = new ApiClient(running.url);
      browser = await launchChromium();
      await registerKatinganAgencies(api);
      const admin: SignedIn = await firstAdmin(running, api);
      const rina = await registeredCitizen(api, dataDir, 'rina@example.id', 'Rina Lestari');
      const granted = await api.send('PUT', `/api/accounts/${rina.accountId}/role`, {
        body: { role: 'facilitator', regionCode: '62.06' },
        token: admin.accessToken,
        idempotencyKey: randomUUID(),
      });
      expect(granted.status).toBe(200);
      facilitator = await open((await signIn(api, 'rina@example.id', PASSWORD)).refreshToken);
      for (const [email, name] of [
        ['ani@example.id', 'Ani'],
        ['budi@example.id', 'Budi'],
        ['citra@example.id', 'Citra'],
      ]) {
        const person = await registeredCitizen(api, dataDir, email, name);
        citizens.push(await open(person.refreshToken));
      }
    });

    afterAll(async () => {
      await browser?.close();
      await running?.close();
    });

    it('the facilitator founds a group in a village of her region', async () => {
      await facilitator.goto('/kelompok');
      await facilitator.getByLabel('Nama kelompok').fill(GROUP);
      await facilitator.getByLabel('Kecamatan', { exact: true }).selectOption('62.06.02');
      await facilitator.getByLabel('Desa/kelurahan', { exact: true }).selectOption('62.06.02.1003');
      await facilitator.getByRole('button', { name: 'Bentuk kelompok' }).click();
      await facilitator.getByRole('heading', { name: GROUP, level: 1 }).waitFor();
      groupPath = new URL(facilitator.url()).pathname;
      expect(groupPath).toMatch(/^\/kelompok\/[0-9a-f-]{36}$/);
      await facilitator.locator('.group-member-count', { hasText: '0 anggota' }).waitFor();
      accessibility.push(...(await checkPage(facilitator, 'group-facilitator')));
    });

    it('citizens join, and the facilitator sees each one arrive live, by name', async () => {
      for (const [i, page] of citizens.entries()) {
        await page.goto(groupPath);
        await page.getByRole('button', { name: 'Bergabung' }).click();
        await page.getByText('Anda anggota kelompok ini.').waitFor();
        // The facilitator's page was never reloaded: the group:<id> topic brought the join.
        await facilitator.locator('.group-member-count', { hasText: `${i + 1} anggota` }).waitFor();
      }
      for (const name of ['Ani', 'Budi', 'Citra'])
        await facilitator.locator('.group-member-list li', { hasText: name }).waitFor();
      accessibility.push(...(await checkPage(citizens[0], 'group-member')));
    });

    it('a member drafts for the group; the others co-sign until it is submitted, with the group on the thread', async () => {
      const [ani, budi, citra] = citizens;
      await ani.getByLabel('Judul').fill(DRAFT_TITLE);
      await ani
        .getByLabel('Isi aspirasi')
        .fill('Jembatan kayu ke SD Kasongan Baru lapuk dan berbahaya bagi anak-anak.');
      await ani.getByLabel('Kategori').selectOption('infrastruktur');
      await ani.getByRole('button', { name: 'Mulai draf' }).click();
      await ani.locator('.group-draft', { hasText: '1 dari 3 tanda tangan' }).waitFor();

      await budi.locator('.group-draft', { hasText: DRAFT_TITLE }).waitFor();
      await budi.getByRole('button', { name: 'Tandatangani (1/3)' }).click();
      await budi.locator('.group-draft', { hasText: '2 dari 3 tanda tangan' }).waitFor();
      await citra.getByRole('button', { name: 'Tandatangani (2/3)' }).click();
      await citra.getByRole('link', { name: 'Terkirim: lihat aspirasinya' }).waitFor();
      // The drafter's page hears the submission live; the aspiration is hers until a facilitator verifies it.
      await ani.getByRole('link', { name: 'Terkirim: lihat aspirasinya' }).click();
      await ani.getByRole('heading', { name: DRAFT_TITLE, level: 1 }).waitFor();
      const line = ani.locator('.thread-group');
      await line.getByRole('link', { name: GROUP }).waitFor();
      expect(await line.textContent()).toContain('3 tanda tangan');
      accessibility.push(...(await checkPage(ani, 'group-thread')));
    });

    it('a monitoring report becomes an aspiration in one step, linked both ways', async () => {
      const ani = citizens[0];
      await ani.goto(groupPath);
      await ani.getByLabel('Sumber').fill('Papan pengumuman kantor desa');
      await ani
        .getByLabel('Ringkasan')
        .fill('Jadwal posyandu bulan ini dipindah, tetapi bidan desa belum datang.');
      await ani.getByRole('button', { name: 'Simpan laporan' }).click();
      const report = ani.locator('.monitoring-report', { hasText: 'Papan pengumuman kantor desa' });
      await report.getByRole('button', { name: 'Diskusi (0)' }).click();
      await report.getByLabel('Judul').fill('Bidan desa belum datang ke posyandu');
      await report.getByLabel('Kategori').selectOption('kesehatan');
      accessibility.push(...(await checkPage(ani, 'group-report')));
      await report.getByRole('button', { name: 'Kirim sebagai aspirasi' }).click();
      await ani.getByRole('heading', { name: 'Bidan desa belum datang ke posyandu', level: 1 }).waitFor();
      await ani.getByRole('link', { name: 'Berasal dari laporan pemantauan kelompok' }).click();
      const back = ani.locator('.monitoring-report', { hasText: 'Papan pengumuman kantor desa' });
      await back.getByRole('link', { name: 'Menjadi aspirasi: lihat aspirasinya' }).click();
      await ani.getByRole('heading', { name: 'Bidan desa belum datang ke posyandu', level: 1 }).waitFor();
    });

    it('a long list opens page by page, and a live change keeps the pages the member opened', async () => {
      const ani = citizens[0];
      const { accessToken } = await signIn(api, 'ani@example.id', PASSWORD);
      const report = (n: number) =>
        api.send('POST', `/api/groups${groupPath.slice('/kelompok'.length)}/reports`, {
          body: {
            source: `Papan desa ${n}`,
            summary: `Catatan pemantauan ke-${n} di balai desa.`,
            monitoredOn: '2026-11-30',
          },
          token: accessToken,
          idempotencyKey: randomUUID(),
        });
      // One report is there already: with 20 more, the list holds 21, one more than its first page.
      for (let n = 1; n <= 20; n++) expect(await report(n)).toMatchObject({ status: 201 });
      await ani.goto(groupPath);
      const reports = ani.locator('.group-reports');
      const shown = reports.locator('.monitoring-report');
      await reports.getByRole('button', { name: 'Tampilkan lebih banyak' }).waitFor();
      expect(await shown.count()).toBe(20);
      // The next page is held while a live change arrives: the change must neither drop it nor undo the asking.
      const nextPage = (url: URL) => url.pathname.endsWith('/reports') && url.searchParams.has('cursor');
      const held = await holdRequests(ani, nextPage);
      await reports.getByRole('button', { name: 'Tampilkan lebih banyak' }).click();
      await waitFor(() => held.count() >= 1, 'the second page to be asked for', 20_000);
      expect(await report(21)).toMatchObject({ status: 201 });
      await waitFor(() => held.count() >= 2, 'the change to read both pages again', 20_000);
      held.release();
      await shown.filter({ hasText: 'Papan desa 21' }).waitFor();
      await shown.nth(21).waitFor();
      expect(await shown.count()).toBe(22);
      await expect(reports.getByRole('button', { name: 'Tampilkan lebih banyak' }).count()).resolves.toBe(0);
      expect(await report(22)).toMatchObject({ status: 201 });
      await shown.filter({ hasText: 'Papan desa 22' }).waitFor();
      expect(await shown.count()).toBe(23);
    });

    it('a citizen proposes a closed group; the facilitator approves it; its coordinator accepts a request', async () => {
      const [ani, budi] = citizens;
      await ani.goto('/kelompok');
      const form = ani.locator('form[aria-labelledby="found-group-title"]');
      await form.getByLabel('Nama kelompok').fill('KIM Tewang Rangkang');
      await form.getByLabel('Provinsi', { exact: true }).selectOption('62');
      await form.getByLabel('Kabupaten/kota', { exact: true }).selectOption('62.06');
      await form.getByLabel('Kecamatan', { exact: true }).selectOption('62.06.02');
      await form.getByLabel('Cara bergabung').selectOption('closed');
      await form.getByRole('button', { name: 'Usulkan kelompok' }).click();
      await ani.getByRole('heading', { name: 'KIM Tewang Rangkang', level: 1 }).waitFor();
      await ani.getByText('Diusulkan', { exact: true }).waitFor();
      const proposal = new URL(ani.url()).pathname;

      await facilitator.goto(proposal);
      await facilitator.getByRole('button', { name: 'Setujui' }).click();
      await facilitator.getByText('Aktif', { exact: true }).waitFor();

      await ani.reload();
      await ani.getByText('Anda koordinator kelompok ini.').waitFor();
      await budi.goto(proposal);
      await budi.getByRole('button', { name: 'Minta bergabung' }).click();
      await budi.getByText('Permintaan bergabung Anda menunggu persetujuan.').waitFor();
      // The coordinator's page hears the request live and accepts it.
      await ani.getByRole('button', { name: 'Terima Budi' }).click();
      await ani.locator('.group-member-list li', { hasText: 'Budi' }).waitFor();
      await budi.reload();
      await budi.getByText('Anda anggota kelompok ini.').waitFor();

      // The coordinator was told of the request: a notification with no aspiration, linking to the group.
      await ani.goto('/notifikasi');
      const told = ani.locator('.notification', { hasText: 'Permintaan bergabung ke kelompok Anda' });
      await told.getByRole('link', { name: 'KIM Tewang Rangkang' }).click();
      await ani.getByRole('heading', { name: 'KIM Tewang Rangkang', level: 1 }).waitFor();
      expect(new URL(ani.url()).pathname).toBe(proposal);
    });

    it('finds nothing serious or critical for axe, and no script or CSP error', () => {
      expect(accessibility).toEqual([]);
      expect(errors).toEqual([]);
    });
  },
);
