import { plainToInstance } from 'class-transformer';
import { IsString, Matches, MaxLength, ValidateIf, validateSync } from 'class-validator';
import { assertJsonShape } from '../platform/http/json-shape';
import { FieldProblem, RequestValidationError } from '../platform/http/request-validation.error';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const AGENCY_ID = '[a-z0-9]+(?:-[a-z0-9]+)*';
const REGION = '\\d{2}(?:\\.\\d{2}(?:\\.\\d{2}(?:\\.\\d{4})?)?)?';
const TOPIC = new RegExp(
  `^(?:aspiration:${UUID}|agency:${AGENCY_ID}|region:${REGION}|group:${UUID}|feed|me)$`,
);
const TOPIC_MESSAGE =
  'topic must be aspiration:<uuid>, agency:<agency-id>, region:<code like 62.06>, group:<uuid>, feed or me';

export class UnsubscribeRequest {
  @IsString() @MaxLength(100) @Matches(TOPIC, { message: TOPIC_MESSAGE }) topic!: string;
}

export class SubscribeRequest extends UnsubscribeRequest {
  /**
   * The last position the client saw: it receives what it missed since, then live changes. Absent means
   * "from now"; null is refused by name rather than guessed at (a client sending it has lost its position).
   */
  @ValidateIf((request: SubscribeRequest) => request.since !== undefined)
  @IsString({
    message: 'since must be a position this API returned, as a string (omit it to start from now)',
  })
  @Matches(/^(0|[1-9][0-9]{0,38})$/, { message: 'since must be a position this API returned' })
  since?: string;
}

const isPlainObject = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** Checks a client payload like an HTTP body: named fields, nothing unknown; throws a validation error. */
export function parseRequest<T extends object>(
  type: new () => T,
  body: unknown,
  /** What a payload that is not an object is told, naming the field it most lacks. */
  notAnObject: FieldProblem = { field: 'topic', message: 'send an object like {"topic": "feed"}' },
): T {
  // Before class-transformer, which recurses (overflowing the stack on deep input) and trips on prototype keys.
  assertJsonShape(body);
  if (!isPlainObject(body)) throw new RequestValidationError([notAnObject]);
  const request = plainToInstance(type, body);
  const errors = validateSync(request, {
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: true,
  });
  if (errors.length > 0) throw RequestValidationError.fromValidationErrors(errors);
  return request;
}
