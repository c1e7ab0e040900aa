import fc from 'fast-check';
import { EVENT_STORE, EventStore } from '../src/platform/event-store/event-store.port';
import { ApiClient } from './support/api-client';
import { hostileString } from './support/hostile-values';
import { GeoReport, GeoReportResponse, issueApiKey, potholeReport } from './support/open311';
import { registerKatinganAgencies } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';
import { parseXml } from './support/xml-tree';

const RUNS = 100;

const SPEC_FIELDS = [
  'api_key',
  'jurisdiction_id',
  'service_code',
  'lat',
  'long',
  'address_string',
  'address_id',
  'email',
  'device_id',
  'account_id',
  'first_name',
  'last_name',
  'phone',
  'description',
  'media_url',
  'attribute[region]',
  'attribute[title]',
  'attribute[region][]',
  'attribute[]',
  'attribute[__proto__]',
  '__proto__',
];
const QUERY_FIELDS = [
  'service_request_id',
  'service_code',
  'start_date',
  'end_date',
  'status',
  'jurisdiction_id',
  'api_key',
];
const format = fc.constantFrom('json', 'xml');

/** Every byte of the text's UTF-8 percent-encoded (encodeURIComponent throws on a lone surrogate). */
const percentEncoded = (text: string) =>
  [...Buffer.from(text)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

/** An answer is a success or a refusal in the specification's error format, in the format asked for; never a 5xx. */
function expectGeoReportAnswer(response: GeoReportResponse, asked: 'json' | 'xml'): void {
  expect(response.status).toBeLessThan(500);
  // Node's HTTP parser refuses a URL over 16 KiB before anything of the app runs: the platform's answer, not ours.
  if (response.status === 431) return;
  const type = response.headers.get('content-type');
  expect(type).toBe(asked === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8');
  if (asked === 'json') {
    const body = JSON.parse(response.text);
    if (response.status >= 400) {
      expect(body.length).toBeGreaterThan(0);
      for (const error of body)
        expect(error).toEqual({ code: response.status, description: expect.any(String) });
    }
  } else {
    const root = parseXml(response.text);
    if (response.status >= 400) {
      expect(root.name).toBe('errors');
      for (const error of root.children)
        expect(error.children.map((c) => c.name)).toEqual(['code', 'description']);
    }
  }
}

describe('Open311: hostile input gets a 4xx in the specification’s error format and writes nothing (e2e)', () => {
  let running: TestApp;
  let geo: GeoReport;
  let events: EventStore;
  let apiKey: string;
  const unhandled: unknown[] = [];
  const recordUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', recordUnhandled);
    running = await startTestApp();
    events = running.app.get(EVENT_STORE);
    const api = new ApiClient(running.url);
    await registerKatinganAgencies(api);
    ({ apiKey } = await issueApiKey(api, await api.tokenFor('admin-1', 'admin')));
    geo = new GeoReport(running.url);
  });
  afterAll(async () => {
    await running?.close();
    process.off('unhandledRejection', recordUnhandled);
  });
  afterEach(async () => {
    expect((await fetch(`${running.url}/api/health`)).status).toBeLessThan(500);
    expect(unhandled).toEqual([]);
  });

  /** Sends; when it is refused, the event store must not have moved. */
  const refusedWritesNothing = async (send: () => Promise<GeoReportResponse>, asked: 'json' | 'xml') => {
    const head = await events.headPosition();
    const response = await send();
    expectGeoReportAnswer(response, asked);
    if (response.status >= 400) expect(await events.headPosition()).toEqual(head);
    return response;
  };

  it('POST requests: any form, near a valid one or not, is filed or refused', async () => {
    const valid = Object.entries(potholeReport('')).filter(([key]) => key !== 'api_key');
    const pairs = fc.array(
      fc.tuple(fc.oneof(fc.constantFrom(...SPEC_FIELDS), hostileString), hostileString),
      {
        maxLength: 6,
      },
    );
    await fc.assert(
      fc.asyncProperty(
        format,
        fc.boolean(),
        fc.boolean(),
        pairs,
        async (asked, withKey, nearValid, extra) => {
          const fields: Array<[string, string]> = [
            ...(withKey ? [['api_key', apiKey] as [string, string]] : []),
            ...(nearValid ? valid : []),
            ...extra,
          ];
          await refusedWritesNothing(() => geo.post(`requests.${asked}`, fields), asked);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('POST requests: any raw body of any declared type is refused cleanly', async () => {
    const type = fc.constantFrom(
      'application/x-www-form-urlencoded',
      'application/x-www-form-urlencoded; charset=latin1',
      'application/json',
      'multipart/form-data; boundary=x',
      'text/xml',
    );
    const raw = fc.oneof(
      hostileString,
      fc.constantFrom(
        '%',
        '%zz',
        '%ff%fe',
        '&&&',
        '=',
        'api_key',
        '{"api_key":1}',
        'a[b][c][d]=1',
        '%00=%00',
      ),
    );
    await fc.assert(
      fc.asyncProperty(format, type, raw, async (asked, contentType, body) => {
        await refusedWritesNothing(
          () =>
            geo.postRaw(`requests.${asked}`, `api_key=${encodeURIComponent(apiKey)}&${body}`, {
              'content-type': contentType,
            }),
          asked,
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('GET requests: any query string is answered or refused with a 400 or 403', async () => {
    const query = fc.oneof(
      fc
        .array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_FIELDS), hostileString), hostileString), {
          maxLength: 4,
        })
        .map((pairs) => new URLSearchParams(pairs).toString()),
      fc.constantFrom(
        'status=open&status=closed',
        'service_code[a]=1',
        'start_date[]=x',
        '%00=1',
        'api_key=&api_key=',
      ),
    );
    await fc.assert(
      fc.asyncProperty(format, query, async (asked, search) => {
        const response = await geo.get(`requests.${asked}?${search}`);
        expectGeoReportAnswer(response, asked);
        expect([200, 400, 403, 431]).toContain(response.status);
      }),
      { numRuns: RUNS },
    );
  });

  it('GET by path: any service code, request id or token is found or not, never an error of ours', async () => {
    const resource = fc.constantFrom('services/', 'requests/', 'tokens/', '');
    await fc.assert(
      fc.asyncProperty(format, resource, hostileString, async (asked, prefix, segment) => {
        fc.pre(segment !== '');
        const response = await geo.get(`${prefix}${percentEncoded(segment)}.${asked}`);
        expect(response.status).toBeLessThan(500);
        // A path the router cannot place has no format of its own: XML, the specification's required one.
        expectGeoReportAnswer(
          response,
          response.headers.get('content-type')!.startsWith('text/xml') ? 'xml' : asked,
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('any api_key on a read is accepted only when it is a key that holds', async () => {
    await fc.assert(
      fc.asyncProperty(format, hostileString, async (asked, key) => {
        const response = await geo.get(`services.${asked}?api_key=${percentEncoded(key)}`);
        expectGeoReportAnswer(response, asked);
        expect([key === '' ? 200 : 403, 431]).toContain(response.status);
      }),
      { numRuns: RUNS },
    );
  });
});
