import { Injectable, PipeTransform } from '@nestjs/common';
import { RequestValidationError } from '../platform/http/request-validation.error';
import { MEMBER_KEY_PATTERN } from './domain/group.streams';

/** A member key as the group's member list gives it: 32 lowercase hex digits. */
@Injectable()
export class MemberKeyParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!MEMBER_KEY_PATTERN.test(value))
      throw new RequestValidationError([
        { field: 'memberKey', message: 'memberKey must be a member key from the member list' },
      ]);
    return value;
  }
}
