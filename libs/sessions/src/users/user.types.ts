import { randomUUID } from 'node:crypto';

/** A stored account. `createdAt` is Unix milliseconds. */
export interface UserRecord {
  id: string;
  /** Normalised: trimmed and lower-cased. */
  email: string;
  displayName: string;
  roles: string[];
  /** A PHC string (argon2id); never leaves the server. */
  passwordHash: string;
  createdAt: number;
}

export interface CreateUserInput {
  email: string;
  displayName: string;
  passwordHash: string;
  roles?: string[];
}

/** Trims and lower-cases an e-mail address, the one form used for lookups and uniqueness. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Roles of an account created without any. */
export const DEFAULT_USER_ROLES: readonly string[] = ['user'];

/** A new account's record: a random id, the normalised e-mail and default roles; both repositories store this. */
export function newUserRecord(input: CreateUserInput, createdAt: number): UserRecord {
  return {
    id: randomUUID(),
    email: normaliseEmail(input.email),
    displayName: input.displayName,
    roles: [...(input.roles ?? DEFAULT_USER_ROLES)],
    passwordHash: input.passwordHash,
    createdAt,
  };
}
