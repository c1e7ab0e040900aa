import { Role } from '../../src/platform/domain/decider';
import { OpenApiContract } from './openapi-contract';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON came back
export interface ApiResponse<T = any> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** One document per app under test, fetched on its first response. */
const contracts = new Map<string, Promise<OpenApiContract>>();
const contractOf = (baseUrl: string) => {
  if (!contracts.has(baseUrl)) contracts.set(baseUrl, OpenApiContract.of(baseUrl));
  return contracts.get(baseUrl)!;
};

/**
 * A small HTTP client for end-to-end tests: real requests, dev tokens, Idempotency-Key when asked. Every
 * response is checked against the app's OpenAPI document, so the suite proves the document complete.
 */
export class ApiClient {
  private readonly tokens = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async tokenFor(actorId: string, role: Role): Promise<string> {
    const cacheKey = `${actorId}|${role}`;
    if (!this.tokens.has(cacheKey)) {
      const response = await this.send('POST', '/api/dev/tokens', { body: { actorId, role } });
      if (response.status !== 201) throw new Error(`No dev token: ${JSON.stringify(response.body)}`);
      this.tokens.set(cacheKey, response.body.token);
    }
    return this.tokens.get(cacheKey)!;
  }

  async send(
    method: string,
    path: string,
    options: {
      body?: unknown;
      token?: string;
      idempotencyKey?: string;
      headers?: Record<string, string>;
      raw?: string;
    } = {},
  ): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['content-type'] ??= 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const text = await response.text();
    const received = {
      status: response.status,
      body: text ? JSON.parse(text) : undefined,
      headers: response.headers,
    };
    (await contractOf(this.baseUrl)).check({ method, path, ...received });
    return received;
  }

  /** Sends as the given actor. */
  as(actorId: string, role: Role) {
    const request = async (method: string, path: string, body?: unknown, idempotencyKey?: string) =>
      this.send(method, path, { body, token: await this.tokenFor(actorId, role), idempotencyKey });
    return {
      post: (path: string, body: unknown = {}, idempotencyKey?: string) =>
        request('POST', path, body, idempotencyKey),
      get: (path: string) => request('GET', path),
      delete: (path: string) => request('DELETE', path),
    };
  }
}
