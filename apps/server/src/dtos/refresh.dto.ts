import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';

/** POST /auth/refresh. Any string is a well-formed body: a token that does not parse is a 401, not a 400. */
export class RefreshDto {
  @ApiProperty({ description: 'The refresh token from the last login or refresh', example: '<sid>.0.<secret>.<mac>' })
  @IsString()
  refreshToken!: string;
}
