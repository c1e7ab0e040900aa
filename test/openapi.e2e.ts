import { startTestApp, TestApp } from './support/test-app';

describe('OpenAPI description (e2e)', () => {
  let running: TestApp;
  beforeAll(async () => (running = await startTestApp()));
  afterAll(() => running.close());

  it('documents every command route with the schema that validates it', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- an OpenAPI document read as plain JSON
    const document: any = await (await fetch(`${running.url}/api/docs-json`)).json();
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
    expect(document.paths['/api/aspirations'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/SubmitAspirationDto',
    });
    expect(document.components.schemas.SubmitAspirationDto.required).toEqual(
      expect.arrayContaining(['title', 'body', 'category', 'regionCode', 'visibility', 'anonymous']),
    );
    expect(document.components.securitySchemes).toHaveProperty('bearer');
  });

  it('serves the interactive documentation page', async () => {
    const page = await fetch(`${running.url}/api/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger-ui');
  });
});
