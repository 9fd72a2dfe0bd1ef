import type { Command } from 'commander';
import { AdminClient, type AdminOptions } from '../admin/admin-client';
import { withAdminOptions } from '../admin/admin-options';
import type { CliContext } from '../context';
import { printJson, type JsonOption } from '../output';

export function registerRetry(program: Command, ctx: CliContext): void {
  const command = program
    .command('retry')
    .description('retry one dead or failed handler run now, with a fresh attempt count')
    .argument('<id>', 'the delivery id')
    .argument('<handler>', 'the handler whose run to retry');
  withAdminOptions(command).action(
    async (id: string, handler: string, options: AdminOptions & JsonOption) => {
      const client = new AdminClient(options, ctx.io.env);
      const path = `/admin/deliveries/${encodeURIComponent(id)}/runs/${encodeURIComponent(handler)}/retry`;
      const answer = await client.post<{ id: string; handler: string }>(path);
      if (options.json) return printJson(ctx.io, answer);
      ctx.io.out(`Retrying ${answer.handler} for ${answer.id}`);
    },
  );
}
