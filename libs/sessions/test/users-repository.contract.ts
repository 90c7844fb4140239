import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { EmailTakenError, type CreateUserInput, type UsersRepository } from '@sessionops/sessions';

/** A unique e-mail, so tests never collide on the e-mail index. */
const newEmail = () => `user-${randomUUID()}@example.test`;

const userInput = (overrides: Partial<CreateUserInput> = {}): CreateUserInput => ({
  email: newEmail(),
  displayName: 'Ada Lovelace',
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
  ...overrides,
});

/**
 * The behaviour every `UsersRepository` shares. `factory` returns a repository with no accounts of its own (its own
 * key prefix on Redis).
 */
export function usersRepositoryContract(factory: () => Promise<UsersRepository>): void {
  describe('create', () => {
    it('stores the account with a normalised e-mail and the default role', async () => {
      const users = await factory();
      const email = newEmail();

      const user = await users.create(userInput({ email: `  ${email.toUpperCase()} ` }));

      expect(user).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        email,
        displayName: 'Ada Lovelace',
        roles: ['user'],
        passwordHash: userInput().passwordHash,
        createdAt: expect.any(Number),
      });
      expect(await users.findById(user.id)).toEqual(user);
      expect(await users.findByEmail(email.toUpperCase())).toEqual(user);
    });

    it('keeps the roles it was given', async () => {
      const users = await factory();

      const user = await users.create(userInput({ roles: ['admin', 'user'] }));

      expect((await users.findById(user.id))?.roles).toEqual(['admin', 'user']);
    });

    it('refuses a second account for an e-mail that differs only in case and spaces', async () => {
      const users = await factory();
      const email = newEmail();
      await users.create(userInput({ email }));

      await expect(users.create(userInput({ email: ` ${email.toUpperCase()}` }))).rejects.toBeInstanceOf(
        EmailTakenError,
      );
      expect(await users.count()).toBe(1);
    });

    it('makes exactly one account out of concurrent registrations of one e-mail', async () => {
      const users = await factory();
      const email = newEmail();

      const results = await Promise.allSettled(Array.from({ length: 10 }, () => users.create(userInput({ email }))));

      const created = results.filter((result) => result.status === 'fulfilled');
      expect(created).toHaveLength(1);
      for (const result of results) {
        if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(EmailTakenError);
      }
      expect(await users.count()).toBe(1);
      expect((await users.findByEmail(email))?.id).toBe(created[0].status === 'fulfilled' && created[0].value.id);
    });
  });

  describe('find', () => {
    it('answers null for an unknown id or e-mail', async () => {
      const users = await factory();

      expect(await users.findById(randomUUID())).toBeNull();
      expect(await users.findByEmail(newEmail())).toBeNull();
    });
  });

  describe('setRoles', () => {
    it('replaces the roles of an account and answers null for an unknown one', async () => {
      const users = await factory();
      const user = await users.create(userInput());

      const updated = await users.setRoles(user.id, ['admin']);

      expect(updated).toEqual({ ...user, roles: ['admin'] });
      expect(await users.findById(user.id)).toEqual(updated);
      expect(await users.setRoles(randomUUID(), ['admin'])).toBeNull();
    });
  });

  describe('count', () => {
    it('counts every account', async () => {
      const users = await factory();
      await Promise.all([1, 2, 3].map(() => users.create(userInput())));

      expect(await users.count()).toBe(3);
    });
  });
}
