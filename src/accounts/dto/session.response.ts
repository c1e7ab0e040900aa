import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'SessionTokens' })
export class SessionTokensView {
  @ApiProperty({ description: 'A JWT to send as Authorization: Bearer <token>; lives expiresIn seconds' })
  accessToken!: string;

  @ApiProperty({ description: 'Opaque; exchange once at POST /api/sessions/refresh for a new pair' })
  refreshToken!: string;

  @ApiProperty({ type: 'integer', example: 900, description: 'Seconds the access token lives' })
  expiresIn!: number;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';
}

/** What a route without a resource to return answers: what happened, in one word. */
@ApiSchema({ name: 'AccountOutcome' })
export class AccountOutcomeView {
  @ApiProperty({ enum: ['accepted', 'confirmed', 'password_reset', 'signed_out'], example: 'accepted' })
  status!: 'accepted' | 'confirmed' | 'password_reset' | 'signed_out';
}
