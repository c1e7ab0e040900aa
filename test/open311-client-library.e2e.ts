import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { ApiClient } from './support/api-client';
import { GeoReport, issueApiKey, potholeReport } from './support/open311';
import { actors, registerKatinganAgencies } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';

const CLIENT_DIR = join(__dirname, 'open311', 'georeport-client');
/** Where .ci/run installs it (git-ignored), so CI and later runs reuse one environment. */
const VENV = join(__dirname, '..', '.ci', 'cache', 'georeport-client-venv');
const NAME =
  'Open311: driven by PyPI’s georeport client, a GeoReport v2 client written by someone else (e2e)';

/** Installs the pinned client when missing; the reason it could not be, otherwise. */
function installClient(): string | undefined {
  try {
    execFileSync('bash', [join(CLIENT_DIR, 'install.sh'), VENV], { stdio: 'pipe', timeout: 360_000 });
    return undefined;
  } catch (error) {
    const { stderr, message } = error as { stderr?: Buffer; message: string };
    return (stderr?.toString().trim().split('\n').slice(-2).join(' ') || message).slice(0, 300);
  }
}

const missing = installClient();
if (missing === undefined) describe(NAME, suite);
else {
  // Reported as skipped by name, with the reason, never silently passed.
  console.log(`Suite "${NAME}" skipped: the georeport client could not be installed: ${missing}`);
  describe.skip(`${NAME} (skipped: the georeport client could not be installed)`, suite);
}

function suite() {
  let running: TestApp;
  let apiKey: string;
  let closedId: string;
  let openId: string;

  beforeAll(async () => {
    running = await startTestApp();
    const api = new ApiClient(running.url);
    await registerKatinganAgencies(api);
    ({ apiKey } = await issueApiKey(api, await api.tokenFor('admin-1', 'admin')));
    // The client reads only (it cannot create requests): these are filed with a plain form POST.
    const geo = new GeoReport(running.url);
    const file = async (description: string) =>
      JSON.parse((await geo.post('requests.json', potholeReport(apiKey, { description }))).text)[0]
        .service_request_id as string;
    closedId = await file('Lubang besar di tengah jalan menuju pasar, sudah dua minggu belum ditambal.');
    openId = await file('Gorong-gorong di ujung gang tersumbat sampah, air meluap ke jalan.');
    const { fasilitator, pupr } = actors(api);
    for (const id of [closedId, openId]) await fasilitator.post(`/api/aspirations/${id}/verify`);
    await fasilitator.post(`/api/aspirations/${closedId}/assign`);
    await pupr.post(`/api/aspirations/${closedId}/responses`, { body: 'Sudah kami tambal hari ini.' });
    const resolved = await pupr.post(`/api/aspirations/${closedId}/resolve`, { summary: 'Lubang ditambal.' });
    await api.send('GET', `/api/aspirations/${closedId}?minPosition=${resolved.body.position}`);
  });
  afterAll(() => running?.close());

  it('reads services, a definition and requests in JSON and in XML, filters included', async () => {
    const day = 86_400_000;
    const [start, end] = [Date.now() - day, Date.now() + day].map(
      (t) => new Date(t).toISOString().slice(0, 19) + 'Z',
    );
    // Asynchronously: the app under test answers the client from this same process.
    const { stdout } = await promisify(execFile)(
      join(VENV, 'bin', 'python'),
      [join(CLIENT_DIR, 'drive.py'), `${running.url}/open311/v2`, apiKey, closedId, openId, start, end],
      { timeout: 60_000 },
    );
    const report = JSON.parse(stdout);
    for (const format of ['json', 'xml']) {
      const read = report[format];
      expect(read.services).toContainEqual(['infrastruktur', 'Dinas PUPR Katingan']);
      expect(read.services).toHaveLength(12);
      expect(read.definition).toEqual([
        ['region', 'true'],
        ['title', 'false'],
      ]);
      expect(read.one).toMatchObject({
        service_request_id: closedId,
        status: 'closed',
        status_notes: 'Sudah kami tambal hari ini.',
        agency_responsible: 'Dinas PUPR Katingan',
        address_id: '62.06.02.1003',
      });
      const ids = (requests: Array<{ service_request_id: string }>) =>
        requests.map((request) => request.service_request_id).sort();
      expect(ids(read.both)).toEqual([closedId, openId].sort());
      expect(ids(read.range)).toEqual([closedId, openId].sort());
      // One open request: xmltodict reads a single <request> as an object, JSON as a one-entry list.
      const open = Array.isArray(read.open) ? read.open : [read.open];
      expect(ids(open)).toEqual([openId]);
    }
  });
}
