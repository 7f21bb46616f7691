import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class LoginResponseDto {
  /** Bearer token for the Authorization header */
  accessToken: string;
  /** Seconds until the token expires */
  expiresIn: number;
}
