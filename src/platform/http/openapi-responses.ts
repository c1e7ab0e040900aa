import { applyDecorators, Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiHeader,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiSchema,
  getSchemaPath,
} from '@nestjs/swagger';

@ApiSchema({ name: 'FieldProblem' })
export class FieldProblemView {
  @ApiProperty({ description: 'The offending input, e.g. title or onBehalfOf.name', example: 'title' })
  field!: string;

  @ApiProperty({ example: 'title must be 5 to 150 characters' })
  message!: string;
}

/** RFC 9457 problem details, as problem-details.filter.ts writes them. */
@ApiSchema({ name: 'Problem' })
export class ProblemView {
  @ApiProperty({ format: 'uri', example: 'https://suara-warga.id/problems/invalid_request' })
  type!: string;

  @ApiProperty({ description: 'The standard title of the status', example: 'Bad Request' })
  title!: string;

  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 400 })
  status!: number;

  @ApiProperty({ description: 'Stable and machine-readable: never renamed', example: 'invalid_request' })
  code!: string;

  @ApiPropertyOptional({ description: 'A human-readable explanation (English)' })
  detail?: string;

  @ApiPropertyOptional({
    description: 'The request path (absent when the HTTP request itself could not be parsed)',
    example: '/api/aspirations',
  })
  instance?: string;

  @ApiPropertyOptional({ description: 'Same as the X-Correlation-Id header' })
  correlationId?: string;

  @ApiPropertyOptional({ type: () => FieldProblemView, isArray: true, description: 'One per failing input' })
  errors?: FieldProblemView[];
}

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

const PROBLEM_MEANINGS: Record<number, string> = {
  400: 'The request breaks its schema or a rule; `errors` names the fields',
  401: 'No bearer token, or an invalid or expired one',
  403: 'The caller’s role may not do this',
  404: 'Not found, or not visible to the caller',
  405: 'The path exists but not with this method; `Allow` lists the methods it has',
  409: 'Not allowed in the current state, or the stream kept changing',
  413: 'The body is over 64 KiB',
  415: 'The body is not application/json',
  422: 'The Idempotency-Key was used for a different request',
  429: 'Too many requests from this address; retry after Retry-After seconds',
  500: 'A bug; the details are only in the log',
  503: 'Storage, or the sign-in issuer of an external token, cannot serve this now; retry later',
};

/** Problem responses (application/problem+json) for the given statuses. */
export const ApiProblems = (...statuses: number[]) =>
  applyDecorators(
    ApiExtraModels(ProblemView),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEM_MEANINGS[status] ?? 'A problem',
        content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: getSchemaPath(ProblemView) } } },
      }),
    ),
  );

/** What a command route answers: its result, and the problems any command can meet. */
export const ApiCommand = (status: 200 | 201, result: Type<unknown>) =>
  applyDecorators(
    ApiResponse({ status, type: result, description: 'Done: the id acted on and the position to read at' }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'A retry with the same key and body returns the original result (1–200 visible ASCII)',
      schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' },
    }),
    ApiProblems(400, 403, 404, 409, 413, 415, 422),
  );

/** What a read route answers: its body, and the problems of a malformed query plus any given. */
export const ApiRead = (body: Type<unknown>, ...problems: number[]) =>
  applyDecorators(
    ApiResponse({ status: 200, type: body, description: 'As the caller may see it' }),
    ApiProblems(400, ...problems),
  );

/** One problem response with its own meaning, where the general one would mislead (e.g. a 401 on sign-in). */
export const ApiProblem = (status: number, description: string) =>
  applyDecorators(
    ApiExtraModels(ProblemView),
    ApiResponse({
      status,
      description,
      content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: getSchemaPath(ProblemView) } } },
    }),
  );
