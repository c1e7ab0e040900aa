import { Injectable } from '@nestjs/common';
import { forbiddenKey } from '../georeport/georeport-error';
import { ApiKeyRateLimit } from './api-key-rate-limit';
import { KnownClient, Open311Keys } from './open311-keys';

const INVALID = "Invalid api_key received -- can't proceed";

/** The api_key of a request, from its form (POST) or its query string; a repeated key is no key. */
function apiKeyOf(...sources: ReadonlyArray<Record<string, unknown> | undefined>): string | undefined {
  for (const source of sources) {
    const value = source?.api_key;
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string') throw forbiddenKey(`${INVALID}: api_key is given more than once`);
    return value;
  }
  return undefined;
}

/**
 * The specification's rule for api_key: required to create a request (403 without one), optional to read; a key
 * that is given must hold (403), and each holding key counts against its own rate limit.
 */
@Injectable()
export class Open311Access {
  constructor(
    private readonly keys: Open311Keys,
    private readonly limits: ApiKeyRateLimit,
  ) {}

  async optional(
    ...sources: ReadonlyArray<Record<string, unknown> | undefined>
  ): Promise<KnownClient | undefined> {
    const apiKey = apiKeyOf(...sources);
    if (apiKey === undefined) return undefined;
    const client = await this.keys.clientOf(apiKey);
    if (client === undefined) throw forbiddenKey(`${INVALID}.`);
    this.limits.take(client.clientId);
    return client;
  }

  async required(...sources: ReadonlyArray<Record<string, unknown> | undefined>): Promise<KnownClient> {
    const client = await this.optional(...sources);
    if (client === undefined) throw forbiddenKey("api_key is required -- can't proceed with create_request.");
    return client;
  }
}
