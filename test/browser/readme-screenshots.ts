// The README's screenshots: the main pages on a phone (390x844), taken from a seeded app with Debian's Chromium.
// Run: npm run docs:screenshots   (writes docs/screenshots/*.png; commit them when the pages change)
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { MutableClock } from '../support/mutable-clock';
import { registerKatinganAgencies, roadComplaint } from '../support/scenario';
import { freshDataDir, startTestApp } from '../support/test-app';
import { launchChromium } from './support/chromium';
import { Citizen, registerCitizen, signedInContext, signInOverApi } from './support/citizen';
import { phoneContext } from './support/page-checks';
import { ensureWebBuild } from './support/web-build';

const OUT = path.resolve(__dirname, '../../docs/screenshots');
const CITIZEN: Citizen = { email: 'siti@example.id', password: 'rumah di tepi sungai' };
const PHONE = { deviceScaleFactor: 1 };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Threads submitted and answered over the last two weeks (a clock set back), so the statistics have a shape. */
async function seed(api: ApiClient, dataDir: string, clock: MutableClock): Promise<string> {
  const now = Date.now();
  const at = (ms: number) => clock.set(new Date(now - ms).toISOString());
  await registerKatinganAgencies(api);
  await registerCitizen(api, dataDir, CITIZEN);
  const { accessToken } = await signInOverApi(api, CITIZEN);
  const facilitator = api.as('fasil-1', 'facilitator');
  const pupr = api.as('pupr-1', 'official:dinas-pupr');
  const dishub = api.as('dishub-1', 'official:dinas-perhubungan');
  const threads: Array<[object, number, ReturnType<ApiClient['as']>, number, string]> = [
    [
      { title: 'Jembatan kayu lapuk di Katingan Hulu', regionCode: '62.06.08.2031' },
      13 * DAY,
      pupr,
      3 * DAY,
      'Kami periksa pekan ini.',
    ],
    [
      { title: 'Drainase tersumbat di pasar', regionCode: '62.06.02.1004' },
      6 * DAY,
      pupr,
      5 * DAY - 3 * HOUR,
      'Sudah dibersihkan.',
    ],
    [
      { title: 'Kapal penyeberangan jarang', category: 'perhubungan' },
      5 * DAY,
      dishub,
      5 * DAY - 6 * HOUR,
      'Jadwal kami tambah.',
    ],
    [{}, 2 * DAY, pupr, 2 * DAY - 5 * HOUR, 'Tim kami meninjau lokasi hari Senin.'],
  ];
  let threadId = '';
  for (const [overrides, submittedAgo, official, answeredAgo, answer] of threads) {
    at(submittedAgo);
    const submitted = await api.send('POST', '/api/aspirations', {
      body: roadComplaint(overrides),
      token: accessToken,
    });
    threadId = submitted.body.id;
    await facilitator.post(`/api/aspirations/${threadId}/verify`);
    await facilitator.post(`/api/aspirations/${threadId}/assign`);
    at(answeredAgo);
    await official.post(`/api/aspirations/${threadId}/responses`, { body: answer });
  }
  clock.set(new Date(now).toISOString());
  return threadId;
}

const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(OUT, `${name}.png`) });

async function main(): Promise<void> {
  ensureWebBuild();
  mkdirSync(OUT, { recursive: true });
  const dataDir = freshDataDir();
  const clock = new MutableClock(new Date());
  const running = await startTestApp(dataDir, clock);
  const api = new ApiClient(running.url);
  const browser = await launchChromium();
  try {
    const threadId = await seed(api, dataDir, clock);
    const visitor = await (await phoneContext(browser, running.url, PHONE)).newPage();
    await visitor.goto('/');
    await visitor.getByRole('link', { name: 'Jalan rusak di Kasongan Baru' }).waitFor();
    await shoot(visitor, 'feed');
    await visitor.goto('/statistik');
    await visitor.locator('svg.bar-chart').first().waitFor();
    await shoot(visitor, 'statistics');

    const citizen = await (await signedInContext(browser, running.url, api, CITIZEN, PHONE)).newPage();
    await citizen.goto(`/aspirasi/${threadId}`);
    await citizen.locator('[data-live-status="live"]').waitFor();
    await shoot(citizen, 'thread');
    await citizen.context().setOffline(true);
    await citizen.getByLabel('Balasan Anda').fill('Terima kasih, saya tunggu hari Senin.');
    await citizen.getByRole('button', { name: 'Kirim balasan' }).click();
    await citizen.locator('[data-outbox-state="waiting"]').waitFor();
    await citizen.locator('.pending-section').scrollIntoViewIfNeeded();
    await shoot(citizen, 'offline-reply');
    await citizen.context().setOffline(false);
    await citizen.locator('[data-outbox-banner]').waitFor({ state: 'detached' });
    await citizen.goto('/kirim');
    await citizen.getByLabel('Judul').fill('Lampu jalan padam di depan balai desa');
    await shoot(citizen, 'submit');
    // Each answer and status change of her aspirations, the newest first, with the unread count in the header.
    await citizen.goto('/notifikasi');
    await citizen.locator('[data-notification-id]').first().waitFor();
    await citizen.locator('nav .unread-count').waitFor();
    await shoot(citizen, 'notifications');
    console.log(`Screenshots written to ${OUT}`);
  } finally {
    await browser.close();
    await running.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
