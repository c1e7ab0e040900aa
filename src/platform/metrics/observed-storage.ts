import { Counter } from 'prom-client';

/**
 * The same store, counting in `errors` every operation that fails with anything but an answer the domain expects
 * (`expected`: a revision conflict, an erased subject). Only methods that return a promise are storage operations.
 */
export function observedStore<T extends object>(
  store: T,
  name: string,
  errors: Counter<'store' | 'operation'>,
  expected: (error: unknown) => boolean = () => false,
): T {
  return new Proxy(store, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = value.apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.catch((error: unknown) => {
          if (!expected(error)) errors.inc({ store: name, operation: String(property) });
          throw error;
        });
      };
    },
  });
}
