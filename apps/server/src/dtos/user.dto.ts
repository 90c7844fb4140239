import { ApiProperty } from '@nestjs/swagger';
import type { UserRecord } from '@sessionops/sessions';

/** An account as the API shows it (never the password hash). */
export class UserDto {
  @ApiProperty({ example: '6f1c2a9e-3b7d-4c1e-9a55-0d3e8b7f2c41' })
  id!: string;

  @ApiProperty({ example: 'ada@example.com' })
  email!: string;

  @ApiProperty({ example: 'Ada' })
  displayName!: string;

  @ApiProperty({ type: [String], example: [] })
  roles!: string[];

  @ApiProperty({ format: 'date-time', example: '2026-01-31T12:00:00.000Z' })
  createdAt!: string;

  static from(user: UserRecord): UserDto {
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      roles: user.roles,
      createdAt: new Date(user.createdAt).toISOString(),
    };
  }
}
