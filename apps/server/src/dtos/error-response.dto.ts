import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { API_ERROR_CODES, type ApiErrorCode } from '../errors/api-error-code.js';

/** The one shape of every error body. */
@ApiSchema({ name: 'ErrorResponse', description: 'Every error body has this shape' })
export class ErrorResponseDto {
  @ApiProperty({ example: 401 })
  statusCode!: number;

  @ApiProperty({ example: 'Unauthorized', description: 'The HTTP reason phrase' })
  error!: string;

  @ApiProperty({ example: 'The session was revoked', description: 'A short sentence for people' })
  message!: string;

  @ApiProperty({ enum: API_ERROR_CODES, example: 'SESSION_REVOKED', description: 'Stable, for programs' })
  code!: ApiErrorCode;
}
