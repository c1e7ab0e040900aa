import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuthenticatedRequest } from '../auth/auth.guard';
import { CLOCK, Clock } from '../clock';
import { CommandContext } from '../commands/command-context';
import { currentCorrelationId } from '../logging/correlation';
import { RequestValidationError } from './request-validation.error';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** Turns an authenticated HTTP request into the context of the command it carries. */
@Injectable()
export class CommandContexts {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  of(request: AuthenticatedRequest): CommandContext {
    if (!request.actor) throw new UnauthorizedException('A bearer token is required');
    const key = request.headers['idempotency-key'];
    if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) {
      throw new RequestValidationError([
        { field: 'Idempotency-Key', message: 'Idempotency-Key must be 1 to 200 visible ASCII characters' },
      ]);
    }
    return {
      actor: request.actor,
      now: this.clock.now(),
      idempotencyKey: key,
      correlationId: currentCorrelationId() ?? randomUUID(),
    };
  }
}
