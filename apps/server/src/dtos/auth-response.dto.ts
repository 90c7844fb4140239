import { ApiProperty } from '@nestjs/swagger';
import { RefreshResponseDto } from './refresh-response.dto.js';
import { UserDto } from './user.dto.js';

/** What register and login answer: the account and the tokens of its new session. */
export class AuthResponseDto extends RefreshResponseDto {
  @ApiProperty({ type: UserDto })
  user!: UserDto;
}
