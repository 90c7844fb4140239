import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  EmailTakenError,
  generateSessionId,
  normaliseEmail,
  type RotateRefreshTokenResult,
  type SessionRecord,
  type SessionStore,
  type UserRecord,
  type UsersRepository,
} from '@sessionops/sessions';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { SESSION_STORE, USERS_REPOSITORY } from '../app.tokens.js';
import type { AuthResponseDto } from '../dtos/auth-response.dto.js';
import type { LoginDto } from '../dtos/login.dto.js';
import type { MeDto } from '../dtos/me.dto.js';
import type { RefreshResponseDto } from '../dtos/refresh-response.dto.js';
import type { RegisterDto } from '../dtos/register.dto.js';
import { UserDto } from '../dtos/user.dto.js';
import { ApiException } from '../errors/api.exception.js';
import type { Principal } from '../guards/principal.js';
import { PasswordHasher } from '../repositories/password-hasher.repository.js';
import { RateLimiterRepository } from '../repositories/rate-limiter.repository.js';
import { AccessTokenService } from './access-token.service.js';
import type { ClientInfo } from './client-info.js';
import { RefreshTokenService } from './refresh-token.service.js';

const DISPLAY_NAME_MAX_LENGTH = 64;
// The user agent is stored with every session; a bound keeps one client from bloating the store.
const USER_AGENT_MAX_LENGTH = 256;

const tooManyAttempts = (retryAfterSeconds: number) =>
  new ApiException(
    HttpStatus.TOO_MANY_REQUESTS,
    'TOO_MANY_ATTEMPTS',
    'Too many attempts; try later',
    retryAfterSeconds,
  );
const emailTaken = () => new ApiException(HttpStatus.CONFLICT, 'EMAIL_TAKEN', 'This e-mail address is taken');
const invalidRefreshToken = () =>
  new ApiException(HttpStatus.UNAUTHORIZED, 'REFRESH_TOKEN_INVALID', 'The refresh token is invalid');

/** Accounts and the sessions they open: register, login, refresh, logout and the caller's profile. */
@Injectable()
export class AuthService {
  constructor(
    @Inject(USERS_REPOSITORY) private readonly users: UsersRepository,
    @Inject(SESSION_STORE) private readonly store: SessionStore,
    private readonly passwords: PasswordHasher,
    private readonly rateLimiter: RateLimiterRepository,
    private readonly accessTokens: AccessTokenService,
    private readonly refreshTokens: RefreshTokenService,
    @InjectPinoLogger(AuthService.name) private readonly logger: PinoLogger,
  ) {}

  /** Creates an account and its first session. 409 when the e-mail is taken, 429 over the per-address limit. */
  async register(input: RegisterDto, client: ClientInfo): Promise<AuthResponseDto> {
    const retryAfter = await this.rateLimiter.consumeRegistration(client.ip);
    if (retryAfter !== null) throw tooManyAttempts(retryAfter);
    const email = normaliseEmail(input.email);
    // Saves a hash for the common case; the repository still settles a race between two registrations.
    if (await this.users.findByEmail(email)) throw emailTaken();

    const passwordHash = await this.passwords.hash(input.password);
    const displayName = input.displayName ?? email.slice(0, email.indexOf('@')).slice(0, DISPLAY_NAME_MAX_LENGTH);
    let user: UserRecord;
    try {
      user = await this.users.create({ email, displayName, passwordHash });
    } catch (error) {
      if (error instanceof EmailTakenError) throw emailTaken();
      throw error;
    }

    this.logger.info({ event: 'user.registered', userId: user.id }, 'Account created');
    return { user: UserDto.from(user), ...(await this.openSession(user, client)) };
  }

  /**
   * Checks the password and opens a session. The rate limit is checked first, so a blocked (e-mail, address) pair
   * gets 429 even with the right password. Unknown e-mail and wrong password give the same 401, after the same
   * work (one argon2id verification), and both count as failures.
   */
  async login(input: LoginDto, client: ClientInfo): Promise<AuthResponseDto> {
    const email = normaliseEmail(input.email);
    const retryAfter = await this.rateLimiter.loginBlockedFor(email, client.ip);
    if (retryAfter !== null) throw tooManyAttempts(retryAfter);

    const user = await this.users.findByEmail(email);
    const matches = await this.passwords.verify(user?.passwordHash, input.password);
    if (!user || !matches) {
      await this.rateLimiter.recordLoginFailure(email, client.ip);
      this.logger.debug({ event: 'auth.login_failed', ip: client.ip }, 'Login failed');
      throw new ApiException(HttpStatus.UNAUTHORIZED, 'INVALID_CREDENTIALS', 'Invalid e-mail or password');
    }

    return { user: UserDto.from(user), ...(await this.openSession(user, client)) };
  }

  /**
   * Rotates a refresh token. The token's MAC is checked before the store is asked; the store then swaps the hash
   * atomically. The previous token, replayed within the grace window, gets the same newest token back (never a
   * second token family); an older one revokes the session as theft.
   */
  async refresh(refreshToken: string): Promise<RefreshResponseDto> {
    const presented = this.refreshTokens.parse(refreshToken);
    if (!presented) throw invalidRefreshToken();

    const next = this.refreshTokens.issue(presented.sessionId, presented.generation + 1);
    const result = await this.store.rotateRefreshToken({
      sessionId: presented.sessionId,
      presentedHash: presented.hash,
      presentedGeneration: presented.generation,
      nextHash: next.hash,
      nextTokenCiphertext: this.refreshTokens.encrypt(presented.sessionId, next.token),
    });
    return this.answerRotation(result, next.token);
  }

  /** Revokes the caller's current session (reason `logout`). */
  async logout(principal: Principal): Promise<void> {
    await this.store.revoke(principal.sessionId, 'logout', { kind: 'user', id: principal.userId });
  }

  /**
   * The caller's account as of its access token, and the session making the request. Read from the verified token:
   * the guard's session check is the only store round trip of this hot path. Roles changed since the token was
   * signed show after the next refresh (at most AUTH_ACCESS_TTL_SECONDS); admin routes always read them live.
   */
  profile(principal: Principal): MeDto {
    const { userId: id, email, displayName, roles, sessionId } = principal;
    return { id, email, displayName, roles: [...roles], sessionId };
  }

  private async answerRotation(result: RotateRefreshTokenResult, nextToken: string): Promise<RefreshResponseDto> {
    switch (result.outcome) {
      case 'rotated':
        return this.tokensFor(result.session, nextToken);
      case 'grace': {
        const newest = this.refreshTokens.decrypt(result.session.id, result.tokenCiphertext);
        // Only a JWT_SECRET list that dropped the encrypting secret within the grace window gets here.
        if (newest === null) throw invalidRefreshToken();
        return this.tokensFor(result.session, newest);
      }
      case 'reuse-detected':
        // The store has revoked the session and published `reuse-detected`; SessionEventLogService logs it.
        throw new ApiException(
          HttpStatus.UNAUTHORIZED,
          'REFRESH_TOKEN_REUSED',
          'This refresh token was already used; the session has been revoked',
        );
      case 'rejected':
        if (result.reason === 'revoked') {
          throw new ApiException(HttpStatus.UNAUTHORIZED, 'SESSION_REVOKED', 'The session was revoked');
        }
        if (result.reason === 'expired') {
          throw new ApiException(HttpStatus.UNAUTHORIZED, 'SESSION_EXPIRED', 'The session has expired');
        }
        throw invalidRefreshToken();
    }
  }

  private async tokensFor(session: SessionRecord, refreshToken: string): Promise<RefreshResponseDto> {
    // Roles go into the new access token as stored now, so a role change reaches tokens at the next refresh.
    const user = await this.users.findById(session.userId);
    if (!user) throw invalidRefreshToken();

    const accessToken = this.accessTokens.sign(this.principalOf(user, session.id));
    return { accessToken, refreshToken, sessionId: session.id, expiresIn: this.accessTokens.ttlSeconds };
  }

  private principalOf(user: UserRecord, sessionId: string): Principal {
    return { userId: user.id, sessionId, roles: user.roles, email: user.email, displayName: user.displayName };
  }

  private async openSession(user: UserRecord, client: ClientInfo): Promise<RefreshResponseDto> {
    const sessionId = generateSessionId(user.id);
    const refresh = this.refreshTokens.issue(sessionId, 0);
    await this.store.create({
      id: sessionId,
      userId: user.id,
      ip: client.ip,
      userAgent: client.userAgent.slice(0, USER_AGENT_MAX_LENGTH),
      refreshTokenHash: refresh.hash,
      actor: { kind: 'user', id: user.id },
    });

    const accessToken = this.accessTokens.sign(this.principalOf(user, sessionId));
    return { accessToken, refreshToken: refresh.token, sessionId, expiresIn: this.accessTokens.ttlSeconds };
  }
}
