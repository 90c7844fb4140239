import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { EmailTakenError, RedisUsersRepository } from '@sessionops/sessions';
import { useRedisHarness } from '@sessionops/testing';
import { usersRepositoryContract } from './users-repository.contract.js';

describe(RedisUsersRepository.name, () => {
  const redis = useRedisHarness();

  usersRepositoryContract(
    async () => new RedisUsersRepository({ client: redis.client, keyspace: redis.freshKeyspace() }),
  );

  describe('e-mail claims', () => {
    it('treats a pending claim as taken, and finds nobody behind it', async () => {
      const keyspace = redis.freshKeyspace();
      const users = new RedisUsersRepository({ client: redis.client, keyspace });
      const email = 'pending@example.test';
      // Another registration has claimed the e-mail but not written its account yet.
      await redis.client.set(keyspace.email(email), randomUUID(), 'PX', 10_000);

      await expect(users.create({ email, displayName: 'Late', passwordHash: 'x' })).rejects.toBeInstanceOf(
        EmailTakenError,
      );
      expect(await users.findByEmail(email)).toBeNull();
    });

    it('makes the claim of a created account permanent and stores the account as one hash', async () => {
      const keyspace = redis.freshKeyspace();
      const users = new RedisUsersRepository({ client: redis.client, keyspace });

      const user = await users.create({ email: 'Kept@Example.test', displayName: 'Kept', passwordHash: 'phc' });

      expect(await redis.client.pttl(keyspace.email('kept@example.test'))).toBe(-1);
      expect(await redis.client.get(keyspace.email('kept@example.test'))).toBe(user.id);
      expect(await redis.client.hgetall(keyspace.user(user.id))).toEqual({
        id: user.id,
        email: 'kept@example.test',
        displayName: 'Kept',
        roles: '["user"]',
        passwordHash: 'phc',
        createdAt: String(user.createdAt),
      });
    });

    it('frees the e-mail of a registration that died after its claim, once the claim expires', async () => {
      const keyspace = redis.freshKeyspace();
      const users = new RedisUsersRepository({ client: redis.client, keyspace });
      const email = 'abandoned@example.test';
      // A claim as `create` makes it, by a process that died before writing its account; shortened to 200 ms here.
      await redis.client.set(keyspace.email(email), randomUUID(), 'PX', 200);
      // 0.2 s past the claim's expiry, far more than Redis's expiry granularity.
      await new Promise((resolve) => setTimeout(resolve, 400));

      const user = await users.create({ email, displayName: 'Second try', passwordHash: 'x' });

      expect((await users.findByEmail(email))?.id).toBe(user.id);
    });
  });
});
