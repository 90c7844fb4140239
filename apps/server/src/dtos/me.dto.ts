import { ApiProperty } from '@nestjs/swagger';

/** GET /auth/me */
export class MeDto {
  @ApiProperty({ example: '6f1c2a9e-3b7d-4c1e-9a55-0d3e8b7f2c41' })
  id!: string;

  @ApiProperty({ example: 'ada@example.com' })
  email!: string;

  @ApiProperty({ example: 'Ada' })
  displayName!: string;

  @ApiProperty({ type: [String], example: [] })
  roles!: string[];

  @ApiProperty({ description: 'The session of the access token used for this request' })
  sessionId!: string;
}
