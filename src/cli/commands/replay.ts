import type { Command } from 'commander';
import { AdminClient, type AdminOptions } from '../admin/admin-client';
import { withAdminOptions } from '../admin/admin-options';
import type { CliContext } from '../context';
import { printJson, type JsonOption } from '../output';

type Options = AdminOptions & JsonOption & { handler?: string };

export function registerReplay(program: Command, ctx: CliContext): void {
  const command = program
    .command('replay')
    .description("run a delivery's matching handlers again, from attempt 1")
    .argument('<id>', 'the delivery id')
    .option('--handler <name>', 'only this handler');
  withAdminOptions(command).action(async (id: string, options: Options) => {
    const client = new AdminClient(options, ctx.io.env);
    const path = `/admin/deliveries/${encodeURIComponent(id)}/replay`;
    const answer = await client.post<{ id: string; handlers: string[] }>(path, {
      handler: options.handler,
    });
    if (options.json) return printJson(ctx.io, answer);
    ctx.io.out(`Replaying ${answer.id}: ${answer.handlers.join(', ')}`);
  });
}
