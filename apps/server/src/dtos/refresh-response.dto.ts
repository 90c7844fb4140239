import { ApiProperty } from '@nestjs/swagger';

/** A new pair of tokens for one session. */
export class RefreshResponseDto {
  @ApiProperty({ description: 'HS256 JWT for the Authorization: Bearer header' })
  accessToken!: string;

  @ApiProperty({ description: 'Single use: present it once to POST /auth/refresh', example: '<sid>.1.<secret>.<mac>' })
  refreshToken!: string;

  @ApiProperty({ description: 'The session both tokens belong to' })
  sessionId!: string;

  @ApiProperty({ description: 'Lifetime of the access token in seconds', example: 900 })
  expiresIn!: number;
}
