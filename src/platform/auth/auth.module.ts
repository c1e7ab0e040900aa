import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PlatformConfig } from '../config';
import { AuthGuard } from './auth.guard';
import { DevTokensController } from './dev-tokens.controller';
import { JwtTokens } from './jwt-tokens';
import { OidcConfig } from './oidc/oidc.config';
import { withOidc } from './oidc/oidc-tokens';
import { loadTokenSecret } from './token-secret';
import { ACCESS_TOKEN_TTL_S, ACCESS_TOKENS, TOKENS } from './tokens.port';

const TOKEN_SECRET = Symbol('TokenSecret');

/** Bearer-token authentication for every route; an OpenID Connect issuer and the dev issuer when configured. */
@Module({})
export class AuthModule {
  static with(config: PlatformConfig & { readonly oidc?: OidcConfig }): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: TOKEN_SECRET, useFactory: () => loadTokenSecret(config.tokenSecret, config.dataDir) },
        {
          provide: TOKENS,
          inject: [TOKEN_SECRET],
          useFactory: (secret: Buffer) => withOidc(new JwtTokens(secret), config.oidc),
        },
        {
          provide: ACCESS_TOKENS,
          inject: [TOKEN_SECRET],
          useFactory: (secret: Buffer) => new JwtTokens(secret, `${ACCESS_TOKEN_TTL_S}s`),
        },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      controllers: config.devTokens ? [DevTokensController] : [],
      exports: [TOKENS, ACCESS_TOKENS],
    };
  }
}
