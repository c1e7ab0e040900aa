import { Injectable, PipeTransform } from '@nestjs/common';
import { RequestValidationError } from './request-validation.error';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A route id must be a lowercase UUID; the problem names the parameter. */
@Injectable()
export class UuidParam implements PipeTransform<string, string> {
  constructor(private readonly field: string) {}

  transform(value: string): string {
    if (!UUID.test(value))
      throw new RequestValidationError([{ field: this.field, message: `${this.field} must be a UUID` }]);
    return value;
  }
}
