import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'suara:public';

/** Marks a route anyone may call without a token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
