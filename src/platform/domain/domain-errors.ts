/**
 * Domain errors carry a kind the HTTP and Socket.IO layers map to a status (RFC 9457 problem details).
 * `field` names the offending input where one is to blame.
 */
export type DomainErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** 400: the input breaks a rule (e.g. unknown region code). */
export const invalid = (code: string, message: string, field?: string) =>
  new DomainError('invalid', code, message, field);
/** 401: the credentials (password, refresh token) do not prove who the caller is. */
export const unauthenticated = (code: string, message: string) =>
  new DomainError('unauthenticated', code, message);
/** 403: this actor may not do this. */
export const forbidden = (code: string, message: string) => new DomainError('forbidden', code, message);
/** 404: the thing acted on does not exist. */
export const notFound = (code: string, message: string, field?: string) =>
  new DomainError('not_found', code, message, field);
/** 409: not allowed in the current state (an invalid transition). */
export const conflict = (code: string, message: string) => new DomainError('conflict', code, message);
