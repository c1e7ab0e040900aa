/** How long a client should wait before retrying a token the issuer could not be asked about. */
export const ISSUER_UNAVAILABLE_RETRY_AFTER_S = 10;

/**
 * The configured OpenID Connect issuer could not be reached in time, or answered with something other than its
 * keys: the token can be neither accepted nor refused, so the request is answered 503, never 401.
 */
export class IssuerUnavailableError extends Error {
  /** Socket.IO sends `data` with a refused handshake, as it does `invalid_token`. */
  readonly data = { code: 'issuer_unavailable' } as const;

  constructor(cause: unknown) {
    super('The sign-in issuer cannot be reached to check this token; retry later', { cause });
    this.name = 'IssuerUnavailableError';
  }
}
