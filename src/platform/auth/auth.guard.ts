import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { Actor } from '../domain/decider';
import { bearerTokenOf } from './bearer';
import { IS_PUBLIC } from './public.decorator';
import { TOKENS, Tokens } from './tokens.port';

export type AuthenticatedRequest = FastifyRequest & { actor?: Actor };

/** Every route needs a valid bearer token unless marked @Public(); public routes still learn who calls. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(TOKENS) private readonly tokens: Tokens,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    const bearer = bearerTokenOf(request.headers.authorization);
    request.actor = bearer ? await this.tokens.verify(bearer) : undefined;
    if (request.actor || isPublic) return true;
    throw new UnauthorizedException(
      bearer ? 'The bearer token is invalid or expired' : 'A bearer token is required',
    );
  }
}
