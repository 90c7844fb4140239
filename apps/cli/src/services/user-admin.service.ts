import type { SessionStore, UserRecord, UsersRepository } from '@sessionops/sessions';
import { NotFoundError, UsageError } from '../errors.js';
import { requireUser } from './user-lookup.js';

/** An account as the CLI prints it: never the password hash. */
export interface UserView {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  createdAt: string;
  liveSessions: number;
}

/** Result of `users set-role`. */
export interface RoleChange {
  user: UserView;
  role: string;
  change: 'added' | 'removed' | 'unchanged';
}

// Lower-case words with dashes or underscores: roles end up in JWT claims and in logs.
const ROLE_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;

/** `users show` and `users set-role`: how the first administrator is made. */
export class UserAdminService {
  constructor(
    private readonly users: UsersRepository,
    private readonly store: SessionStore,
  ) {}

  async show(idOrEmail: string): Promise<UserView> {
    return this.view(await requireUser(this.users, idOrEmail));
  }

  /**
   * Adds (or with `remove`, takes away) one role. Servers check the stored roles on admin routes, so the change
   * applies on the next admin request.
   */
  async setRole(idOrEmail: string, role: string, remove = false): Promise<RoleChange> {
    if (!ROLE_PATTERN.test(role)) {
      throw new UsageError(`role "${role}" is not valid`, 'A role is 1-32 lower-case letters, digits, "-" or "_".');
    }
    const user = await requireUser(this.users, idOrEmail);
    const has = user.roles.includes(role);
    if (has !== remove) return { user: await this.view(user), role, change: 'unchanged' };

    const roles = remove ? user.roles.filter((existing) => existing !== role) : [...user.roles, role];
    const updated = await this.users.setRoles(user.id, roles);
    if (!updated) throw new NotFoundError('USER_NOT_FOUND', `user ${user.email} disappeared while being changed`);
    return { user: await this.view(updated), role, change: remove ? 'removed' : 'added' };
  }

  private async view(user: UserRecord): Promise<UserView> {
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      roles: [...user.roles],
      createdAt: new Date(user.createdAt).toISOString(),
      liveSessions: await this.store.countForUser(user.id),
    };
  }
}
