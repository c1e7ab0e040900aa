/** 422: the Idempotency-Key was used before by this actor for a different request. */
export class IdempotencyKeyReusedError extends Error {
  constructor(readonly stream: string) {
    super('This Idempotency-Key was already used for a different request');
    this.name = 'IdempotencyKeyReusedError';
  }
}

/** 409: the stream kept changing under us; the client may retry. */
export class ConcurrencyRetriesExhaustedError extends Error {
  constructor(
    readonly stream: string,
    readonly attempts: number,
  ) {
    super(`Stream ${stream} changed concurrently ${attempts} times; try again`);
    this.name = 'ConcurrencyRetriesExhaustedError';
  }
}
