import { session } from '../session/session';

/** An RFC 9457 problem as the API answers it; status 0 means no answer came (offline, network down). */
export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
  readonly errors?: ReadonlyArray<{ readonly field: string; readonly message: string }>;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.code);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly body?: unknown;
  readonly idempotencyKey?: string;
  /** Send the signed-in person's token (default); public reads may still send it to see more. */
  readonly anonymous?: boolean;
}

const LAST_WRITE_KEY = 'suara.lastWrite';

/** This tab's last write as stored, so a reload still reads it (sessionStorage may be refused: then none). */
function storedLastWrite(): bigint | undefined {
  try {
    const stored = sessionStorage.getItem(LAST_WRITE_KEY);
    return stored && /^\d{1,40}$/.test(stored) ? BigInt(stored) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The highest position a command of this tab returned: reads ask for it, so they show our own writes, after a
 * reload too.
 */
let lastWrite: bigint | undefined = storedLastWrite();

export function noteWrite(position: string | null | undefined): void {
  if (!position) return;
  const value = BigInt(position);
  if (lastWrite !== undefined && value <= lastWrite) return;
  lastWrite = value;
  try {
    sessionStorage.setItem(LAST_WRITE_KEY, value.toString());
  } catch {
    // Private modes may refuse storage: reads within this page still ask for the position.
  }
}

/** Adds minPosition to a read's path when this tab wrote something; the later one when the path names one too. */
export function readPath(path: string): string {
  if (lastWrite === undefined) return path;
  const [route, search = ''] = path.split('?', 2);
  const query = new URLSearchParams(search);
  const named = query.get('minPosition');
  // The API refuses a parameter given twice.
  if (named !== null && /^\d{1,40}$/.test(named) && BigInt(named) >= lastWrite) return path;
  query.set('minPosition', lastWrite.toString());
  return `${route}?${query}`;
}

async function send(path: string, options: RequestOptions, token: string | undefined): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  return fetch(path, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

/** One JSON request to the API; a refused one throws ApiError with the problem, a lost one status 0. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response: Response;
  try {
    const token = options.anonymous ? undefined : await session.accessToken();
    response = await send(path, options, token);
    // An access token can lapse between our check and the server's: renew once and retry.
    if (response.status === 401 && token && (await session.renew())) {
      response = await send(path, options, await session.accessToken());
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError({ status: 0, code: 'network_error', detail: String(error) });
  }
  const text = await response.text();
  const body = text === '' ? undefined : (JSON.parse(text) as unknown);
  if (!response.ok) {
    const problem = (body ?? {}) as Partial<Problem>;
    throw new ApiError({
      ...problem,
      status: response.status,
      code: problem.code ?? `http_${response.status}`,
    });
  }
  const position = (body as { position?: string } | undefined)?.position;
  if ((options.method ?? 'GET') !== 'GET') noteWrite(position);
  return body as T;
}

/** A random UUID also where crypto.randomUUID is missing (plain http on a village network is no secure context). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
