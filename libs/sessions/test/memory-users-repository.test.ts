import { describe, expect, it } from '@jest/globals';
import { MemoryUsersRepository } from '@sessionops/sessions';
import { usersRepositoryContract } from './users-repository.contract.js';

describe(MemoryUsersRepository.name, () => {
  usersRepositoryContract(async () => new MemoryUsersRepository());

  it('hands out copies, so changing a returned account changes nothing stored', async () => {
    const users = new MemoryUsersRepository();
    const user = await users.create({ email: 'copy@example.test', displayName: 'Copy', passwordHash: 'x' });

    user.roles.push('admin');

    expect((await users.findById(user.id))?.roles).toEqual(['user']);
  });
});
