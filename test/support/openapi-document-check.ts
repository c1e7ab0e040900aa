import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { OpenApiDocument } from './openapi-contract';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const PROBLEM_OR_JSON = /^application\/(problem\+)?json$/;

/** The key parts of OpenAPI 3.0 (spec.openapis.org/oas/v3.0.3) that generated clients depend on. */
const OPENAPI_3_0_STRUCTURE = {
  type: 'object',
  required: ['openapi', 'info', 'paths', 'components'],
  properties: {
    openapi: { type: 'string', pattern: '^3\\.0\\.\\d+$' },
    info: {
      type: 'object',
      required: ['title', 'version'],
      properties: { title: { type: 'string' }, version: { type: 'string' } },
    },
    paths: {
      type: 'object',
      propertyNames: { pattern: '^/' },
      additionalProperties: {
        type: 'object',
        propertyNames: { enum: [...METHODS, 'parameters', 'summary', 'description', 'servers'] },
        properties: Object.fromEntries(METHODS.map((method) => [method, { $ref: '#/$defs/operation' }])),
      },
    },
    components: {
      type: 'object',
      properties: {
        schemas: { type: 'object', additionalProperties: { type: 'object' } },
        securitySchemes: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            required: ['type'],
            properties: { type: { enum: ['apiKey', 'http', 'oauth2', 'openIdConnect'] } },
          },
        },
      },
    },
  },
  $defs: {
    operation: {
      type: 'object',
      required: ['responses'],
      properties: {
        operationId: { type: 'string' },
        parameters: { type: 'array', items: { $ref: '#/$defs/parameter' } },
        requestBody: { type: 'object', required: ['content'] },
        responses: {
          type: 'object',
          minProperties: 1,
          propertyNames: { pattern: '^([1-5][0-9][0-9]|[1-5]XX|default)$' },
          additionalProperties: {
            type: 'object',
            required: ['description'],
            properties: {
              description: { type: 'string' },
              content: {
                type: 'object',
                additionalProperties: { type: 'object', required: ['schema'] },
              },
            },
          },
        },
        security: {
          type: 'array',
          items: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
        },
      },
    },
    parameter: {
      type: 'object',
      required: ['name', 'in', 'schema'],
      properties: { name: { type: 'string' }, in: { enum: ['query', 'header', 'path', 'cookie'] } },
      // A path parameter is always required (OpenAPI 3.0, Parameter Object).
      if: { properties: { in: { const: 'path' } } },
      then: { required: ['required'], properties: { required: { const: true } } },
    },
  },
};

function* refsIn(value: unknown, at: string): Generator<{ ref: string; at: string }> {
  if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* refsIn(item, `${at}/${i}`);
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') yield { ref: item, at };
      else yield* refsIn(item, `${at}/${key}`);
    }
}

const resolves = (document: OpenApiDocument, ref: string): boolean => {
  if (!ref.startsWith('#/')) return false;
  let node: unknown = document;
  for (const part of ref.slice(2).split('/'))
    node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return node !== undefined;
};

/** Every way the document fails to be a usable OpenAPI 3.0 description; empty when it is one. */
export function checkOpenApiDocument(document: OpenApiDocument): string[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const problems: string[] = [];
  const validate = ajv.compile(OPENAPI_3_0_STRUCTURE);
  if (!validate(document))
    problems.push(...(validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
  for (const { ref, at } of refsIn(document, '#'))
    if (!resolves(document, ref)) problems.push(`${at}: $ref ${ref} does not resolve`);
  const operationIds = new Set<string>();
  for (const [path, item] of Object.entries(document.paths))
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.includes(method) || !operation) continue;
      const route = `${method.toUpperCase()} ${path}`;
      const declared = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
      if (declared.sort().join() !== templated.sort().join())
        problems.push(`${route}: path parameters ${declared} do not match the template`);
      if (operation.operationId && operationIds.has(operation.operationId))
        problems.push(`${route}: operationId ${operation.operationId} is not unique`);
      if (operation.operationId) operationIds.add(operation.operationId);
      for (const [status, response] of Object.entries(operation.responses))
        for (const mediaType of Object.keys(response.content ?? {}))
          if (!PROBLEM_OR_JSON.test(mediaType)) problems.push(`${route} ${status}: media type ${mediaType}`);
    }
  // Each component must itself be a schema a validator (and so a client generator) can compile.
  ajv.addSchema(document as object, 'openapi.json');
  for (const name of Object.keys(document.components.schemas ?? {}))
    try {
      ajv.compile({ $ref: `openapi.json#/components/schemas/${name}` });
    } catch (error) {
      problems.push(`components.schemas.${name}: ${(error as Error).message}`);
    }
  return problems;
}
