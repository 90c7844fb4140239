import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { Trim } from './trim.transform.js';

/** POST /auth/register */
export class RegisterDto {
  @ApiProperty({ example: 'ada@example.com', maxLength: 254, description: 'Trimmed and lower-cased before use' })
  @Trim()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'correct horse battery', minLength: 8, maxLength: 128, format: 'password' })
  @IsString()
  @Length(8, 128)
  password!: string;

  @ApiPropertyOptional({
    example: 'Ada',
    minLength: 1,
    maxLength: 64,
    description: 'Defaults to the part of the e-mail address before the @',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 64)
  displayName?: string;
}
