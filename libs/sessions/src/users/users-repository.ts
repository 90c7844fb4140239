import type { CreateUserInput, UserRecord } from './user.types.js';

/**
 * Where accounts live: Redis (a hash per user plus an e-mail index) or in memory for the embedded mode. Shared by
 * the server and the CLI. Throws `EmailTakenError` on a duplicate e-mail and `SessionStoreUnavailableError` when
 * the backing store cannot answer.
 */
export interface UsersRepository {
  /**
   * Creates an account. Two concurrent calls with one e-mail yield exactly one account, also on Redis Cluster where
   * the e-mail key and the user key sit in different slots.
   */
  create(input: CreateUserInput): Promise<UserRecord>;
  findById(userId: string): Promise<UserRecord | null>;
  findByEmail(email: string): Promise<UserRecord | null>;
  /** Replaces the roles of an account; returns the updated record or null when the user is unknown. */
  setRoles(userId: string, roles: string[]): Promise<UserRecord | null>;
  /** Number of accounts, by a full scan: for operators. */
  count(): Promise<number>;
}
