import { ApiClient } from './support/api-client';
import { OpenApiContract, OpenApiDocument } from './support/openapi-contract';
import { checkOpenApiDocument } from './support/openapi-document-check';
import { roadComplaint } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';

const json = new Headers({ 'content-type': 'application/json; charset=utf-8' });
const problemJson = new Headers({ 'content-type': 'application/problem+json; charset=utf-8' });
const aProblem = {
  type: 'https://suara-warga.id/problems/x',
  title: 'X',
  status: 404,
  code: 'x',
  instance: '/',
};

describe('the contract check of e2e responses against the OpenAPI document (e2e)', () => {
  let running: TestApp;
  let contract: OpenApiContract;
  beforeAll(async () => {
    running = await startTestApp();
    contract = await OpenApiContract.of(running.url);
  });
  afterAll(() => running.close());

  it('passes the responses the app really gives', async () => {
    const api = new ApiClient(running.url);
    const submitted = await api.as('warga-1', 'citizen').post('/api/aspirations', roadComplaint());
    expect(submitted.status).toBe(201);
    const page = await api.send('GET', `/api/aspirations?minPosition=${submitted.body.position}`);
    expect(page.body.nextCursor).toBeNull();
    expect((await api.send('GET', `/api/aspirations/${submitted.body.id}`)).status).toBe(404);
    // The document lets a body without required fields be left out: so must the app.
    const verify = await api.send('POST', `/api/aspirations/${submitted.body.id}/verify`, {
      token: await api.tokenFor('fasil-1', 'facilitator'),
    });
    expect(verify.status).toBe(200);
  });

  it('refuses a body that breaks the schema, naming route, status and field', () => {
    const check = () =>
      contract.check({
        method: 'POST',
        path: '/api/aspirations',
        status: 201,
        headers: json,
        body: { id: 'not-a-uuid', position: 7 },
      });
    expect(check).toThrow('POST /api/aspirations → 201');
    expect(check).toThrow(/body\/id must match format "uuid"/);
    expect(check).toThrow(/body\/position must be string/);
  });

  it('refuses a status the route does not document, and a content type it does not', () => {
    const response = { method: 'GET', path: '/api/statistics?region=62', headers: json, body: {} };
    expect(() => contract.check({ ...response, status: 418 })).toThrow(
      /status 418 is not documented for GET \/api\/statistics/,
    );
    const html = new Headers({ 'content-type': 'text/html' });
    expect(() => contract.check({ ...response, status: 200, headers: html })).toThrow(
      /content type text\/html/,
    );
  });

  it('refuses a problem without its required fields, and anything but 404 from an unknown path', () => {
    const incomplete = {
      method: 'GET',
      path: '/api/statistics',
      status: 400,
      headers: problemJson,
      body: {},
    };
    expect(() => contract.check(incomplete)).toThrow(/must have required property 'code'/);
    const unknown = { method: 'GET', path: '/api/secrets', headers: problemJson, body: aProblem };
    expect(() => contract.check({ ...unknown, status: 404 })).not.toThrow();
    expect(() => contract.check({ ...unknown, status: 200 })).toThrow(/no documented route/);
  });

  it('accepts 405 for a method a known path lacks only with an Allow header', () => {
    const response = {
      method: 'PUT',
      path: '/api/statistics',
      status: 405,
      body: { ...aProblem, status: 405 },
    };
    expect(() => contract.check({ ...response, headers: problemJson })).toThrow(/without an Allow header/);
    const allowed = new Headers(problemJson);
    allowed.set('allow', 'GET, HEAD');
    expect(() => contract.check({ ...response, headers: allowed })).not.toThrow();
  });

  it('finds what makes a document unusable for generated clients', () => {
    const broken = structuredClone(contract.document) as OpenApiDocument & { openapi: string };
    broken.openapi = '2.0';
    delete broken.components.schemas.Problem;
    const hide = broken.paths['/api/aspirations/{id}/messages/{messageId}/hide'].post!;
    (hide as unknown as { parameters: unknown[] }).parameters = hide.parameters!.filter(
      (p) => p.name !== 'messageId',
    );
    const problems = checkOpenApiDocument(broken).join('\n');
    expect(problems).toMatch(/\/openapi must match pattern/);
    expect(problems).toMatch(/\$ref #\/components\/schemas\/Problem does not resolve/);
    expect(problems).toMatch(
      /POST \/api\/aspirations\/\{id\}\/messages\/\{messageId\}\/hide: path parameters/,
    );
  });
});
