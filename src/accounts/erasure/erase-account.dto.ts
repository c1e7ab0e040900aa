import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class EraseAccountDto {
  @ApiProperty({ description: 'The current password: a stolen access token alone erases no one' })
  @IsString()
  @Length(1, 1024)
  password!: string;
}
