import { defineScripts, runScript, type Cluster, type Redis, type RedisKeyspace } from '@sessionops/redis';
import { scanKeys } from '../redis/redis-batch.js';
import { unavailableAs } from '../redis/redis-failure.mapper.js';
import { USER_SCRIPTS, type UserScriptName } from '../redis/scripts/index.js';
import { newUserRecord, normaliseEmail, type CreateUserInput, type UserRecord } from './user.types.js';
import type { UsersRepository } from './users-repository.js';
import { EmailTakenError } from './users.errors.js';

/** Where the Redis users repository keeps accounts. */
export interface RedisUsersRepositoryOptions {
  /** A standalone client or a cluster (ideally from `createRedisClient`). The repository never closes it. */
  client: Redis | Cluster;
  /** Key names; the same prefix as the session store. */
  keyspace: RedisKeyspace;
}

// Why 10 s: far longer than the one write that follows the claim, short enough that the claim of a registration
// that died half-way frees its e-mail again soon.
const EMAIL_CLAIM_TTL_MS = 10_000;
const SCAN_BATCH_SIZE = 500;

/**
 * `UsersRepository` on Redis: a hash per account at `keyspace.user(id)` and an e-mail index at
 * `keyspace.email(email)` holding the account id. The two sit in different Cluster slots, so uniqueness comes from
 * claiming the e-mail first (SET NX with a TTL), then writing the account, then making the claim permanent.
 */
export class RedisUsersRepository implements UsersRepository {
  private readonly client: Redis | Cluster;
  private readonly keyspace: RedisKeyspace;

  constructor(options: RedisUsersRepositoryOptions) {
    this.client = options.client;
    this.keyspace = options.keyspace;
    defineScripts(this.client, USER_SCRIPTS);
  }

  async create(input: CreateUserInput): Promise<UserRecord> {
    const user = newUserRecord(input, Date.now());
    const { email } = user;
    const emailKey = this.keyspace.email(email);
    const userKey = this.keyspace.user(user.id);

    return unavailableAs('users.create', async () => {
      // Claim the e-mail first; a claim still pending for another registration counts as taken.
      const claimed = await this.client.set(emailKey, user.id, 'PX', EMAIL_CLAIM_TTL_MS, 'NX');
      if (claimed !== 'OK') throw new EmailTakenError();
      // Write the account; if this fails, the claim expires by itself.
      await this.client.hset(userKey, toHash(user));
      // Make the claim permanent, unless it expired and another registration took the e-mail meanwhile.
      const persisted = await runScript<number>(
        this.client,
        scriptName('sessionopsPersistEmailClaim'),
        [emailKey],
        [user.id],
      );
      if (Number(persisted) === 1) return user;
      await this.client.del(userKey);
      throw new EmailTakenError();
    });
  }

  async findById(userId: string): Promise<UserRecord | null> {
    const hash = await unavailableAs('users.findById', () => this.client.hgetall(this.keyspace.user(userId)));
    return fromHash(hash);
  }

  async findByEmail(email: string): Promise<UserRecord | null> {
    const normalised = normaliseEmail(email);
    const userId = await unavailableAs('users.findByEmail', () => this.client.get(this.keyspace.email(normalised)));
    if (userId === null) return null;

    // A claim whose account is not written yet (or never will be) finds nobody.
    const user = await this.findById(userId);
    return user?.email === normalised ? user : null;
  }

  async setRoles(userId: string, roles: string[]): Promise<UserRecord | null> {
    const reply = await unavailableAs('users.setRoles', () =>
      runScript<string[] | null>(
        this.client,
        scriptName('sessionopsSetUserRoles'),
        [this.keyspace.user(userId)],
        [JSON.stringify(roles)],
      ),
    );
    if (reply === null) return null;

    const hash: Record<string, string> = {};
    for (let index = 0; index + 1 < reply.length; index += 2) hash[reply[index]] = reply[index + 1];
    return fromHash(hash);
  }

  /** Counts account keys by SCAN; approximate while accounts are being created (SCAN may repeat a key then). */
  async count(): Promise<number> {
    return unavailableAs('users.count', async () => {
      let total = 0;
      for await (const keys of scanKeys(this.client, this.keyspace.userScanPattern(), SCAN_BATCH_SIZE)) {
        total += keys.length;
      }
      return total;
    });
  }
}

function scriptName(name: UserScriptName): string {
  return name;
}

function toHash(user: UserRecord): Record<string, string> {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: JSON.stringify(user.roles),
    passwordHash: user.passwordHash,
    createdAt: String(user.createdAt),
  };
}

/** The account in a hash, or null for no hash. A field that cannot be read throws an `INVARIANT:` error. */
function fromHash(hash: Record<string, string>): UserRecord | null {
  if (hash.id === undefined) return null;

  const roles = parseRoles(hash.roles);
  const createdAt = Number(hash.createdAt);
  if (!Number.isSafeInteger(createdAt)) throw new Error('INVARIANT: an account holds a createdAt that is not a number');
  return {
    id: hash.id,
    email: hash.email ?? '',
    displayName: hash.displayName ?? '',
    roles,
    passwordHash: hash.passwordHash ?? '',
    createdAt,
  };
}

function parseRoles(json: string | undefined): string[] {
  let roles: unknown;
  try {
    roles = JSON.parse(json ?? '');
  } catch {
    roles = undefined;
  }
  if (!Array.isArray(roles) || !roles.every((role) => typeof role === 'string')) {
    throw new Error('INVARIANT: an account holds roles that are not a JSON list of strings');
  }
  return roles;
}
