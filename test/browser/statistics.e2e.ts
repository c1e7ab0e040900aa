import { Browser, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { registerKatinganAgencies, roadComplaint } from '../support/scenario';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import { describeInBrowser, launchChromium } from './support/chromium';
import { checkPage, phoneContext, watchErrors } from './support/page-checks';

/** The budget: each page's initial JavaScript, as transferred (compressed). */
const JS_BUDGET_BYTES = 100 * 1024;
const KUTA = '51.03.01.1002';

describeInBrowser(
  'public statistics with charts and tables, and times in the region’s zone (browser e2e)',
  () => {
    let running: TestApp;
    let api: ApiClient;
    let browser: Browser;
    let baliThread: string;
    let katinganThread: string;
    const errors: string[] = [];
    const accessibility: string[] = [];

    async function open(path: string): Promise<{ page: Page; scriptBytes: () => Promise<number> }> {
      const context = await phoneContext(browser, running.url);
      const page = await context.newPage();
      errors.push(...watchErrors(page));
      const sizes: Promise<number>[] = [];
      page.on('response', (response) => {
        if (response.url().endsWith('.js'))
          sizes.push(
            response
              .request()
              .sizes()
              .then((s) => s.responseBodySize),
          );
      });
      await page.goto(path);
      return { page, scriptBytes: async () => (await Promise.all(sizes)).reduce((a, b) => a + b, 0) };
    }

    beforeAll(async () => {
      running = await startTestApp();
      api = new ApiClient(running.url);
      await registerKatinganAgencies(api);
      const warga = api.as('warga-1', 'citizen');
      const facilitator = api.as('fasil-1', 'facilitator');
      let lastWrite = 0n;
      const wrote = <T extends { body: { position: string } }>(response: T) => {
        lastWrite = BigInt(response.body.position);
        return response;
      };
      const submit = async (
        overrides: object,
        answer?: { by: ReturnType<ApiClient['as']>; text: string },
      ) => {
        const { body } = wrote(await warga.post('/api/aspirations', roadComplaint(overrides)));
        wrote(await facilitator.post(`/api/aspirations/${body.id}/verify`));
        if (answer) {
          wrote(await facilitator.post(`/api/aspirations/${body.id}/assign`));
          wrote(await answer.by.post(`/api/aspirations/${body.id}/responses`, { body: answer.text }));
        }
        return body.id as string;
      };
      const pupr = api.as('pupr-1', 'official:dinas-pupr');
      const dishub = api.as('dishub-1', 'official:dinas-perhubungan');
      katinganThread = await submit({}, { by: pupr, text: 'Kami perbaiki bulan depan.' });
      await submit(
        { title: 'Jembatan kayu lapuk', regionCode: '62.06.08.2031' },
        { by: pupr, text: 'Dicek.' },
      );
      await submit(
        { title: 'Kapal penyeberangan jarang', category: 'perhubungan' },
        { by: dishub, text: 'Jadwal kami tambah.' },
      );
      baliThread = await submit({ title: 'Trotoar Kuta rusak', regionCode: KUTA });
      // Written over the API, not by the browser: the page cannot ask for the position, so wait for it here.
      const caughtUp = async () =>
        BigInt((await api.send('GET', `/api/statistics?minPosition=${lastWrite}`)).body.position) >=
        lastWrite;
      await waitFor(caughtUp, 'the statistics to count every thread', 20_000);
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      await running?.close();
    });

    it('draws response times, answers in time and counts as charts, each with a table of the figures', async () => {
      const { page, scriptBytes } = await open('/statistik');
      await page.getByRole('heading', { level: 1, name: 'Statistik layanan' }).waitFor();
      const agencies = page.locator('table[data-table="agencies"]');
      await agencies.getByRole('rowheader', { name: 'Dinas PUPR Katingan' }).waitFor();
      await agencies.getByRole('rowheader', { name: 'Dinas Perhubungan Katingan' }).waitFor();
      expect(await agencies.locator('tbody tr').count()).toBe(2);
      expect(await agencies.locator('tbody tr').first().textContent()).toMatch(/100\s?%/);

      const charts = page.locator('svg.bar-chart');
      expect(await charts.count()).toBe(5);
      for (const table of ['regions', 'categories', 'statuses']) {
        const rows = await page.locator(`table[data-table="${table}"] tbody tr`).count();
        const chart = page.locator(`section:has(table[data-table="${table}"]) svg.bar-chart`);
        expect({ table, bars: Number(await chart.getAttribute('data-bars')) }).toEqual({ table, bars: rows });
      }
      const regions = page.locator('table[data-table="regions"]');
      await regions.getByRole('link', { name: 'Kabupaten Katingan, Kalimantan Tengah' }).waitFor();
      expect(await regions.locator('tbody tr').first().textContent()).toContain('3');
      const categories = page.locator('table[data-table="categories"]');
      await categories.getByRole('rowheader', { name: /Infrastruktur/ }).waitFor();
      expect(await scriptBytes()).toBeLessThan(JS_BUDGET_BYTES);
      // Four columns and the charts still fit a phone: nothing scrolls sideways.
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      accessibility.push(...(await checkPage(page, 'statistics')));

      await regions.getByRole('link', { name: 'Kabupaten Katingan, Kalimantan Tengah' }).click();
      await page.waitForURL(/\/statistik\?wilayah=62\.06$/);
      await page
        .getByRole('heading', { name: 'Aspirasi di Kabupaten Katingan, Kalimantan Tengah' })
        .waitFor();
      await regions.getByRole('link', { name: /^Katingan Hilir/ }).waitFor();
      await page
        .getByRole('navigation', { name: 'Wilayah yang ditampilkan' })
        .getByText('Kalimantan Tengah')
        .waitFor();
      accessibility.push(...(await checkPage(page, 'statistics-regency')));
      await page.context().close();
    });

    it('shows a thread’s times in its region’s zone: WITA in Bali, WIB in Katingan', async () => {
      const bali = await open(`/aspirasi/${baliThread}`);
      await bali.page.getByRole('heading', { level: 1, name: 'Trotoar Kuta rusak' }).waitFor();
      const submittedAt = bali.page.locator('.facts div', { hasText: 'Dikirim' }).locator('dd');
      expect(await submittedAt.textContent()).toMatch(/ WITA$/);
      expect(await bali.page.locator('.message-meta time').first().textContent()).toMatch(/ WITA$/);
      await bali.page.context().close();

      const katingan = await open(`/aspirasi/${katinganThread}`);
      await katingan.page.getByText('Kami perbaiki bulan depan.').waitFor();
      const times = await katingan.page.locator('time').allTextContents();
      expect(times.length).toBeGreaterThan(3);
      expect(times.filter((text) => !text.endsWith(' WIB'))).toEqual([]);
      await katingan.page.context().close();
    });

    it('finds nothing serious or critical for axe, and no script or CSP error', () => {
      expect(accessibility).toEqual([]);
      expect(errors).toEqual([]);
    });
  },
);
