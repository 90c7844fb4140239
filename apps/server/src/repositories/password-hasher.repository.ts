import { hash, verify, type Options } from '@node-rs/argon2';
import pLimit, { type LimitFunction } from 'p-limit';

/** argon2id cost parameters, in the units of their names. */
export interface PasswordHashOptions {
  /** Memory per hash in KiB. The server passes PASSWORD_HASH_MEMORY_KIB (default 19,456 = 19 MiB). */
  memoryKib: number;
  /** Passes over memory (argon2 time cost). PASSWORD_HASH_ITERATIONS, default 2. */
  iterations: number;
  /** Hashes computed at once; the rest queue. PASSWORD_HASH_CONCURRENCY, default 4. */
  concurrency: number;
}

// `Algorithm` is a const enum in the package typings, which per-file transpilers cannot inline: 2 is Argon2id.
const ARGON2ID: Options['algorithm'] = 2;
// A password that no user can have: the dummy hash must never verify.
const DUMMY_PASSWORD = '\u0000 sessionops timing guard \u0000';

/**
 * argon2id with parallelism 1 (@node-rs/argon2, which runs on libuv's thread pool). A p-limit queue bounds how many
 * hashes run at once, so a burst of logins costs memoryKib × concurrency at most instead of exhausting memory.
 */
export class PasswordHasher {
  private readonly options: Options;
  private readonly limit: LimitFunction;
  private dummyHash: Promise<string> | undefined;

  constructor(options: PasswordHashOptions) {
    this.options = { algorithm: ARGON2ID, memoryCost: options.memoryKib, timeCost: options.iterations, parallelism: 1 };
    this.limit = pLimit(options.concurrency);
  }

  /** A PHC string (`$argon2id$v=19$m=…,t=…,p=1$salt$hash`) with a fresh random salt. */
  hash(password: string): Promise<string> {
    return this.limit(() => hash(password, this.options));
  }

  /**
   * Whether `password` matches `passwordHash`. Without a hash (unknown account) it verifies against a dummy hash
   * with the same parameters and answers false, so both cases cost one verification and look alike in timing.
   */
  async verify(passwordHash: string | undefined, password: string): Promise<boolean> {
    const target = passwordHash ?? (await this.dummy());
    const matches = await this.limit(() => verify(target, password).catch(() => false));
    return passwordHash !== undefined && matches;
  }

  /** Makes the dummy hash now rather than on the first unknown-account login. */
  async warmUp(): Promise<void> {
    await this.dummy();
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.hash(DUMMY_PASSWORD);
    return this.dummyHash;
  }
}
