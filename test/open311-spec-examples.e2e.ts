import { ApiClient } from './support/api-client';
import { GeoReport, issueApiKey } from './support/open311';
import { actors, registerKatinganAgencies } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';
import { jsonDepartures, xmlDeparturesFrom } from './open311/shape-check';
import { SPEC_JSON, SPEC_REQUEST_FIELDS, SPEC_XML } from './open311/spec-shapes';

const XML = 'text/xml; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

/** The example POST Service Request, field for field, with our data (attributes: this platform's two). */
const exampleRequest = (apiKey: string, description: string): Array<[string, string]> => {
  const values: Record<(typeof SPEC_REQUEST_FIELDS)[number], string> = {
    api_key: apiKey,
    jurisdiction_id: 'katingan.go.id',
    service_code: 'infrastruktur',
    lat: '-1.8839',
    long: '113.4167',
    address_string: 'Jalan Tjilik Riwut km 2, Kasongan Baru',
    email: 'pelapor@contoh.id',
    device_id: 'tt222111',
    account_id: '123456',
    first_name: 'Siti',
    last_name: 'Rahma',
    phone: '0812-7000-0099',
    description,
    media_url: 'https://contoh.id/foto/lubang.jpg',
  };
  return [
    ...SPEC_REQUEST_FIELDS.map((field) => [field, values[field]] as [string, string]),
    ['attribute[region]', '62.06.02.1003'],
    ['attribute[title]', 'Lubang besar di jalan menuju pasar'],
  ];
};

describe('GeoReport v2: the specification’s examples, replayed shape for shape with our data (e2e)', () => {
  let running: TestApp;
  let geo: GeoReport;
  let apiKey: string;
  let closedId: string;
  let openId: string;

  /** Both formats of a resource: XML matches the example's elements, JSON the example's fields. */
  async function expectShapes(path: string, xml: string, json: unknown, status = 200) {
    const asXml = await geo.get(`${path.replace('{format}', 'xml')}`);
    expect({ status: asXml.status, type: asXml.headers.get('content-type') }).toEqual({ status, type: XML });
    expect(asXml.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xmlDeparturesFrom(asXml.text, xml)).toEqual([]);
    const asJson = await geo.get(`${path.replace('{format}', 'json')}`);
    expect({ status: asJson.status, type: asJson.headers.get('content-type') }).toEqual({
      status,
      type: JSON_TYPE,
    });
    expect(jsonDepartures(JSON.parse(asJson.text), json)).toEqual([]);
    return { xml: asXml.text, json: JSON.parse(asJson.text) };
  }

  beforeAll(async () => {
    running = await startTestApp();
    const api = new ApiClient(running.url);
    await registerKatinganAgencies(api);
    geo = new GeoReport(running.url);
    ({ apiKey } = await issueApiKey(api, await api.tokenFor('admin-1', 'admin')));
    const { fasilitator, pupr } = actors(api);
    const file = async (description: string) => {
      const filed = await geo.post('requests.json', exampleRequest(apiKey, description));
      expect(filed.status).toBe(201);
      return JSON.parse(filed.text)[0].service_request_id as string;
    };
    closedId = await file('Lubang besar di tengah jalan menuju pasar, sudah dua minggu belum ditambal.');
    openId = await file('Lampu jalan di depan sekolah padam sejak minggu lalu, jalan gelap di malam hari.');
    for (const id of [closedId, openId]) await fasilitator.post(`/api/aspirations/${id}/verify`);
    await fasilitator.post(`/api/aspirations/${closedId}/assign`);
    await pupr.post(`/api/aspirations/${closedId}/responses`, { body: 'Sudah kami tambal hari ini.' });
    const resolved = await pupr.post(`/api/aspirations/${closedId}/resolve`, {
      summary: 'Lubang sudah ditambal.',
    });
    // Read-your-writes: every read below then finds both requests as they are now.
    await api.send('GET', `/api/aspirations/${closedId}?minPosition=${resolved.body.position}`);
  });
  afterAll(() => running.close());

  it('notices an answer that departs from an example (the check can fail)', () => {
    const missing = SPEC_XML.errors.replace('<description/>', '');
    expect(xmlDeparturesFrom(missing, SPEC_XML.errors)).toEqual([
      'errors/error[0]: has code where the example has code, description',
    ]);
    expect(jsonDepartures({ code: 403 }, SPEC_JSON.errors)).toEqual([
      '$: object where the example has array',
    ]);
    expect(jsonDepartures([{ code: 403, detail: 'x' }], SPEC_JSON.errors)).toHaveLength(1);
    expect(() => xmlDeparturesFrom('<errors><error></errors>', SPEC_XML.errors)).toThrow(/closes/);
  });

  it('serves Service Discovery in both formats, naming this endpoint', async () => {
    const { json } = await expectShapes('discovery.{format}', SPEC_XML.discovery, SPEC_JSON.discovery);
    expect(json.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: `${running.url}/open311/v2`,
      formats: ['text/xml', 'application/json'],
    });
  });

  it('answers GET Service List as the example does: one service per category, its agency in group', async () => {
    const { json } = await expectShapes('services.{format}', SPEC_XML.services, SPEC_JSON.services);
    expect(
      json.find((service: { service_code: string }) => service.service_code === 'infrastruktur'),
    ).toMatchObject({
      group: 'Dinas PUPR Katingan',
      metadata: true,
      type: 'realtime',
    });
  });

  it('answers GET Service Definition as the example does', async () => {
    const { json } = await expectShapes(
      'services/infrastruktur.{format}?jurisdiction_id=katingan.go.id',
      SPEC_XML.serviceDefinition,
      SPEC_JSON.serviceDefinition,
    );
    expect(json.attributes.map((a: { code: string; required: boolean }) => [a.code, a.required])).toEqual([
      ['region', true],
      ['title', false],
    ]);
  });

  it('answers the example POST Service Request as the example response does, in both formats', async () => {
    const description = 'Genangan air di depan balai desa setiap kali hujan turun deras.';
    const asXml = await geo.post('requests.xml', exampleRequest(apiKey, description));
    expect({ status: asXml.status, type: asXml.headers.get('content-type') }).toEqual({
      status: 201,
      type: XML,
    });
    expect(xmlDeparturesFrom(asXml.text, SPEC_XML.postResponse)).toEqual([]);
    const asJson = await geo.post('requests.json', exampleRequest(apiKey, `${description} Lagi.`));
    expect(asJson.headers.get('content-type')).toBe(JSON_TYPE);
    const [created] = JSON.parse(asJson.text);
    expect(jsonDepartures([created], SPEC_JSON.postResponse)).toEqual([]);
    expect(created).toMatchObject({ service_request_id: expect.any(String), account_id: null });
  });

  it('answers GET service_request_id from a token as the example does', () =>
    expectShapes(`tokens/${closedId}.{format}`, SPEC_XML.tokenResponse, SPEC_JSON.tokenResponse));

  it('answers the sample GET Service Requests URL as the example does, open and closed', async () => {
    const { json } = await expectShapes(
      'requests.{format}?start_date=2000-01-01T00:00:00Z&end_date=2000-03-01T00:00:00Z&jurisdiction_id=katingan.go.id',
      SPEC_XML.requests,
      SPEC_JSON.requests,
    );
    expect(json).toEqual([]);
    const both = await expectShapes('requests.{format}', SPEC_XML.requests, SPEC_JSON.requests);
    const byId = new Map(
      both.json.map((request: { service_request_id: string }) => [request.service_request_id, request]),
    );
    expect(byId.get(closedId)).toMatchObject({
      status: 'closed',
      status_notes: 'Sudah kami tambal hari ini.',
    });
    expect(byId.get(openId)).toMatchObject({ status: 'open', status_notes: null });
    const open = await expectShapes('requests.{format}?status=open', SPEC_XML.requests, SPEC_JSON.requests);
    expect(open.json.map((request: { service_request_id: string }) => request.service_request_id)).toContain(
      openId,
    );
    expect(
      open.json.map((request: { service_request_id: string }) => request.service_request_id),
    ).not.toContain(closedId);
  });

  it('answers GET Service Request as the example does', async () => {
    const { json } = await expectShapes(
      `requests/${closedId}.{format}`,
      SPEC_XML.requests,
      SPEC_JSON.requests,
    );
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({
      service_request_id: closedId,
      service_code: 'infrastruktur',
      agency_responsible: 'Dinas PUPR Katingan',
      address_id: '62.06.02.1003',
      address: 'Kasongan Baru, Katingan Hilir, Kabupaten Katingan, Kalimantan Tengah',
      requested_datetime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/),
    });
  });

  it('refuses an invalid api_key as the error example does: 403, a list of {code, description}', async () => {
    for (const format of ['xml', 'json'] as const) {
      const refused = await geo.post(
        `requests.${format}`,
        exampleRequest('no-such-key', 'Sesuatu yang rusak di jalan.'),
      );
      expect({ status: refused.status, type: refused.headers.get('content-type') }).toEqual({
        status: 403,
        type: format === 'xml' ? XML : JSON_TYPE,
      });
      if (format === 'xml') expect(xmlDeparturesFrom(refused.text, SPEC_XML.errors)).toEqual([]);
      else expect(jsonDepartures(JSON.parse(refused.text), SPEC_JSON.errors)).toEqual([]);
      expect(refused.text).toContain('403');
    }
  });
});
