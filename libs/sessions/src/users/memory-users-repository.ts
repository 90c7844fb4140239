import { newUserRecord, normaliseEmail, type CreateUserInput, type UserRecord } from './user.types.js';
import type { UsersRepository } from './users-repository.js';
import { EmailTakenError } from './users.errors.js';

/**
 * The embedded `UsersRepository`: accounts in this process's memory, lost on restart. Each method finishes its
 * work before it yields, so two concurrent registrations of one e-mail still make exactly one account.
 */
export class MemoryUsersRepository implements UsersRepository {
  private readonly users = new Map<string, UserRecord>();
  private readonly userIdByEmail = new Map<string, string>();

  constructor(private readonly clock: () => number = Date.now) {}

  async create(input: CreateUserInput): Promise<UserRecord> {
    const email = normaliseEmail(input.email);
    if (this.userIdByEmail.has(email)) throw new EmailTakenError();

    const user = newUserRecord(input, this.clock());
    this.users.set(user.id, user);
    this.userIdByEmail.set(email, user.id);
    return copyOf(user);
  }

  async findById(userId: string): Promise<UserRecord | null> {
    const user = this.users.get(userId);
    return user ? copyOf(user) : null;
  }

  async findByEmail(email: string): Promise<UserRecord | null> {
    const userId = this.userIdByEmail.get(normaliseEmail(email));
    return userId === undefined ? null : this.findById(userId);
  }

  async setRoles(userId: string, roles: string[]): Promise<UserRecord | null> {
    const user = this.users.get(userId);
    if (!user) return null;

    user.roles = [...roles];
    return copyOf(user);
  }

  async count(): Promise<number> {
    return this.users.size;
  }
}

/** Callers get their own copy: changing it must not change the stored account. */
function copyOf(user: UserRecord): UserRecord {
  return { ...user, roles: [...user.roles] };
}
