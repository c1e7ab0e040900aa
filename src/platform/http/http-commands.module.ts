import { DynamicModule, Global, Module } from '@nestjs/common';
import { CLOCK, Clock } from '../clock';
import { CommandContexts } from './command-contexts';

/** What every controller needs to send commands: the clock and the request → command context mapping. */
@Global()
@Module({})
export class HttpCommandsModule {
  static with(clock: Clock): DynamicModule {
    return {
      module: HttpCommandsModule,
      providers: [{ provide: CLOCK, useValue: clock }, CommandContexts],
      exports: [CLOCK, CommandContexts],
    };
  }
}
