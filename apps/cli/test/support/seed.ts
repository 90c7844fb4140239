import { createHash, randomBytes } from 'node:crypto';
import { AuditTrail } from '@sessionops/audit';
import { createRedisClient, RedisKeyspace, waitUntilReady, type Redis } from '@sessionops/redis';
import {
  generateSessionId,
  RedisSessionStore,
  RedisUsersRepository,
  type SessionRecord,
  type SessionStoreOptions,
  type UserRecord,
} from '@sessionops/sessions';

/** The server's side of a test: the session library on its own connection, with an audit trail like the server's. */
export interface ServerSide {
  client: Redis;
  keyspace: RedisKeyspace;
  store: RedisSessionStore;
  users: RedisUsersRepository;
  trail: AuditTrail;
  close(): Promise<void>;
}

/** Connects the session library to `url` as a server process would. */
export async function connectServerSide(url: string, options: SessionStoreOptions = {}): Promise<ServerSide> {
  const client = createRedisClient({ url });
  await waitUntilReady(client, 5_000, url);
  const keyspace = new RedisKeyspace('sessionops:');
  const store = new RedisSessionStore({ client, keyspace, ...options });
  const users = new RedisUsersRepository({ client, keyspace });
  const trail = new AuditTrail({ client, keyspace });
  trail.attach(store.events);
  return {
    client,
    keyspace,
    store,
    users,
    trail,
    close: async () => {
      await trail.flush();
      await client.quit();
    },
  };
}

/** Creates an account (the password hash is a placeholder: these tests never log in). */
export function createUser(side: ServerSide, email: string): Promise<UserRecord> {
  return side.users.create({ email, displayName: email.split('@')[0], passwordHash: '$placeholder' });
}

/** Creates a session for a user through the library, as a login would. */
export async function createSession(
  side: ServerSide,
  userId: string,
  details: { ip?: string; userAgent?: string } = {},
): Promise<SessionRecord> {
  const refreshToken = randomBytes(32).toString('base64url');
  const { session } = await side.store.create({
    id: generateSessionId(userId),
    userId,
    ip: details.ip ?? '203.0.113.7',
    userAgent: details.userAgent ?? 'Mozilla/5.0 (X11; Linux x86_64)',
    refreshTokenHash: createHash('sha256').update(refreshToken).digest('base64url'),
  });
  return session;
}
