import fc from 'fast-check';
import { EVENT_STORE, EventStore } from '../src/platform/event-store/event-store.port';
import { ApiClient, ApiResponse } from './support/api-client';
import { startTestApp, TestApp } from './support/test-app';

const PROBLEMS = 'https://suara-warga.id/problems/';
const UUID = '00000000-0000-4000-8000-000000000000';

/** Routes of every kind with a path parameter: `%s` is the one tried, the others hold plausible values. */
const ROUTES: readonly (readonly [method: string, template: string, parameter: string])[] = [
  ['GET', '/api/aspirations/%s', 'id'],
  ['POST', '/api/aspirations/%s/verify', 'id'],
  ['GET', '/api/agencies/%s/inbox', 'agencyId'],
  ['DELETE', '/api/agencies/dinas-pupr/officials/%s', 'officialId'],
  ['GET', '/api/audit/checkpoints/%s', 'treeSize'],
  ['DELETE', '/api/invitations/%s', 'invitationId'],
  ['PUT', `/api/accounts/%s/role`, 'accountId'],
  ['GET', '/api/groups/%s/members', 'id'],
  ['POST', `/api/groups/${UUID}/coordinators/%s`, 'memberKey'],
  ['POST', `/api/groups/${UUID}/drafts/%s/signatures`, 'draftId'],
];

/** Every byte of the UTF-8 percent-encoded, so no client or router reads the segment as anything but text. */
const segment = (text: string): string =>
  [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

/** The characters a route receives once the segment is decoded (a lone surrogate arrives as U+FFFD). */
const charactersOf = (text: string): number => [...Buffer.from(text, 'utf8').toString('utf8')].length;

/** The WHATWG URL parser resolves these as path steps (`%2e%2e` too): they name another path, not an id. */
const isDotSegment = (text: string): boolean => text === '.' || text === '..';

const unit = fc.constantFrom(
  'a',
  '7',
  '-',
  '.',
  ' ',
  '/',
  '%',
  '?',
  '#',
  'é',
  'e\u0301',
  '💥',
  '\u202e',
  '\ud800',
);

/** Segments on both sides of the limit, of characters longer than one code unit or UTF-8 byte too. */
const segmentText = fc
  .oneof(
    fc.string({ unit, minLength: 1, maxLength: 100 }),
    fc.string({ unit, minLength: 101, maxLength: 400 }),
  )
  .filter((text) => !isDotSegment(text));

describe('path parameters over 100 characters, and paths that do not decode (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  let events: EventStore;

  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
    events = running.app.get(EVENT_STORE);
  });
  afterAll(() => running?.close());

  const send = (method: string, template: string, id: string, token?: string): Promise<ApiResponse> =>
    api.send(method, template.replace('%s', id), {
      token,
      body: method === 'PUT' ? { role: 'auditor' } : undefined,
    });

  function expectTooLong(response: ApiResponse, parameter: string): void {
    expect(response.status).toBe(414);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: `${PROBLEMS}uri_too_long`,
      status: 414,
      code: 'uri_too_long',
      title: 'URI Too Long',
      errors: [{ field: parameter, message: `${parameter} must be at most 100 characters` }],
    });
    // It passed the request hooks like any other answer: correlation id and security headers.
    expect(response.headers.get('x-correlation-id')).toBe(response.body.correlationId);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  }

  it.each(ROUTES.flatMap((route) => [101, 10_000].map((length) => [...route, length] as const)))(
    '%s %s: %s of %i characters gets 414 uri_too_long, and nothing is written',
    async (method, template, parameter, length) => {
      const head = await events.headPosition();
      const token = (
        await api.send('POST', '/api/dev/tokens', { body: { actorId: 'admin-1', role: 'admin' } })
      ).body.token;
      for (const caller of [undefined, token])
        expectTooLong(await send(method, template, 'a'.repeat(length), caller), parameter);
      expect(await events.headPosition()).toEqual(head);
    },
  );

  it('leaves a parameter of exactly 100 characters to the route, which names it', async () => {
    const response = await api.send('GET', `/api/aspirations/${'a'.repeat(100)}`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'invalid_request', errors: [{ field: 'id' }] });
  });

  it('counts characters as the route receives them, not the bytes of their encoding', async () => {
    // 100 characters of four UTF-8 bytes each: 1,200 characters on the wire, 100 for the route.
    const response = await api.send('GET', `/api/aspirations/${segment('💥'.repeat(50) + 'a'.repeat(50))}`);
    expect(response.status).toBe(400);
    expectTooLong(await api.send('GET', `/api/aspirations/${segment('💥'.repeat(101))}`), 'id');
  });

  it('any segment: 414 when over 100 characters, else the route’s own answer; never a 5xx, nothing written', async () => {
    const head = await events.headPosition();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        segmentText,
        async ([method, template, parameter], text) => {
          const response = await send(method, template, segment(text));
          if (charactersOf(text) > 100) expectTooLong(response, parameter);
          else {
            expect(response.status).not.toBe(414);
            expect(response.status).toBeGreaterThanOrEqual(400);
            expect(response.status).toBeLessThan(500);
            expect(typeof response.body?.code).toBe('string');
          }
        },
      ),
      { numRuns: 60 },
    );
    expect(await events.headPosition()).toEqual(head);
  });

  it.each([
    ['a byte that is no UTF-8', '%ff'],
    ['a cut-off sequence', '%E0%A4%A'],
    ['no hex digits', '%zz'],
    ['a lone %', 'a%'],
    ['101 cut-off sequences', '%c3'.repeat(101)],
  ])('a path that does not decode (%s) gets 400 malformed_request as problem details', async (_, bad) => {
    for (const [method, template] of ROUTES) {
      const response = await api.send(method, template.replace('%s', bad));
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({
        type: `${PROBLEMS}malformed_request`,
        code: 'malformed_request',
      });
      expect(response.headers.get('x-correlation-id')).toBe(response.body.correlationId);
    }
  });

  it('stays up and answers as before', async () => {
    expect((await api.send('GET', '/api/health/live')).status).toBe(200);
    expect((await api.send('GET', `/api/aspirations/${UUID}`)).status).toBe(404);
  });
});
