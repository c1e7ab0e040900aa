import { ApiClient } from './api-client';

export interface GeoReportResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** A GeoReport client in a few lines: GET and form POSTs under /open311/v2, answers as text (JSON or XML). */
export class GeoReport {
  constructor(readonly baseUrl: string) {}

  async get(path: string, headers: Record<string, string> = {}): Promise<GeoReportResponse> {
    const response = await fetch(`${this.baseUrl}/open311/v2/${path}`, { headers });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  /** Fields as the specification sends them: application/x-www-form-urlencoded, repeated keys allowed. */
  async post(
    path: string,
    fields: ReadonlyArray<readonly [string, string]> | Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<GeoReportResponse> {
    const body = new URLSearchParams(Array.isArray(fields) ? [...fields] : Object.entries(fields)).toString();
    return this.postRaw(path, body, {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      ...headers,
    });
  }

  async postRaw(path: string, body: string, headers: Record<string, string>): Promise<GeoReportResponse> {
    const response = await fetch(`${this.baseUrl}/open311/v2/${path}`, { method: 'POST', headers, body });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON came back
  async json(path: string): Promise<{ status: number; body: any }> {
    const response = await this.get(path);
    return { status: response.status, body: JSON.parse(response.text) };
  }
}

/** An admin issues a client application its key, as POST /api/open311/clients does. */
export async function issueApiKey(api: ApiClient, adminToken: string, name = 'FixMyStreet Katingan') {
  const issued = await api.send('POST', '/api/open311/clients', { body: { name }, token: adminToken });
  if (issued.status !== 201) throw new Error(`No key: ${JSON.stringify(issued.body)}`);
  return { clientId: issued.body.id as string, apiKey: issued.body.apiKey as string };
}

/** A pothole report as a GeoReport client files it, in Kasongan Baru (62.06.02.1003). */
export const potholeReport = (apiKey: string, overrides: Record<string, string> = {}) => ({
  api_key: apiKey,
  service_code: 'infrastruktur',
  address_string: 'Jalan Tjilik Riwut km 2, Kasongan Baru',
  'attribute[region]': '62.06.02.1003',
  description: 'Lubang besar di tengah jalan menuju pasar, sudah dua minggu belum ditambal.',
  ...overrides,
});
