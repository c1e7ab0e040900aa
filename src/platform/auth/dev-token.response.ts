import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'DevToken' })
export class DevTokenView {
  @ApiProperty({ description: 'A signed JWT to send as Authorization: Bearer <token>' })
  token!: string;
}
