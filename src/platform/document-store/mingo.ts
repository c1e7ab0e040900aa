import { Context } from 'mingo/core';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import { Query as MingoQuery } from 'mingo/query';

// Only the operators filters and projections use: mingo's whole set took a noticeable part of every start.
const context = Context.init({ query: queryOperators, projection: projectionOperators });

type Options = NonNullable<ConstructorParameters<typeof MingoQuery>[1]>;

/** mingo's Query, with the query and projection operators. */
export class Query extends MingoQuery {
  constructor(condition: ConstructorParameters<typeof MingoQuery>[0], options: Partial<Options> = {}) {
    super(condition, { ...options, context });
  }
}

/** mingo's find: the documents that match, as a cursor to sort, page and project. */
export function find<T>(
  collection: readonly T[],
  condition: ConstructorParameters<typeof MingoQuery>[0],
  projection?: Record<string, unknown>,
  options: Partial<Options> = {},
) {
  return new Query(condition, options).find<T>(collection as T[], projection as never);
}
