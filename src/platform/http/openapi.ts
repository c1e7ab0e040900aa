import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- class-transformer exports its metadata storage without types
const { defaultMetadataStorage } = require('class-transformer/cjs/storage');
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { PROBLEM_MEDIA_TYPE, ProblemView } from './openapi-responses';
import { RouteFacts, routeFactsOf } from './openapi-routes';
import { MAX_PATH_PARAMETER_LENGTH } from './path-parameter-limit';

type Operation = OpenAPIObject['paths'][string]['get'] & object;
const UUID_SCHEMA = { type: 'string', format: 'uuid' };
type Schemas = Record<string, { properties?: Record<string, object>; required?: string[] }>;

const problemResponse = (description: string, headers?: Record<string, object>) => ({
  description,
  ...(headers && { headers }),
  content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
});

const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 0 } },
};

/** Says what the pipeline enforces for every route, read from the same metadata the pipeline reads. */
function completeOperation(operation: Operation, route: RouteFacts, schemas: Schemas): void {
  if (route.isPublic) delete operation.security;
  else {
    operation.security = [{ bearer: [] }];
    operation.responses['401'] ??= problemResponse('No bearer token, or an invalid or expired one');
  }
  // Node's HTTP parser refuses these before any route runs, so every route can answer them.
  operation.responses['400'] ??= problemResponse('The HTTP request itself is malformed');
  operation.responses['431'] ??= problemResponse('The URL or headers are over 16 KiB');
  // A long path parameter is refused before the route runs (path-parameter-limit.ts).
  if (operation.parameters?.some((p) => 'in' in p && p.in === 'path'))
    operation.responses['414'] ??= problemResponse(
      `A path parameter is over ${MAX_PATH_PARAMETER_LENGTH} characters`,
    );
  // Rate limits apply to every route (src/platform/throttling/).
  operation.responses['429'] ??= problemResponse('Too many requests from this address', RETRY_AFTER);
  operation.responses['500'] ??= problemResponse('A bug; the details are only in the log');
  operation.responses['503'] ??= problemResponse(
    'Storage, or the sign-in issuer of an external token, cannot serve this now; retry later',
    RETRY_AFTER,
  );
  // The validation pipe reads a missing body as {}: one without required fields may be left out.
  const body = operation.requestBody;
  const bodySchema = body && 'content' in body ? body.content['application/json']?.schema : undefined;
  const bodyName = bodySchema && '$ref' in bodySchema ? bodySchema.$ref.split('/').pop() : undefined;
  if (body && 'content' in body && bodyName && !schemas[bodyName]?.required?.length) body.required = false;
  const query = route.queryDto ? schemas[route.queryDto] : undefined;
  const parameters = (operation.parameters ?? []).filter((p) => !('in' in p) || p.in !== 'query');
  operation.parameters = [
    ...parameters.map((p) =>
      'in' in p && p.in === 'path' && route.uuidParameters.includes(p.name)
        ? { ...p, schema: UUID_SCHEMA }
        : p,
    ),
    ...Object.entries(query?.properties ?? {}).map(([name, schema]) => ({
      name,
      in: 'query' as const,
      required: query?.required?.includes(name) ?? false,
      schema,
    })),
  ];
}

/**
 * Serves the OpenAPI description at /api/docs (JSON at /api/docs-json). Request schemas come from the same
 * class-validator rules that check requests, so the documentation cannot drift from the validation; so do
 * query parameters, UUID path parameters and which routes need a token. Built on its first request, not at start.
 */
export function mountOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}

function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Suara Warga API')
    .setDescription(
      'Citizens submit aspirations, facilitators verify and route them, agencies answer. Every command accepts ' +
        'an Idempotency-Key header; errors are RFC 9457 problem details (application/problem+json). A known ' +
        'path called with a method it does not have answers 405 with an Allow header.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemView] });
  const schemas = validationMetadatasToSchemas({
    refPointerPrefix: '#/components/schemas/',
    classTransformerMetadataStorage: defaultMetadataStorage,
  }) as Schemas;
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...schemas } as never,
  };
  const routes = new Map(routeFactsOf(app).map((route) => [route.operationId, route]));
  const allSchemas = document.components.schemas as Schemas;
  for (const item of Object.values(document.paths))
    for (const operation of Object.values(item) as Operation[]) {
      const route = operation?.operationId ? routes.get(operation.operationId) : undefined;
      if (route) completeOperation(operation, route, allSchemas);
    }
  return document;
}
