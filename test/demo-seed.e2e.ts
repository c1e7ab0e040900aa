import { ApiClient } from './support/api-client';
import { demoPassword, seedDemo } from './support/demo-seed';
import { freshDataDir, startTestApp, TestApp } from './support/test-app';

describe('npm run seed:demo: Kabupaten Katingan through the real commands (e2e)', () => {
  const dataDir = freshDataDir();
  let seeded: { code: number | null; output: string };
  let running: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    seeded = await seedDemo(dataDir);
    running = await startTestApp(dataDir);
    api = new ApiClient(running.url);
  }, 240_000);
  afterAll(() => running?.close());

  it('prints the accounts to sign in with, and each of them signs in with the printed password', async () => {
    if (seeded.code !== 0) throw new Error(`the seed exited ${seeded.code}:\n${seeded.output.slice(-4000)}`);
    const password = demoPassword(seeded.output);
    const logins = [...seeded.output.matchAll(/^ {2}(\S+@\S+|0[\d-]+) /gm)].map((match) => match[1]);
    expect(logins.length).toBeGreaterThanOrEqual(15);
    for (const login of logins) {
      const session = await api.send('POST', '/api/sessions', { body: { login, password } });
      expect({ login, status: session.status }).toEqual({ login, status: 201 });
    }
  });

  it('holds aspirations in every status, with dialogue, for the auditor to read', async () => {
    const auditor = api.as('inspektorat-demo', 'auditor');
    const listed = await auditor.get('/api/aspirations?limit=100');
    const threads = listed.body.items as Array<{ status: string; messageCount: number }>;
    expect(new Set(threads.map((thread) => thread.status))).toEqual(
      new Set(['submitted', 'verified', 'rejected', 'in_progress', 'resolved', 'closed']),
    );
    expect(threads.filter((thread) => thread.messageCount >= 3).length).toBeGreaterThanOrEqual(3);
  });

  it('shows the public its verified aspirations and the agencies of Katingan', async () => {
    const feed = await api.send('GET', '/api/aspirations?limit=100');
    const titles = (feed.body.items as Array<{ title: string }>).map((thread) => thread.title);
    expect(titles).toContain('Jalan berlubang menuju Pasar Kasongan');
    expect(titles).not.toContain('Pungutan saat mengurus KTP elektronik');
    const agencies = await api.send('GET', '/api/agencies');
    expect((agencies.body.items ?? agencies.body).length).toBeGreaterThanOrEqual(10);
  });

  it('holds KIM groups: one co-signed aspiration answered, a monitoring report raised with its link both ways', async () => {
    const groups = await api.send('GET', '/api/groups?limit=100');
    const names = (groups.body.items as Array<{ name: string; memberCount: number }>).map(
      (group) => group.name,
    );
    expect(names).toEqual(
      expect.arrayContaining([
        'KIM Kasongan Baru',
        'KIM Pendahara',
        'KIM Samba Kahayan',
        'KIM Tewang Papari',
      ]),
    );
    const feed = await api.send('GET', '/api/aspirations?limit=100');
    const items = feed.body.items as Array<{ id: string; title: string; groupSignatures: number | null }>;
    const drainage = items.find((item) => item.title === 'Drainase di RT 05 Kasongan Baru tersumbat');
    expect(drainage?.groupSignatures).toBe(3);
    const river = items.find((item) => item.title === 'Air Sungai Katingan di Pendahara keruh dan berbau')!;
    const detail = await api.send('GET', `/api/aspirations/${river.id}`);
    expect(detail.body.aspiration).toMatchObject({
      groupName: 'KIM Pendahara',
      monitoringReportId: expect.any(String),
    });
    expect(
      detail.body.aspiration.messages.some((message: { kind: string }) => message.kind === 'response'),
    ).toBe(true);
  });

  it('holds announcements: a regency one seen from a village below it, acknowledged and asked about', async () => {
    const forVillage = await api.send('GET', '/api/announcements?region=62.06.03.1006&limit=50');
    const items = forVillage.body.items as Array<{ id: string; title: string; status: string }>;
    const immunisation = items.find((item) => item.title.startsWith('Imunisasi campak-rubela'))!;
    const detail = await api.send('GET', `/api/announcements/${immunisation.id}`);
    expect(detail.body).toMatchObject({ acknowledgements: 4 });
    expect(detail.body.questions[0].answer).toContain('Posyandu Pendahara');
    const pulauMalan = await api.send('GET', '/api/announcements?region=62.06.04&limit=50');
    const bridge = (pulauMalan.body.items as Array<{ id: string; title: string }>).find((item) =>
      item.title.includes('jembatan gantung'),
    )!;
    expect((await api.send('GET', `/api/announcements/${bridge.id}`)).body.versions).toHaveLength(2);
  });

  it('refuses a data folder that already holds events, and changes nothing', async () => {
    const head = await api.as('inspektorat-demo', 'auditor').get('/api/aspirations?limit=1');
    const again = await seedDemo(dataDir);
    expect(again.code).toBe(1);
    expect(again.output).toContain('already holds events');
    const after = await api.as('inspektorat-demo', 'auditor').get('/api/aspirations?limit=1');
    expect(after.body.items).toEqual(head.body.items);
  });
});
