import { normaliseEmail, type UserRecord, type UsersRepository } from '@sessionops/sessions';
import { NotFoundError } from '../errors.js';
import { stripControlCharacters } from '../output/sanitise.js';

/** A user named on the command line: by e-mail (contains `@`) or by id. */
export interface ResolvedUser {
  userId: string;
  /** Null when only an id was given and no account has it (its sessions may still exist). */
  user: UserRecord | null;
}

/**
 * Finds the user an operator named. An unknown e-mail is an error; an unknown id is not, because sessions are
 * indexed by user id and may outlive (or predate) the account record.
 */
export async function resolveUser(users: UsersRepository, idOrEmail: string): Promise<ResolvedUser> {
  if (idOrEmail.includes('@')) {
    const user = await users.findByEmail(normaliseEmail(idOrEmail));
    if (!user) throw unknownEmail(idOrEmail);
    return { userId: user.id, user };
  }
  return { userId: idOrEmail, user: await users.findById(idOrEmail) };
}

/** Finds an account by e-mail or id, or throws `USER_NOT_FOUND`. */
export async function requireUser(users: UsersRepository, idOrEmail: string): Promise<UserRecord> {
  const { user } = await resolveUser(users, idOrEmail);
  if (!user) throw new NotFoundError('USER_NOT_FOUND', `user ${stripControlCharacters(idOrEmail)} not found`);
  return user;
}

function unknownEmail(email: string): NotFoundError {
  return new NotFoundError(
    'USER_NOT_FOUND',
    `no account with e-mail ${stripControlCharacters(email)}`,
    'E-mails are matched trimmed and lower-cased; check the spelling.',
  );
}
