import type { Command } from 'commander';
import type { CommandContext } from '../../program.js';
import { UserAdminService } from '../../services/user-admin.service.js';
import { renderView } from '../../ui/render-view.js';
import { outputFor, withSessions, type FormatFlags } from '../command-runtime.js';

/** `sessionctl users show <email>`: the account (never its password hash) and its live session count. */
export function registerUsersShow(users: Command, { io }: CommandContext): void {
  users
    .command('show')
    .description('show an account: id, e-mail, display name, roles, live sessions')
    .argument('<email>', 'the e-mail address (or the user id)')
    .option('--json', 'print the account as JSON')
    .addHelpText('after', '\nExamples:\n  $ sessionctl users show alice@example.com\n')
    .action(async (email: string, flags: FormatFlags, command: Command) => {
      const output = outputFor(io, flags);
      await withSessions(command, io, output, async ({ users: repository, store }) => {
        const user = await new UserAdminService(repository, store).show(email);
        if (output.format === 'json') await output.json(user);
        else await output.result(await renderView('userDetails', { user, colour: output.colour }, output.columns));
      });
    });
}
