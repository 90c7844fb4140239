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
