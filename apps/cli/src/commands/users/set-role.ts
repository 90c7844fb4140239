import type { Command } from 'commander';
import type { CommandContext } from '../../program.js';
import { UserAdminService } from '../../services/user-admin.service.js';
import { outputFor, withSessions, type FormatFlags } from '../command-runtime.js';

interface SetRoleFlags extends FormatFlags {
  remove?: boolean;
}

/** `sessionctl users set-role <email> <role>`: grants a role (how the first admin is made), or takes it away. */
export function registerUsersSetRole(users: Command, { io }: CommandContext): void {
  users
    .command('set-role')
    .description('add a role to an account (or remove it with --remove)')
    .argument('<email>', 'the e-mail address (or the user id)')
    .argument('<role>', 'the role, e.g. admin')
    .option('--remove', 'take the role away instead')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ sessionctl users set-role ada@example.com admin\n' +
        '  $ sessionctl users set-role ada@example.com admin --remove\n',
    )
    .action(async (email: string, role: string, flags: SetRoleFlags, command: Command) => {
      const output = outputFor(io, flags);
      await withSessions(command, io, output, async ({ users: repository, store }) => {
        const result = await new UserAdminService(repository, store).setRole(email, role, flags.remove);
        if (output.format === 'json') return output.json(result);

        const { email: address, roles } = result.user;
        const sentences = {
          added: `added role ${role} to ${address}`,
          removed: `removed role ${role} from ${address}`,
          unchanged: `${address} ${flags.remove ? 'does not have' : 'already has'} role ${role}`,
        };
        await output.result(`${sentences[result.change]}; roles: ${roles.join(', ') || '(none)'}`);
      });
    });
}
