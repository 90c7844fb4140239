// Fills a Redis with sessions through the session library itself (not the API, whose password hashing would take
// far too long for 100,000 sessions). Needs the libraries built (`tsc -b`).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createRedisClient, RedisKeyspace, waitUntilReady } from '@sessionops/redis';
import { RedisSessionStore, generateSessionId } from '@sessionops/sessions';

const SESSIONS_PER_USER = 5;
const IN_FLIGHT = 200;

/** Creates `count` sessions spread over count/5 users; returns how long it took in ms. */
export async function seedSessions(redisUrl, count, { keyPrefix = 'sessionops:' } = {}) {
  const client = createRedisClient({ url: redisUrl, commandTimeoutMs: 5_000 });
  await waitUntilReady(client, 5_000, redisUrl);
  const store = new RedisSessionStore({ client, keyspace: new RedisKeyspace(keyPrefix), maxPerUser: 100 });
  const startedAt = performance.now();

  let created = 0;
  let userId = randomUUID();
  const createOne = () => {
    if (created % SESSIONS_PER_USER === 0) userId = randomUUID();
    created += 1;
    const refreshTokenHash = createHash('sha256').update(randomBytes(32)).digest('base64url');
    return store.create({
      id: generateSessionId(userId),
      userId,
      ip: `10.0.${created % 250}.${created % 200}`,
      userAgent: 'sessionops-bench/1.0',
      refreshTokenHash,
    });
  };
  while (created < count) {
    const batch = [];
    while (batch.length < IN_FLIGHT && created < count) batch.push(createOne());
    await Promise.all(batch);
  }

  await store.close();
  client.disconnect();
  return performance.now() - startedAt;
}
