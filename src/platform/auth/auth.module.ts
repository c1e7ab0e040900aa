import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PlatformConfig } from '../config';
import { AuthGuard } from './auth.guard';
import { DevTokensController } from './dev-tokens.controller';
import { JwtTokens } from './jwt-tokens';
import { loadTokenSecret } from './token-secret';
import { TOKENS } from './tokens.port';

/** Bearer-token authentication for every route; the development issuer only when configured. */
@Module({})
export class AuthModule {
  static with(config: PlatformConfig): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        {
          provide: TOKENS,
          useFactory: () => new JwtTokens(loadTokenSecret(config.tokenSecret, config.dataDir)),
        },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      controllers: config.devTokens ? [DevTokensController] : [],
      exports: [TOKENS],
    };
  }
}
