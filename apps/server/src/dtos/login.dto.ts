import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { Trim } from './trim.transform.js';

/** POST /auth/login */
export class LoginDto {
  @ApiProperty({ example: 'ada@example.com', maxLength: 254 })
  @Trim()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'correct horse battery', minLength: 1, maxLength: 128, format: 'password' })
  @IsString()
  @Length(1, 128)
  password!: string;
}
