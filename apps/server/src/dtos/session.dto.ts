import { ApiProperty } from '@nestjs/swagger';
import { sessionExpiresAt, type SessionRecord } from '@sessionops/sessions';

const iso = (ms: number): string => new Date(ms).toISOString();

/** A live session as its owner (or an admin) sees it. */
export class SessionDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  lastSeenAt!: string;

  @ApiProperty({ format: 'date-time', description: 'When it ends if unused: the earlier of idle and absolute expiry' })
  expiresAt!: string;

  @ApiProperty({ example: '203.0.113.7' })
  ip!: string;

  @ApiProperty({ example: 'Mozilla/5.0' })
  userAgent!: string;

  @ApiProperty({ description: 'True for the session of the access token used for this request' })
  current!: boolean;

  static from(session: SessionRecord, currentSessionId: string): SessionDto {
    return {
      id: session.id,
      createdAt: iso(session.createdAt),
      lastSeenAt: iso(session.lastSeenAt),
      expiresAt: iso(sessionExpiresAt(session)),
      ip: session.ip,
      userAgent: session.userAgent,
      current: session.id === currentSessionId,
    };
  }
}
