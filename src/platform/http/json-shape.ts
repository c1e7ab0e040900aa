import { invalid } from '../domain/domain-errors';
import { RequestValidationError } from './request-validation.error';

/** No request of this API nests deeper; far deeper input only serves to exhaust the stack of a recursive reader. */
export const MAX_JSON_DEPTH = 32;

/** Keys that reach an object's prototype in the libraries that copy request bodies; no request has them. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const tooDeeplyNested = (maxDepth: number) =>
  invalid('too_deeply_nested', `The JSON nests deeper than ${maxDepth} levels, the most this API accepts`);

const prototypeKey = (field: string) =>
  new RequestValidationError([{ field, message: `${field.split('.').pop()} is not a field of any request` }]);

/**
 * Checks a parsed JSON value before anything recursive (class-transformer, class-validator) reads it: at most
 * `maxDepth` levels (a scalar is 0, `{}` is 1) and no prototype keys. Iterative, so no input can overflow it.
 */
export function assertJsonShape(value: unknown, maxDepth = MAX_JSON_DEPTH): void {
  const pending: Array<[unknown, number, string]> = [[value, 1, '']];
  while (pending.length > 0) {
    const [current, depth, path] = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > maxDepth) throw tooDeeplyNested(maxDepth);
    for (const [key, child] of Object.entries(current)) {
      const field = path ? `${path}.${key}` : key;
      if (!Array.isArray(current) && PROTOTYPE_KEYS.has(key)) throw prototypeKey(field);
      pending.push([child, depth + 1, field]);
    }
  }
}
