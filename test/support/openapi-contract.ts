import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The parts of an OpenAPI 3.0 document the contract check reads. */
export interface SchemaObject {
  readonly $ref?: string;
  readonly type?: string;
  readonly format?: string;
  readonly required?: readonly string[];
  readonly properties?: Record<string, SchemaObject>;
  readonly [keyword: string]: unknown;
}
export interface MediaType {
  readonly schema?: SchemaObject;
}
export interface ResponseObject {
  readonly description: string;
  readonly content?: Record<string, MediaType>;
  readonly headers?: Record<string, unknown>;
}
export interface Parameter {
  readonly name: string;
  readonly in: 'query' | 'path' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly schema?: SchemaObject;
}
export interface Operation {
  readonly operationId?: string;
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: { readonly required?: boolean; readonly content: Record<string, MediaType> };
  readonly responses: Record<string, ResponseObject>;
  readonly security?: ReadonlyArray<Record<string, readonly string[]>>;
}
export type PathItem = Partial<
  Record<'get' | 'put' | 'post' | 'delete' | 'patch' | 'options' | 'head', Operation>
>;
export interface OpenApiDocument {
  readonly openapi: string;
  readonly paths: Record<string, PathItem>;
  readonly components: {
    readonly schemas: Record<string, SchemaObject>;
    readonly securitySchemes?: Record<string, unknown>;
  };
}

export interface ReceivedResponse {
  readonly method: string;
  /** The request path, query string included. */
  readonly path: string;
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

const DOCUMENT_ID = 'openapi.json';
const PROBLEM = `${DOCUMENT_ID}#/components/schemas/Problem`;
const escapePointer = (part: string) => part.replace(/~/g, '~0').replace(/\//g, '~1');

interface PathTemplate {
  readonly template: string;
  readonly pattern: RegExp;
  readonly parameters: number;
}

/**
 * Checks each response an end-to-end test receives against the app's own OpenAPI document: the status must
 * be documented for the route, and the body must match the schema of its content type.
 */
export class OpenApiContract {
  // Schemas are not meta-validated here (the document check does it): compiling stays off the tests' clock.
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly templates: PathTemplate[];

  constructor(readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addSchema(document as object, DOCUMENT_ID);
    this.templates = Object.keys(document.paths)
      .map((template) => ({
        template,
        pattern: new RegExp(
          `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`,
        ),
        parameters: (template.match(/\{/g) ?? []).length,
      }))
      // A literal segment beats a parameter: /api/me/aspirations is not /api/{x}/aspirations.
      .sort((a, b) => a.parameters - b.parameters);
  }

  static async of(baseUrl: string): Promise<OpenApiContract> {
    const response = await fetch(`${baseUrl}/api/docs-json`);
    if (response.status !== 200) throw new Error(`No OpenAPI document at ${baseUrl}: ${response.status}`);
    return new OpenApiContract((await response.json()) as OpenApiDocument);
  }

  /** Throws, naming the route, status and every mismatch, when the response breaks the document. */
  check(response: ReceivedResponse): void {
    const violations = this.violationsOf(response);
    if (violations.length === 0) return;
    throw new Error(
      `Response breaks the OpenAPI document: ${response.method} ${response.path} → ${response.status}\n` +
        violations.map((line) => `  - ${line}`).join('\n') +
        `\n  body: ${JSON.stringify(response.body)?.slice(0, 500)}`,
    );
  }

  violationsOf(response: ReceivedResponse): string[] {
    const path = response.path.split('?')[0];
    const method = response.method.toLowerCase();
    const template = this.templates.find((t) => t.pattern.test(path))?.template;
    if (template === undefined) {
      if (response.status !== 404) return [`no documented route matches ${path}`];
      return this.bodyViolations(response, PROBLEM, 'application/problem+json');
    }
    const operation = this.document.paths[template][method as keyof PathItem];
    if (!operation) {
      if (response.status !== 405) return [`${method.toUpperCase()} is not documented for ${template}`];
      const allow = response.headers.get('allow') ? [] : ['405 without an Allow header'];
      return [...allow, ...this.bodyViolations(response, PROBLEM, 'application/problem+json')];
    }
    const status = String(response.status);
    const documented = operation.responses[status] ?? operation.responses.default;
    if (!documented)
      return [
        `status ${status} is not documented for ${method.toUpperCase()} ${template} ` +
          `(documented: ${Object.keys(operation.responses).join(', ')})`,
      ];
    const mediaType = this.mediaTypeOf(response);
    if (!documented.content) return response.body === undefined ? [] : ['a body where none is documented'];
    const key = operation.responses[status] ? status : 'default';
    const pointer = ['paths', template, method, 'responses', key, 'content', mediaType, 'schema']
      .map(escapePointer)
      .join('/');
    if (!documented.content[mediaType]?.schema)
      return [`content type ${mediaType} is not documented (documented: ${Object.keys(documented.content)})`];
    return this.bodyViolations(response, `${DOCUMENT_ID}#/${pointer}`, mediaType);
  }

  private mediaTypeOf(response: ReceivedResponse): string {
    return (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  }

  private bodyViolations(response: ReceivedResponse, schemaRef: string, mediaType: string): string[] {
    const actual = this.mediaTypeOf(response);
    if (actual !== mediaType) return [`content type ${actual || 'none'}, documented ${mediaType}`];
    const validate = this.validatorFor(schemaRef);
    if (validate(response.body)) return [];
    return (validate.errors ?? []).map(
      (error) => `body${error.instancePath} ${error.message} (${JSON.stringify(error.params)})`,
    );
  }

  private validatorFor(schemaRef: string): ValidateFunction {
    let validate = this.validators.get(schemaRef);
    if (!validate) {
      validate = this.ajv.compile({ $ref: schemaRef });
      this.validators.set(schemaRef, validate);
    }
    return validate;
  }
}
