import { OpenApiDocument, Operation } from './support/openapi-contract';
import { checkOpenApiDocument } from './support/openapi-document-check';
import { startTestApp, TestApp } from './support/test-app';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;
const ASPIRATION_ID = '58b91eaf-ed88-8635-a0b6-f56e3d9f733e';

describe('OpenAPI description (e2e)', () => {
  let running: TestApp;
  let document: OpenApiDocument;
  beforeAll(async () => {
    running = await startTestApp();
    document = (await (await fetch(`${running.url}/api/docs-json`)).json()) as OpenApiDocument;
  });
  afterAll(() => running.close());

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      HTTP_METHODS.filter((method) => item[method]).map((method) => ({
        path,
        method,
        operation: item[method] as Operation,
      })),
    );
  const operation = (method: string, path: string): Operation => {
    const found = document.paths[path]?.[method as 'get'];
    if (!found) throw new Error(`${method.toUpperCase()} ${path} is not documented`);
    return found;
  };
  const queryParameters = (method: string, path: string) =>
    Object.fromEntries(
      (operation(method, path).parameters ?? [])
        .filter((parameter) => parameter.in === 'query')
        .map((parameter) => [parameter.name, parameter]),
    );

  it('documents every command route with the schema that validates it', () => {
    const verbs = [
      'verify',
      'reject',
      'assign',
      'forward',
      'responses',
      'replies',
      'endorsements',
      'resolve',
      'rating',
      'reopen',
      'close',
    ];
    for (const verb of verbs) expect(document.paths).toHaveProperty([`/api/aspirations/{id}/${verb}`]);
    expect(document.paths).toHaveProperty(['/api/aspirations/{id}/messages/{messageId}/hide']);
    expect(document.paths).toHaveProperty(['/api/aspirations/{id}/history']);
    expect(operation('post', '/api/aspirations').requestBody?.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/SubmitAspirationDto',
    });
    expect(document.components.schemas.SubmitAspirationDto.required).toEqual(
      expect.arrayContaining(['title', 'body', 'category', 'regionCode', 'visibility', 'anonymous']),
    );
    expect(document.components.securitySchemes).toHaveProperty('bearer');
  });

  it('lets a client omit a body that has no required field, as the validation does', () => {
    const bodyRequired = (path: string) => operation('post', path).requestBody?.required;
    for (const verb of ['verify', 'assign', 'close', 'endorsements'])
      expect({ verb, required: bodyRequired(`/api/aspirations/{id}/${verb}`) }).toEqual({
        verb,
        required: false,
      });
    for (const path of ['/api/aspirations', '/api/aspirations/{id}/reject', '/api/dev/tokens'])
      expect({ path, required: bodyRequired(path) }).toEqual({ path, required: true });
  });

  it('is a well-formed OpenAPI 3.0 document whose references all resolve', () => {
    expect(checkOpenApiDocument(document)).toEqual([]);
  });

  it('documents the query parameters of every read route, with the rules that check them', () => {
    const list = queryParameters('get', '/api/aspirations');
    const filters = ['status', 'category', 'region', 'agencyId', 'groupId', 'q', 'sort', 'cursor'];
    expect(Object.keys(list).sort()).toEqual([...filters, 'limit', 'minPosition'].sort());
    expect(list.status.schema).toMatchObject({ enum: expect.arrayContaining(['submitted', 'in_progress']) });
    expect(list.sort.schema).toMatchObject({ enum: ['newest', 'oldest', 'endorsed', 'overdue', 'due'] });
    expect(list.limit.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 });
    expect(list.minPosition.schema).toMatchObject({ type: 'string', pattern: expect.any(String) });
    expect(Object.values(list).every((parameter) => parameter.required === false)).toBe(true);
    const page = ['cursor', 'limit', 'minPosition'];
    expect(Object.keys(queryParameters('get', '/api/me/aspirations')).sort()).toEqual(page);
    expect(Object.keys(queryParameters('get', '/api/agencies/{agencyId}/inbox')).sort()).toEqual(page);
    const detail = queryParameters('get', '/api/aspirations/{id}');
    expect(Object.keys(detail).sort()).toEqual(['asOfPosition', 'asOfTime', 'minPosition']);
    expect(detail.asOfPosition.schema).toMatchObject({ type: 'string', pattern: expect.any(String) });
    expect(detail.asOfTime.schema).toMatchObject({ type: 'string', pattern: expect.any(String) });
    expect(Object.keys(queryParameters('get', '/api/statistics')).sort()).toEqual(['minPosition', 'region']);
  });

  it('gives every route its success body and RFC 9457 problems for its errors', () => {
    const problem = document.components.schemas.Problem;
    expect(problem?.properties).toEqual(
      expect.objectContaining({
        ...Object.fromEntries(
          ['type', 'title', 'status', 'code', 'detail', 'instance', 'correlationId'].map((field) => [
            field,
            expect.anything(),
          ]),
        ),
        errors: expect.objectContaining({ type: 'array' }),
      }),
    );
    const missing: string[] = [];
    for (const { path, method, operation } of operations()) {
      const route = `${method.toUpperCase()} ${path}`;
      const statuses = Object.keys(operation.responses);
      const success = statuses.filter((status) => status.startsWith('2'));
      if (success.length === 0) missing.push(`${route}: no success response`);
      for (const status of success) {
        const content = operation.responses[status].content;
        // 204 No Content is the one success without a body (DELETE /api/me).
        if (status === '204' ? content !== undefined : !content?.['application/json']?.schema)
          missing.push(`${route} ${status}: ${status === '204' ? 'a body' : 'no application/json schema'}`);
      }
      if (!statuses.includes('500')) missing.push(`${route}: no 500 problem`);
      for (const status of statuses.filter((s) => s >= '400')) {
        // Readiness answers 503 with its own report, which load balancers and operators read.
        if (`${route} ${status}` === 'GET /api/health/ready 503') continue;
        const schema = operation.responses[status].content?.['application/problem+json']?.schema;
        if (schema?.$ref !== '#/components/schemas/Problem')
          missing.push(`${route} ${status}: not a problem`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names the responses of the read routes', () => {
    const body = (method: string, path: string, status = '200') =>
      operation(method, path).responses[status]?.content?.['application/json']?.schema;
    expect(body('get', '/api/aspirations')).toEqual({ $ref: '#/components/schemas/ThreadPage' });
    expect(body('get', '/api/me/aspirations')).toEqual({ $ref: '#/components/schemas/ThreadPage' });
    expect(body('get', '/api/agencies/{agencyId}/inbox')).toEqual({
      $ref: '#/components/schemas/ThreadPage',
    });
    expect(body('get', '/api/aspirations/{id}')).toEqual({ $ref: '#/components/schemas/AspirationDetail' });
    expect(body('get', '/api/statistics')).toEqual({ $ref: '#/components/schemas/Statistics' });
    expect(body('get', '/api/aspirations/{id}/history')).toEqual({
      $ref: '#/components/schemas/AspirationHistory',
    });
    expect(body('post', '/api/dev/tokens', '201')).toEqual({ $ref: '#/components/schemas/DevToken' });
  });

  it('marks aspiration and message ids as UUIDs in paths and bodies', () => {
    const pathParameter = (path: string, name: string) =>
      operation('post', path).parameters?.find((p) => p.in === 'path' && p.name === name)?.schema;
    const hide = '/api/aspirations/{id}/messages/{messageId}/hide';
    expect(pathParameter(hide, 'id')).toMatchObject({ type: 'string', format: 'uuid' });
    expect(pathParameter(hide, 'messageId')).toMatchObject({ type: 'string', format: 'uuid' });
    expect(operation('get', '/api/aspirations/{id}/history').parameters).toContainEqual(
      expect.objectContaining({ name: 'id', in: 'path', schema: { type: 'string', format: 'uuid' } }),
    );
    const schemas = document.components.schemas;
    expect(schemas.AspirationCommandResponse.properties?.id).toMatchObject({ format: 'uuid' });
    expect(schemas.AspirationCommandResponse.properties?.messageId).toMatchObject({ format: 'uuid' });
    expect(schemas.ThreadSummary.properties?.id).toMatchObject({ format: 'uuid' });
    expect(schemas.ThreadMessage.properties?.messageId).toMatchObject({ format: 'uuid' });
    expect(schemas.AspirationHistory.properties?.aspirationId).toMatchObject({ format: 'uuid' });
  });

  it('asks for a bearer token on protected routes only, as the guard does', () => {
    const publicRoutes = [
      'get /api/aspirations',
      'get /api/aspirations/{id}',
      'get /api/aspirations/{id}/history',
      'get /api/statistics',
      'get /api/categories',
      'get /api/regions',
      'get /api/agencies',
      'get /api/groups',
      'get /api/groups/{id}',
      'get /api/groups/{id}/aspirations',
      'get /api/groups/{id}/feed',
      'get /api/announcements',
      'get /api/announcements/{id}',
      'get /api/audit/public-key',
      'get /api/notifications/push-key',
      'get /api/audit/checkpoints',
      'get /api/audit/checkpoints/latest',
      'get /api/audit/checkpoints/{treeSize}',
      'get /api/audit/proofs/inclusion',
      'get /api/audit/proofs/consistency',
      'get /api/audit/events',
      'get /api/health',
      'get /api/health/live',
      'get /api/health/ready',
      'post /api/dev/tokens',
      'post /api/accounts',
      'post /api/accounts/confirmations',
      'post /api/accounts/confirmation-codes',
      'post /api/accounts/password-resets',
      'post /api/accounts/password-resets/confirmations',
      'post /api/sessions',
      'post /api/sessions/refresh',
      'delete /api/sessions/current',
      'post /api/invitations/acceptances',
    ];
    for (const { path, method, operation } of operations()) {
      const isPublic = publicRoutes.includes(`${method} ${path}`);
      expect({ route: `${method} ${path}`, security: operation.security ?? [] }).toEqual({
        route: `${method} ${path}`,
        security: isPublic ? [] : [{ bearer: [] }],
      });
      if (!isPublic) expect(operation.responses).toHaveProperty(['401']);
    }
  });

  it('serves the interactive documentation page', async () => {
    const page = await fetch(`${running.url}/api/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger-ui');
  });
});

describe('methods a route does not have (e2e)', () => {
  let running: TestApp;
  beforeAll(async () => (running = await startTestApp()));
  afterAll(() => running.close());

  it('answers 405 with Allow and a problem for a known path, 404 for an unknown one', async () => {
    const list = await fetch(`${running.url}/api/aspirations`, { method: 'DELETE' });
    expect(list.status).toBe(405);
    expect(list.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(list.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await list.json()).toMatchObject({
      correlationId: list.headers.get('x-correlation-id'),
      status: 405,
      code: 'method_not_allowed',
      title: 'Method Not Allowed',
    });

    const verify = await fetch(`${running.url}/api/aspirations/${ASPIRATION_ID}/verify`, { method: 'PUT' });
    expect(verify.status).toBe(405);
    expect(verify.headers.get('allow')).toBe('POST');

    const unknown = await fetch(`${running.url}/api/aspirations/${ASPIRATION_ID}/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('allow')).toBeNull();
  });
});
