import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class EraseAccountDto {
  @ApiProperty({ description: 'The current password: a stolen access token alone erases no one' })
  @IsString()
  @Length(1, 1024)
  password!: string;
}

/** The erasure is recorded and final; its last steps (the key, the copies) finish in the background. */
@ApiSchema({ name: 'ErasurePending' })
export class ErasurePendingView {
  @ApiProperty({ enum: ['completing'] })
  status!: 'completing';
}
