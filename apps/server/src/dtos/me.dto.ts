import { ApiProperty, OmitType } from '@nestjs/swagger';
import { UserDto } from './user.dto.js';

/** GET /auth/me: the account as of the access token, and the session making the request. */
export class MeDto extends OmitType(UserDto, ['createdAt'] as const) {
  @ApiProperty({ description: 'The session of the access token used for this request' })
  sessionId!: string;
}
