import { ValidationError } from 'class-validator';

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** 400: the request body or parameters break their schema; names every failing field. */
export class RequestValidationError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.name = 'RequestValidationError';
  }

  static fromValidationErrors(errors: ValidationError[]): RequestValidationError {
    const flatten = (list: ValidationError[], prefix: string): FieldProblem[] =>
      list.flatMap((error) => {
        const field = prefix ? `${prefix}.${error.property}` : error.property;
        const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
        return [...own, ...flatten(error.children ?? [], field)];
      });
    return new RequestValidationError(flatten(errors, ''));
  }
}
